// The ledger spreadsheet from the command line and over the socket, on every backend: export, the
// re-import of the export changes nothing, and the upload route's own body limit (32 MiB, 413 above).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backends, bin, freshDatabase, login, startServer } from './harness.mjs';

for (const backend of backends) {
  test(`${backend}: export ledger, then import ledger of that file changes nothing`, () => {
    const db = freshDatabase(backend);
    const dir = mkdtempSync(join(tmpdir(), 'sanpi-ledger-cli-'));
    try {
      const file = join(dir, 'ledger.xlsx');
      const exported = spawnSync(bin, ['export', 'ledger', '--db', db.url, '--out', file, '--stage', 'started']);
      assert.equal(exported.status, 0, exported.stderr.toString());
      assert.ok(existsSync(file));
      assert.match(exported.stderr.toString(), /\d+ projects/);
      const dry = spawnSync(bin, ['import', 'ledger', '--db', db.url, file, '--dry-run']);
      assert.equal(dry.status, 0, dry.stdout.toString() + dry.stderr.toString());
      assert.match(dry.stdout.toString(), /create 0, update 0, unchanged \d+, invalid 0/);
      assert.match(dry.stdout.toString(), /dry run: nothing written/);
      const commit = spawnSync(bin, ['import', 'ledger', '--db', db.url, file]);
      assert.equal(commit.status, 0, commit.stderr.toString());
      assert.match(commit.stdout.toString(), /written: 0 created, 0 updated/);
      const missing = spawnSync(bin, ['import', 'ledger', '--db', db.url, join(dir, 'absent.xlsx')]);
      assert.notEqual(missing.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      db.cleanup();
    }
  });
}

test('the import route takes bodies above the 1 MiB JSON limit, up to 32 MiB, and answers 413 beyond', async () => {
  const db = freshDatabase('sqlite');
  const server = await startServer(db.url);
  try {
    const token = await login(server.base, 'office');
    const post = (size) => fetch(`${server.base}/api/v1/imports/ledger?mode=dry_run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: Buffer.alloc(size, 0x78),
    });
    assert.equal((await post(2 * 1024 * 1024)).status, 400, 'read in full, then refused as not a spreadsheet');
    assert.equal((await post(32 * 1024 * 1024 + 1)).status, 413);
    const json = await fetch(`${server.base}/api/v1/enterprises`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: Buffer.alloc(2 * 1024 * 1024, 0x20),
    });
    assert.equal(json.status, 413, 'other routes keep the 1 MiB limit');
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    db.cleanup();
  }
});
