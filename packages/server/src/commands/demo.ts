/**
 * `ghl-bridge start --demo`: HighLevel played by the emulator (in-process, and served on a local
 * port for a look at its state), and a demo workspace connected to the emulated demo Location
 * through the same API a booking platform uses. The demo workspace's key is kept in
 * `<dataDir>/demo.json` (mode 0600) so every start can show it again.
 */
import {
  createEmulator,
  DEMO,
  emulatorFetch,
  startServer,
  type RunningServer,
} from '@ghl-bridge/emulator';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../http/app.js';

export interface DemoHighLevel {
  fetch: typeof fetch;
  server: RunningServer;
}

/** The emulator with its demo Location, served on a free port of `host`. */
export async function startDemoHighLevel(host: string): Promise<DemoHighLevel> {
  const emulator = createEmulator({ seed: 'demo' });
  const server = await startServer(emulator, { port: 0, host });
  return { fetch: emulatorFetch(emulator), server };
}

export interface DemoWorkspace {
  workspaceId: string;
  apiKey: string;
  locationId: string;
  locationName: string | null;
}

const DEMO_FILE = 'demo.json';

/** Creates (or finds again) the demo workspace and connects it to the demo Location. */
export async function prepareDemoWorkspace(
  app: App,
  adminToken: string,
  dataDir: string,
): Promise<DemoWorkspace> {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    return { status: res.status, json };
  };
  const file = join(dataDir, DEMO_FILE);
  let saved: { workspaceId: string; apiKey: string } | undefined;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as { workspaceId: string; apiKey: string };
    if ((await call('GET', `/v1/workspaces/${saved.workspaceId}`)).status !== 200)
      saved = undefined;
  } catch {
    saved = undefined;
  }
  if (!saved) {
    const created = await call('POST', '/v1/workspaces', { name: 'Demo Workspace' });
    if (created.status !== 201)
      throw new Error(`Could not create the demo workspace: ${JSON.stringify(created.json)}`);
    saved = { workspaceId: String(created.json.id), apiKey: String(created.json.apiKey) };
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  const connected = await call(
    'PUT',
    `/v1/workspaces/${saved.workspaceId}/integrations/gohighlevel`,
    {
      apiKey: DEMO.token,
      locationId: DEMO.locationId,
    },
  );
  if (connected.status !== 200) {
    throw new Error(`Could not connect the demo workspace: ${JSON.stringify(connected.json)}`);
  }
  return {
    ...saved,
    locationId: DEMO.locationId,
    locationName:
      typeof connected.json.locationName === 'string' ? connected.json.locationName : null,
  };
}
