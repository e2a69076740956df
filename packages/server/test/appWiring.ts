/**
 * A workspace wired both ways, for the two-way tests: the bridge serving HTTP on a port, the
 * emulated Location sending its signed webhooks there, and the booking app's webhook receiver
 * subscribed to `events`.
 */
import { expect } from 'vitest';
import { serveHttp } from '../src/commands/serveHttp.js';
import { connectedWorkspace, type ConnectedWorkspace } from './bookings.js';
import type { TestServer } from './harness.js';
import { waitFor } from './waitFor.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver.js';

export interface WiredWorkspace {
  ws: ConnectedWorkspace;
  receiver: WebhookReceiver;
  endpointId: string;
  /** The events told to the app so far, parsed. */
  told: () => { type: string; data: Record<string, unknown> }[];
  close: () => Promise<void>;
}

/** Every webhook the emulator sent, processed by the bridge (told to the app or not). */
export async function webhooksProcessed(server: TestServer): Promise<void> {
  await server.emulator.control.webhooksIdle();
  await waitFor(
    async () => {
      const waiting = await server.runtime.database.db
        .selectFrom('highlevel_webhooks')
        .select('webhook_id')
        .where('status', '=', 'received')
        .execute();
      return waiting.length === 0;
    },
    { what: 'every HighLevel webhook processed' },
  );
}

/** @example const wired = await wiredWorkspace(server(), ['contact.updated']); */
export async function wiredWorkspace(
  server: TestServer,
  events: string[],
): Promise<WiredWorkspace> {
  const keys = server.emulator.control.webhookKeys();
  await server.restart({
    GHL_WEBHOOK_PUBLIC_KEYS: `${keys.ed25519}${keys.rsa}`,
    GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
  });
  const http = await serveHttp(server.runtime.app!, { host: '127.0.0.1', port: 0 });
  const receiver = await startWebhookReceiver();
  const ws = await connectedWorkspace(server);
  const endpoint = await server.call('POST', `/v1/workspaces/${ws.id}/webhook-endpoints`, {
    json: { url: `${receiver.url}/app`, events },
  });
  expect(endpoint.status, endpoint.text).toBe(201);
  server.emulator.control.setWebhook(ws.locationId, { url: `${http.url}/v1/webhooks/highlevel` });
  return {
    ws,
    receiver,
    endpointId: (JSON.parse(endpoint.text) as { id: string }).id,
    told: () =>
      receiver
        .at('/app')
        .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> }),
    close: async () => {
      await receiver.close();
      await http.close();
    },
  };
}
