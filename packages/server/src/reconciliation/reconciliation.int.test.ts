import { expect, it } from 'vitest';
import { serveHttp } from '../commands/serveHttp.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { salonWorld, staffChanges, type Salon } from '../../test/salonWorld.js';
import { waitFor } from '../../test/waitFor.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhookReceiver.js';
import type { ReconciliationStatus } from './status.js';

/** Short, so two intervals fit in a test; the share is the whole budget, 60 calls a run. */
const INTERVAL_S = 6;
const EVENTS = [
  'appointment.cancelled',
  'appointment.updated',
  'contact.updated',
  'task.completed',
];

interface AppEvent {
  webhookId: string;
  type: string;
  data: { id: string; foundBy: string };
}

/** Every event the app's endpoint accepted, with its `webhook-id`. */
const accepted = (receiver: WebhookReceiver): AppEvent[] =>
  receiver
    .at('/app')
    .filter((request) => request.answered === 204)
    .map((request) => ({
      webhookId: String(request.headers['webhook-id']),
      ...(JSON.parse(request.body) as Omit<AppEvent, 'webhookId'>),
    }));

async function status(server: TestServer, workspaceId: string): Promise<ReconciliationStatus> {
  const res = await server.call('GET', `/v1/workspaces/${workspaceId}/highlevel-reconciliation`);
  expect(res.status, res.text).toBe(200);
  return JSON.parse(res.text) as ReconciliationStatus;
}

/** Waits for a run that started after `after` and finished. */
function runAfter(server: TestServer, workspaceId: string, after: number) {
  return waitFor(
    async () => {
      const { lastRun } = await status(server, workspaceId);
      return lastRun !== null && Date.parse(lastRun.startedAt) > after ? lastRun : undefined;
    },
    { what: 'a reconciliation run', timeoutMs: 4 * INTERVAL_S * 1000 },
  );
}

/**
 * The bridge on a real port, trusting the emulator's webhook keys, with reconciliation on; the
 * emulator sends the salon's webhooks to it and drops a fifth of them; the app's endpoint is
 * subscribed to what staff changes come back as.
 */
async function salonWithLostWebhooks(server: TestServer, receiver: WebhookReceiver) {
  const keys = server.emulator.control.webhookKeys();
  await server.restart({
    GHL_WEBHOOK_PUBLIC_KEYS: `${keys.ed25519}${keys.rsa}`,
    GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: String(INTERVAL_S),
    GHL_BRIDGE_RECONCILE_BUDGET_SHARE: '1',
  });
  const http = await serveHttp(server.runtime.app!, { host: '127.0.0.1', port: 0 });
  const salon: Salon = await salonWorld(server, { contacts: 50, appointments: 100 });
  const endpoint = await server.call(
    'POST',
    `/v1/workspaces/${salon.workspaceId}/webhook-endpoints`,
    {
      json: { url: `${receiver.url}/app`, events: EVENTS },
    },
  );
  expect(endpoint.status, endpoint.text).toBe(201);
  server.emulator.control.setWebhook(salon.locationId, {
    url: `${http.url}/v1/webhooks/highlevel`,
  });
  server.emulator.control.setWebhookFaults({ dropRate: 0.2, seed: 15 });
  // The first run remembers the open tasks, so the next ones notice a task that is completed.
  await runAfter(server, salon.workspaceId, 0);
  return { salon, http };
}

describeOnBackends(
  'changes made in HighLevel whose webhook was lost, caught by reconciliation',
  (server) => {
    it('with a fifth of the webhooks dropped, 200 staff changes reach the app within two intervals, each once', async () => {
      const receiver = await startWebhookReceiver();
      const { salon, http } = await salonWithLostWebhooks(server(), receiver);
      try {
        const logged = server().emulator.control.webhookDeliveries().length;
        const changes = staffChanges(salon, 200);
        for (const change of changes) await change.make();
        const madeAt = Date.now();

        await waitFor(() => accepted(receiver).length >= 200, {
          what: '200 events at the app',
          timeoutMs: 3 * INTERVAL_S * 1000,
        });
        expect(Date.now() - madeAt).toBeLessThan(2 * INTERVAL_S * 1000);
        const lost = server()
          .emulator.control.webhookDeliveries()
          .slice(logged)
          .filter((delivery) => delivery.state === 'dropped');
        expect(lost.length).toBeGreaterThan(20);

        // A whole run after the last event: nothing more comes, nothing came twice.
        await runAfter(server(), salon.workspaceId, Date.now());
        const all = accepted(receiver);
        expect(all).toHaveLength(200);
        expect(receiver.at('/app')).toHaveLength(200);
        expect(new Set(all.map((event) => event.webhookId)).size).toBe(200);
        const told = all.map((event) => `${event.type} ${event.data.id}`).sort();
        expect(told).toEqual(changes.map((change) => `${change.event} ${change.id}`).sort());
        const found = all.filter((event) => event.data.foundBy === 'reconciliation');
        expect(found.length).toBeGreaterThanOrEqual(lost.length);

        const { lastRun } = await status(server(), salon.workspaceId);
        expect(lastRun).toMatchObject({
          stoppedBy: 'done',
          throttled: 0,
          intervalSeconds: INTERVAL_S,
        });
        expect(lastRun!.calls).toBeLessThanOrEqual(lastRun!.maxCalls);
        expect(server().logs.some((line) => line.msg === 'reconciliation run')).toBe(true);
      } finally {
        await http.close();
        await receiver.close();
      }
    }, 60_000);

    it('with the app’s endpoint down for a while, everything arrives once it is back, with the same ids', async () => {
      const receiver = await startWebhookReceiver();
      const { salon, http } = await salonWithLostWebhooks(server(), receiver);
      try {
        receiver.answer('/app', 503);
        const downAt = Date.now();
        const changes = staffChanges(salon, 40);
        for (const change of changes) await change.make();
        await waitFor(() => receiver.at('/app').length > 0, { what: 'a first refused attempt' });
        // Back before the first retry of the first refusal, 5 s after it
        // (webhooksOut/core/retrySchedule.ts): a longer outage waits for the next, 5 min later.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, 4000 - (Date.now() - downAt))),
        );
        receiver.answer('/app', 204);

        await waitFor(() => accepted(receiver).length >= 40, {
          what: '40 events at the app',
          timeoutMs: 3 * INTERVAL_S * 1000,
        });
        await runAfter(server(), salon.workspaceId, Date.now());
        const all = accepted(receiver);
        expect(all).toHaveLength(40);
        expect(all.map((e) => `${e.type} ${e.data.id}`).sort()).toEqual(
          changes.map((change) => `${change.event} ${change.id}`).sort(),
        );
        const refused = receiver.at('/app').filter((request) => request.answered === 503);
        expect(refused.length).toBeGreaterThan(0);
        const ids = new Set(all.map((event) => event.webhookId));
        expect(ids.size).toBe(40);
        // Each refused attempt was sent again, under the same id.
        expect(refused.every((request) => ids.has(String(request.headers['webhook-id'])))).toBe(
          true,
        );
      } finally {
        await http.close();
        await receiver.close();
      }
    }, 60_000);
  },
  {
    env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' },
    // Staff make their changes with a token of their own, fast.
    emulatorLimits: { burst: 100_000 },
  },
);
