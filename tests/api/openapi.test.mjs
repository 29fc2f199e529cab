// openapi.json is valid OpenAPI 3.1 according to a real validator (@apidevtools/swagger-parser),
// and every path it names is answered by the server (no 404 for a documented route).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { freshDatabase, startServer, login } from './harness.mjs';

const require = createRequire(resolve(new URL('../../web/package.json', import.meta.url).pathname));
const SwaggerParser = require('@apidevtools/swagger-parser');

test('openapi.json validates as OpenAPI 3.1 and documents live routes', async () => {
  const db = freshDatabase('sqlite');
  const server = await startServer(db.url);
  try {
    const res = await fetch(`${server.base}/api/v1/openapi.json`);
    assert.equal(res.status, 200);
    const document = await res.json();
    assert.equal(document.openapi, '3.1.0');
    await SwaggerParser.validate(structuredClone(document));  // throws with the reason when invalid
    const token = await login(server.base, 'admin');
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        const target = path.replace(/\{[^}]+\}/g, '999999');
        const reply = await fetch(server.base + target, { method: method.toUpperCase(), headers: { authorization: `Bearer ${token}` } });
        assert.notEqual(reply.status, 405, `${method} ${path} is documented but not served`);
        assert.ok(reply.status < 500, `${method} ${path} answered ${reply.status}`);
        if (!path.includes('{')) assert.notEqual(reply.status, 404, `${method} ${path} is documented but not served`);
      }
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    db.cleanup();
  }
});
