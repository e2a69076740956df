/**
 * An emulator in its own process for a benchmark, set up over its HTTP control API
 * (`/_emulator`, packages/emulator/src/control/catalog.ts): the process measured never shares
 * its event loop with HighLevel's stand-in, so HighLevel's work never shows up as the bridge's.
 */
import { fileURLToPath } from 'node:url';
import type { RateLimits } from '@ghl-bridge/emulator';
import { spawnCommand, type Child } from './childProcess.js';

const SCRIPT = fileURLToPath(new URL('emulatorServer.ts', import.meta.url));

export interface EmulatorProcess {
  /** Base URL of HighLevel's API and of the control API, e.g. `http://127.0.0.1:40123`. */
  url: string;
  child: Child;
  /** Calls the control API; resolves with the JSON answer, throws on a status of 300 or more. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * @example
 * const emulator = await startEmulatorProcess({ burst: 1e12, intervalMs: 1_000, daily: 1e12 });
 * const { locationId, token } = await emulator.control('POST', '/_emulator/locations', { name: 'Spa' });
 */
export async function startEmulatorProcess(
  limits: Partial<RateLimits> = {},
): Promise<EmulatorProcess> {
  const child = spawnCommand('emulator', SCRIPT, [JSON.stringify(limits)], {});
  const [, url] = (await child.waitFor(/listening on (http:\/\/\S+)/)) as string[];
  return {
    url: url!,
    child,
    async control<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${url}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`emulator ${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    stop: () => child.stop(),
  };
}

/**
 * `cases` against a fresh emulator process and what `start` runs on it (a bridge), both stopped
 * afterwards, the bridge first; the emulator is stopped too when `start` fails.
 *
 * @example
 * const rows = await withEmulatorProcess(UNLIMITED, (emulator) => startBridge(emulator), (emulator, bridge) => run(bridge));
 */
export async function withEmulatorProcess<Started extends { stop(): Promise<void> }, T>(
  limits: Partial<RateLimits>,
  start: (emulator: EmulatorProcess) => Promise<Started>,
  cases: (emulator: EmulatorProcess, started: Started) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulatorProcess(limits);
  try {
    const started = await start(emulator);
    try {
      return await cases(emulator, started);
    } finally {
      await started.stop();
    }
  } finally {
    await emulator.stop();
  }
}
