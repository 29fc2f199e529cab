// The sanpi command line as an administrator uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, freshDatabase, startServer } from './harness.mjs';

test('every subcommand explains itself with --help', () => {
  for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['demo', '--help'], ['user', 'add', '--help'], ['backup', '--help']]) {
    const out = execFileSync(bin, args).toString();
    assert.match(out, /Usage|Options/, args.join(' '));
  }
});

test('user add reads the password from stdin, refuses a weak one, and the new user can log in', async () => {
  const db = freshDatabase('sqlite');
  try {
    const weak = spawnSync(bin, ['user', 'add', '--db', db.url, '--username', 'zhangsan', '--role', 'unit', '--unit', 'ZJJ', '--password-stdin'], { input: 'short\n' });
    assert.notEqual(weak.status, 0);
    assert.match(weak.stderr.toString(), /password/);
    const ok = spawnSync(bin, ['user', 'add', '--db', db.url, '--username', 'zhangsan', '--role', 'unit', '--unit', 'ZJJ', '--password-stdin'], { input: 'Zhang2026pw\n' });
    assert.equal(ok.status, 0, ok.stderr.toString());
    const server = await startServer(db.url);
    const res = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhangsan', password: 'Zhang2026pw' }),
    });
    assert.equal(res.status, 200);
    const me = (await res.json()).user;
    assert.equal(me.unit_name, '住房和城乡建设局');
    assert.equal(me.scope, 'unit');
    server.child.kill('SIGTERM');
    await server.exited;
  } finally {
    db.cleanup();
  }
});

test('demo refuses to run twice and backup writes a usable copy', () => {
  const db = freshDatabase('sqlite');
  try {
    const again = spawnSync(bin, ['demo', '--db', db.url]);
    assert.notEqual(again.status, 0);
    assert.match(again.stderr.toString(), /already exists/);
    const out = join(db.dir, 'copy.db');
    execFileSync(bin, ['backup', '--db', db.url, '--out', out]);
    assert.ok(existsSync(out));
    assert.equal(execFileSync('sqlite3', [out, 'SELECT COUNT(*) FROM enterprises']).toString().trim(), '10');
    const bad = spawnSync(bin, ['serve', '--db', 'mysql://nope']);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr.toString(), /sqlite:PATH/);
  } finally {
    db.cleanup();
  }
});

test('report progress prints the monthly roll-up and writes the same table as .xlsx', () => {
  const db = freshDatabase('sqlite');
  try {
    const lastYear = new Date().getFullYear() - 1;
    const out = join('/tmp', `sanpi-progress-${process.pid}.xlsx`);
    const run = spawnSync(bin, ['report', 'progress', '--db', db.url, '--year', String(lastYear), '--month', '12', '--by', 'unit', '--out', out]);
    assert.equal(run.status, 0, run.stderr.toString());
    const lines = run.stdout.toString().trim().split('\n');
    assert.match(lines[0], new RegExp(`${lastYear}年1-12月重点项目投资进度（按责任单位）`));
    assert.equal(lines[1].split('\t')[0], '责任单位');
    const total = lines.at(-1).split('\t');
    assert.equal(total[0], '合计');
    assert.ok(Number(total[1]) > 0, 'the demo zone has projects with plans');
    assert.match(total[10], /^100\.0%$/, '序时进度 at December is the whole year');
    assert.ok(existsSync(out));
    const bad = spawnSync(bin, ['report', 'progress', '--db', db.url, '--by', 'colour']);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr.toString(), /by/);
    rmSync(out, { force: true });
  } finally {
    db.cleanup();
  }
});
