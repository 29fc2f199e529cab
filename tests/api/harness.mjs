// Starts the real sanpi binary on a fresh database (SQLite file, or a new database in the
// throwaway PostgreSQL cluster of scripts/run-tests) and talks to it over loopback HTTP.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

const root = resolve(new URL('../..', import.meta.url).pathname);
export const bin = process.env.SANPI_BIN || join(root, 'build/src/sanpi');
export const webRoot = process.env.SANPI_WEB || join(root, 'web/dist');
export const password = 'Sanpi2026';

export const backends = ['sqlite', ...(process.env.SANPI_TEST_PG_URL ? ['postgres'] : [])];
if (process.env.SANPI_REQUIRE_PG && !process.env.SANPI_TEST_PG_URL) throw new Error('SANPI_REQUIRE_PG set without SANPI_TEST_PG_URL');

let counter = 0;

async function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

// A fresh database URL for `backend`, with the demo zone in it.
export function freshDatabase(backend) {
  const dir = mkdtempSync(join(tmpdir(), 'sanpi-api-'));
  let url;
  let cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (backend === 'sqlite') {
    url = `sqlite:${join(dir, 'sanpi.db')}`;
  } else {
    const name = `api_${process.pid}_${++counter}_${Date.now() % 100000}`;
    const admin = process.env.SANPI_TEST_PG_URL;
    execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
    url = admin.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`).replace(/undefined$/, '');
    const base = cleanup;
    cleanup = () => {
      base();
      try { execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]); } catch { /* already gone */ }
    };
  }
  execFileSync(bin, ['demo', '--db', url], { stdio: 'pipe' });
  return { url, dir, cleanup };
}

// Starts `sanpi serve` on the database and waits for its health endpoint.
export async function startServer(url, { web = '' } = {}) {
  const port = await freePort();
  const args = ['serve', '--db', url, '--listen', `127.0.0.1:${port}`];
  if (web) args.push('--web', web);
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`sanpi exited early: ${log}`);
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) break;
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  return { base, child, exited, log: () => log };
}

export async function login(base, username = 'office') {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

export function client(base, token) {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text, headers: res.headers };
  };
}

// A valid 统一社会信用代码 (GB 32100-2015) for a number.
export function uscc(n) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first = `91410100${String(n % 1e9).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first[i]) * weights[i];
  return first + alphabet[(31 - (sum % 31)) % 31];
}
