/**
 * The dashboard's end-to-end world: the emulator playing HighLevel and ghl-bridge (API, workers,
 * the dashboard's build) each on a real port, and Chromium driven by playwright-core. Debian's
 * Chromium (`apt-get install chromium`, as CI does); CHROMIUM_PATH names another.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, startServer, type Emulator } from '@ghl-bridge/emulator';
import { chromium, type Browser } from 'playwright-core';
import { serveHttp } from '../../server/src/commands/serveHttp.js';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { createRuntime, type Runtime } from '../../server/src/runtime.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM);

/**
 * Whether `suite` can run here. CI installs Chromium: there, a missing one fails the run rather
 * than letting the suite pass silently; elsewhere the skip is said aloud.
 *
 * @example describe.skipIf(!chromiumFor('voice page'))('…', () => { … });
 */
export function chromiumFor(suite: string): boolean {
  if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}`);
  if (!chromiumInstalled)
    console.warn(`${suite} browser tests skipped: no Chromium at ${CHROMIUM}`);
  return chromiumInstalled;
}
export const ADMIN_TOKEN = 'dashboard-admin-token-0123456789abcdef';

export interface World {
  url: string;
  emulator: Emulator;
  runtime: Runtime;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the emulator, ghl-bridge on a fresh embedded database, and a headless Chromium.
 * `env` adds to the bridge's configuration, given the emulator and its URL (a marketplace app
 * registered in it, for instance).
 */
export async function startWorld(
  env: (emulator: Emulator, highLevelUrl: string) => Record<string, string> = () => ({}),
): Promise<World> {
  const emulator = createEmulator();
  const highLevel = await startServer(emulator, { port: 0 });
  const dataDir = await mkdtemp(join(tmpdir(), 'ghl-bridge-dashboard-'));
  const runtime = await createRuntime({
    config: loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
        GHL_BRIDGE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        GHL_API_BASE_URL: highLevel.url,
        ...env(emulator, highLevel.url),
      },
      { dataDir },
    ),
    logger: createLogger({ level: 'warn', destination: { write: () => undefined } }),
    workerName: 'dashboard-test',
  });
  const http = await serveHttp(runtime.app!, { host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: http.url,
    emulator,
    runtime,
    browser,
    async close() {
      await browser.close();
      await http.close();
      await runtime.stop();
      await highLevel.close();
    },
  };
}
