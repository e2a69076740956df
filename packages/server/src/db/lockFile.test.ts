import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lockFile.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'ghlb-lock-'));

describe('lockDataDir', () => {
  it('refuses a second holder while a live process holds the lock, with a clear message', async () => {
    const dir = freshDir();
    // A live process other than this one holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((r) => other.once('spawn', r));
    try {
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }),
      );
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(
          `Another ghl-bridge process \\(pid ${other.pid}.*already using the data directory`,
        ),
      );
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died (SIGKILL)', async () => {
    const dir = freshDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead.pid, host: hostname() }));
    const release = lockDataDir(dir);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a lock held from another host, saying how to clear it', () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere' }));
    expect(() => lockDataDir(dir)).toThrow(/on host elsewhere.*If that process is gone, delete/);
  });
});
