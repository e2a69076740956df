/**
 * Where the `start` that holds an embedded data directory serves HTTP: `<data-dir>/server.json`,
 * written once it listens and removed when it stops. A command that cannot open the directory
 * (its lock is held) can still ask that server, e.g. `backfill --dry-run`.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

/** Records `url` for this process; returns the function that removes it again. */
export function publishServerAddress(dataDir: string, url: string): () => void {
  const path = join(dataDir, SERVER_FILE);
  writeFileSync(path, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
  return () => {
    try {
      if (readAddress(path)?.pid === process.pid) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}

/**
 * The URL of the server running on `dataDir`, or undefined when none runs there (no file, or its
 * process is gone).
 *
 * @example const url = runningServerUrl('./.ghl-bridge'); // 'http://127.0.0.1:3000'
 */
export function runningServerUrl(dataDir: string): string | undefined {
  const address = readAddress(join(dataDir, SERVER_FILE));
  if (!address) return undefined;
  try {
    process.kill(address.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  // A server bound to every interface is reached on loopback.
  return address.url.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://[::1]:');
}

function readAddress(path: string): { pid: number; url: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; url?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.url === 'string'
      ? { pid: parsed.pid, url: parsed.url }
      : undefined;
  } catch {
    return undefined;
  }
}
