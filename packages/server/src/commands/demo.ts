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
import { DateTime } from 'luxon';
import type { App } from '../http/env.js';

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

export interface DemoWorkspace {
  workspaceId: string;
  apiKey: string;
  locationId: string;
  locationName: string | null;
  /** What Vapi sends as `X-Vapi-Secret` to the demo workspace's voice endpoint. */
  voiceSecret: string;
  calendarId: string;
}

/** The emulated demo calendar's zone: Mon-Fri 09:00-17:00 there. */
const DEMO_ZONE = 'America/New_York';

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

/**
 * The next weekday in the demo calendar's zone (its hours are Mon-Fri), as YYYY-MM-DD.
 *
 * @example nextWeekday(new Date('2026-06-05T12:00:00Z')); // '2026-06-08' (a Friday -> Monday)
 */
export function nextWeekday(now: Date): string {
  let day = DateTime.fromJSDate(now).setZone(DEMO_ZONE).startOf('day').plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/**
 * The demo's part of the start banner: the workspace, and three curls that work as printed —
 * the connection as a booking platform sees it, a booking posted as a booking platform posts it,
 * and free times asked for as a Vapi assistant asks.
 */
export function demoBanner(
  ws: DemoWorkspace,
  apiUrl: string,
  options: { emulatorUrl?: string; now?: Date } = {},
): string[] {
  const day = nextWeekday(options.now ?? new Date());
  const workspaceUrl = `${apiUrl}/v1/workspaces/${ws.workspaceId}`;
  // That day's offset in New York, so the times are right in summer and winter.
  const offset = DateTime.fromISO(`${day}T10:00:00`, { zone: DEMO_ZONE }).toFormat('ZZ');
  const booking = {
    id: 'demo-booking-1',
    version: 1,
    status: 'confirmed',
    startsAt: `${day}T10:00:00${offset}`,
    endsAt: `${day}T11:00:00${offset}`,
    timezone: DEMO_ZONE,
    service: { name: 'Consultation' },
    price: { amount: '80.00', currency: 'USD' },
    payment: { status: 'paid' },
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  };
  const toolCall = {
    message: {
      type: 'tool-calls',
      call: { id: 'demo-call-1' },
      toolCallList: [
        {
          id: 'demo-tool-call-1',
          type: 'function',
          function: { name: 'check_availability', arguments: { date: day } },
        },
      ],
    },
  };
  const bearer = `-H "Authorization: Bearer ${ws.apiKey}"`;
  const json = '-H "Content-Type: application/json"';
  return [
    '',
    `  Demo workspace ${ws.workspaceId}, API key ${ws.apiKey}`,
    `  Connected to the emulated Location ${ws.locationId}${ws.locationName ? ` "${ws.locationName}"` : ''}`,
    `  Voice booking on its calendar ${ws.calendarId} (Mon-Fri 09:00-17:00 New York), Vapi secret ${ws.voiceSecret}`,
    '',
    'Try it. The demo workspace’s GoHighLevel connection, as a booking platform sees it:',
    '',
    `  curl -s ${workspaceUrl}/integrations/gohighlevel \\`,
    `    ${bearer}`,
    '',
    'A booking, as a booking platform posts it (the workers sync it to the emulated HighLevel):',
    '',
    `  curl -s -X POST ${workspaceUrl}/bookings \\`,
    `    ${bearer} ${json} \\`,
    `    -d '${JSON.stringify(booking)}'`,
    '',
    `  and its sync state: curl -s ${workspaceUrl}/bookings/${booking.id} ${bearer}`,
    ...(options.emulatorUrl
      ? [
          `  what HighLevel received: curl -s ${options.emulatorUrl}/_emulator/locations/${ws.locationId}/state`,
        ]
      : []),
    '',
    'Free times on the demo calendar, as a Vapi assistant asks for them (tool check_availability):',
    '',
    `  curl -s -X POST ${workspaceUrl}/voice/vapi \\`,
    `    -H "X-Vapi-Secret: ${ws.voiceSecret}" ${json} \\`,
    `    -d '${JSON.stringify(toolCall)}'`,
  ];
}
