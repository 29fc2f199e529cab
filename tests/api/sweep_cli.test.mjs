// `sanpi sweep`: the early-warning sweep from the command line, on both backends — it prints its counts, opens
// warnings over the demo zone, changes nothing when run again, and refuses a bad date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { backends, bin, freshDatabase } from './harness.mjs';

// "opened\t12" lines → { opened: 12, … }
function counts(out) {
  const result = {};
  for (const line of out.split('\n')) {
    const [name, value] = line.split('\t');
    if (value !== undefined) result[name] = Number(value);
  }
  return result;
}

for (const backend of backends) {
  test(`sweep prints what changed and is idempotent (${backend})`, () => {
    const db = freshDatabase(backend);
    try {
      const today = new Date().toISOString().slice(0, 10);
      const first = counts(execFileSync(bin, ['sweep', '--db', db.url, '--region', '410171', '--as-of', today]).toString());
      assert.ok(first.opened > 0, JSON.stringify(first));
      assert.equal(first.open, first.opened);
      const second = counts(execFileSync(bin, ['sweep', '--db', db.url, '--as-of', today]).toString());
      for (const name of ['opened', 'escalated', 'de-escalated', 'closed', 'orders issued', 'orders overdue']) {
        assert.equal(second[name], 0, name);
      }
      assert.equal(second.open, first.open);
      const bad = spawnSync(bin, ['sweep', '--db', db.url, '--as-of', '2026-02-30']);
      assert.notEqual(bad.status, 0);
      assert.match(bad.stderr.toString(), /YYYY-MM-DD/);
    } finally {
      db.cleanup();
    }
  });
}
