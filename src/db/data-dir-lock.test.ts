import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

describe('the embedded database directory', () => {
  it('can be held by one process at a time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-lock-'));
    // Another live process (the test runner's parent) holds it.
    writeFileSync(join(dir, 'cairn.pid'), String(process.ppid));
    assert.throws(() => lockDataDir(dir), DataDirInUseError);
  });

  it('is taken over from a process that no longer runs, and released on close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-lock-'));
    writeFileSync(join(dir, 'cairn.pid'), '999999999');
    const release = lockDataDir(dir);
    assert.equal(existsSync(join(dir, 'cairn.pid')), true);
    release();
    assert.equal(existsSync(join(dir, 'cairn.pid')), false);
  });
});
