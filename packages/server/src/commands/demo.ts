/**
 * `ghl-bridge start --demo`: HighLevel played by the emulator (in-process, and served on a local
 * port for a look at its state), and a demo workspace connected to the emulated demo Location
 * and set up for voice booking on its calendar, through the same API a booking platform uses.
 * The demo workspace's key and voice secret are kept in `<dataDir>/demo.json` (mode 0600) so
 * every start can show them again. Only `--demo` loads this module, and with it the emulator.
 */
import {
  createEmulator,
  DEMO,
  emulatorFetch,
  startServer,
  type RunningServer,
} from '@ghl-bridge/emulator';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../http/env.js';
import { DEMO_ZONE, type DemoWorkspace } from './demoBanner.js';

export interface DemoHighLevel {
  fetch: typeof fetch;
  server: RunningServer;
  /** The PEM public keys the emulator signs its webhooks with (for GHL_WEBHOOK_PUBLIC_KEYS). */
  webhookKeys: string;
  /**
   * Sends the demo Location's webhooks (contacts, notes, appointments…) and the demo app's
   * (INSTALL, UNINSTALL) to `url`.
   */
  sendWebhooksTo(url: string): void;
  /** A marketplace app registered in the emulator, so the dashboard's install link works. */
  oauthApp: { clientId: string; clientSecret: string; authorizeUrl: string };
}

/** The emulator with its demo Location, served on a free port of `host`. */
export async function startDemoHighLevel(host: string): Promise<DemoHighLevel> {
  const emulator = createEmulator({ seed: 'demo' });
  const server = await startServer(emulator, { port: 0, host });
  const keys = emulator.control.webhookKeys();
  const app = emulator.control.registerApp({ name: 'ghl-bridge (demo)' });
  return {
    fetch: emulatorFetch(emulator),
    server,
    webhookKeys: keys.ed25519 + keys.rsa,
    sendWebhooksTo(url) {
      emulator.control.setWebhook(DEMO.locationId, { url });
      emulator.control.updateApp(app.appId, { webhookUrl: url });
    },
    oauthApp: {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      authorizeUrl: `${server.url}/oauth/chooselocation`,
    },
  };
}

/** `doctor --demo`: HighLevel answered by a fresh emulator with the demo Location, in-process. */
export function demoDoctorFetch(): typeof fetch {
  return emulatorFetch(createEmulator({ seed: 'demo' }));
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
  let saved: { workspaceId: string; apiKey: string; voiceSecret?: string } | undefined;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
    if ((await call('GET', `/v1/workspaces/${saved!.workspaceId}`)).status !== 200)
      saved = undefined;
  } catch {
    saved = undefined;
  }
  if (!saved) {
    const created = await call('POST', '/v1/workspaces', {
      name: 'Demo Workspace',
      features: ['bookings', 'voice'],
    });
    if (created.status !== 201)
      throw new Error(`Could not create the demo workspace: ${JSON.stringify(created.json)}`);
    saved = { workspaceId: String(created.json.id), apiKey: String(created.json.apiKey) };
  }
  if (!saved.voiceSecret) {
    saved.voiceSecret = `demo-vapi-${randomBytes(12).toString('base64url')}`;
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
  // Every start: the emulator is new each time, and the banner's voice curl must work as shown.
  const voice = await call('PUT', `/v1/workspaces/${saved.workspaceId}/voice`, {
    calendarId: DEMO.calendarId,
    timezone: DEMO_ZONE,
    auth: { type: 'x-vapi-secret', secret: saved.voiceSecret },
  });
  if (voice.status !== 200) {
    throw new Error(`Could not set up voice booking for the demo: ${JSON.stringify(voice.json)}`);
  }
  return {
    workspaceId: saved.workspaceId,
    apiKey: saved.apiKey,
    voiceSecret: saved.voiceSecret,
    calendarId: DEMO.calendarId,
    locationId: DEMO.locationId,
    locationName:
      typeof connected.json.locationName === 'string' ? connected.json.locationName : null,
  };
}
