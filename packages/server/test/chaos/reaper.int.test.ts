/**
 * The chaos runs' watchdog: a process that dies without cleaning up (SIGKILL here, a test
 * timeout in practice) leaves nothing running — the watched process is killed, the command it
 * was given runs, a cancelled one does not.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../waitFor.js';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const REAPER = fileURLToPath(new URL('./reaper.ts', import.meta.url));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Running, and not a zombie waiting for a parent (in a container, pid 1 may never reap it). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

it('kills what it watches and runs what it was given once its process dies', async () => {
  dir = mkdtempSync(join(tmpdir(), 'ghlb-reaper-'));
  const ran = join(dir, 'ran');
  const cancelled = join(dir, 'cancelled');
  const script = `
    import { spawn } from 'node:child_process';
    import { reaper } from ${JSON.stringify(pathToFileURL(REAPER).href)};
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    reaper().watch(sleeper.pid);
    reaper().onDeath(['touch', ${JSON.stringify(ran)}]);
    reaper().onDeath(['touch', ${JSON.stringify(cancelled)}]).cancel();
    // The watchdog has read its orders by then.
    setTimeout(() => console.log(sleeper.pid), 300);
    setInterval(() => undefined, 1_000);
  `;
  const parent = spawn(
    process.execPath,
    ['--import', TSX_LOADER, '--input-type=module', '-e', script],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
  const sleeper = Number(line);
  expect(running(sleeper)).toBe(true);

  parent.kill('SIGKILL');

  await waitFor(() => !running(sleeper) && existsSync(ran), {
    what: 'the watched process killed and the command run',
  });
  expect(existsSync(cancelled)).toBe(false);
});
