// The built front end as the server serves it: MIME types, caching, client-side routes, and no
// way out of the web folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { freshDatabase, startServer, webRoot } from './harness.mjs';

// Sends a raw request line, so paths reach the server exactly as written (fetch would normalise "..").
function raw(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('end', () => ok(Number(data.split(' ')[1])));
    socket.on('error', fail);
  });
}

test('the web front end is served with the right types, caching and SPA fallback, and nothing outside it', { skip: !existsSync(join(webRoot, 'index.html')) && 'web/dist is not built' }, async () => {
  const db = freshDatabase('sqlite');
  const server = await startServer(db.url, { web: webRoot });
  try {
    const index = await fetch(`${server.base}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const route = await fetch(`${server.base}/system/enterprise`);
    assert.equal(route.status, 200, 'client-side routes get the app');
    assert.match(await route.text(), /<div id="app">/);
    const asset = readdirSync(join(webRoot, 'assets')).find((f) => f.endsWith('.js'));
    const js = await fetch(`${server.base}/assets/${asset}`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    assert.match(js.headers.get('cache-control'), /immutable/);
    const head = await fetch(`${server.base}/assets/${asset}`, { method: 'HEAD' });
    assert.equal(head.headers.get('content-length'), js.headers.get('content-length'));
    assert.equal((await fetch(`${server.base}/assets/missing.js`)).status, 404);
    for (const path of ['/../../../etc/passwd', '/assets/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      assert.equal(await raw(server.base, path), 404, path);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    db.cleanup();
  }
});
