import { expect, it } from 'vitest';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import {
  deliver,
  settledWebhook,
  signingKeys,
  webhookEvent,
} from '../../test/highlevelWebhooks.js';
import { salonWorld, type Salon } from '../../test/salonWorld.js';
import { reconciliationHandler } from './reconcileJob.js';
import { burstWindow } from './startReconciliation.js';

const trusted = signingKeys();

/** One run of the Location's poll, as the queue would start it. */
function poll(server: TestServer, locationId: string) {
  const { runtime } = server;
  const handler = reconciliationHandler({
    db: runtime.database.db,
    keyring: runtime.secrets.keyring,
    highLevel: runtime.highLevel,
    queue: runtime.queue,
    logger: runtime.logger,
    settings: { intervalSeconds: 60, budgetShare: 1, burst: burstWindow() },
  });
  return handler({ id: 'run', data: { locationId }, retryCount: 0 });
}

/** The appointment as HighLevel lists it, and as its webhooks carry it. */
async function appointmentNow(salon: Salon) {
  const path = `/calendars/events/appointments/${salon.appointmentIds[0]}`;
  return ((await salon.staff('GET', path)) as { event: Record<string, unknown> }).event;
}

/** What the app's endpoint was sent: each delivery's type and who found the change. */
async function sent(server: TestServer, salon: Salon, endpointId: string) {
  const path = `/v1/workspaces/${salon.workspaceId}/webhook-endpoints/${endpointId}/deliveries`;
  const res = await server.call('GET', path);
  const { deliveries } = JSON.parse(res.text) as {
    deliveries: { eventId: string; payload: { type: string; data: { foundBy: string } } }[];
  };
  return deliveries.map((d) => `${d.payload.type} by ${d.payload.data.foundBy}`).reverse();
}

async function webhook(server: TestServer, fields: Record<string, unknown>) {
  const event = webhookEvent(fields);
  expect((await deliver(server, event, trusted)).status).toBe(200);
  await settledWebhook(server, event.webhookId as string);
}

describeOnBackends(
  'a change seen by its webhook and by the poll',
  (server) => {
    it('is told by whichever sees it first, once; a late webhook of an older state tells nothing', async () => {
      // HighLevel sends this Location no webhooks on its own: the test delivers them.
      const salon = await salonWorld(server(), { contacts: 1, appointments: 1 });
      const created = await server().call(
        'POST',
        `/v1/workspaces/${salon.workspaceId}/webhook-endpoints`,
        {
          json: {
            url: 'http://127.0.0.1:9/app',
            events: ['appointment.created', 'appointment.updated'],
          },
        },
      );
      const endpointId = (JSON.parse(created.text) as { id: string }).id;
      const { locationId } = salon;

      // The poll finds the new appointment first; its webhook, late, adds nothing.
      await poll(server(), locationId);
      const first = await appointmentNow(salon);
      await webhook(server(), { type: 'AppointmentCreate', locationId, appointment: first });
      expect(await sent(server(), salon, endpointId)).toEqual([
        'appointment.created by reconciliation',
      ]);

      // Staff move it: the webhook comes first, and the poll then finds nothing new.
      const moved = (start: string) =>
        salon.staff('PUT', `/calendars/events/appointments/${salon.appointmentIds[0]}`, {
          startTime: start,
          endTime: new Date(Date.parse(start) + 1_800_000).toISOString(),
          ignoreFreeSlotValidation: true,
        });
      await moved(new Date(Date.parse(String(first.startTime)) + 3_600_000).toISOString());
      const second = await appointmentNow(salon);
      await webhook(server(), { type: 'AppointmentUpdate', locationId, appointment: second });
      await poll(server(), locationId);
      expect(await sent(server(), salon, endpointId)).toEqual([
        'appointment.created by reconciliation',
        'appointment.updated by webhook',
      ]);

      // Moved again; the poll tells it before the webhook of a move in between (its dateUpdated
      // older) arrives: that state is older than what the app has, and is not told.
      await moved(new Date(Date.parse(String(first.startTime)) + 7_200_000).toISOString());
      await poll(server(), locationId);
      const between = {
        ...second,
        startTime: new Date(Date.parse(String(first.startTime)) + 5_400_000).toISOString(),
        dateUpdated: new Date(Date.parse(String(second.dateUpdated)) - 60_000).toISOString(),
      };
      await webhook(server(), { type: 'AppointmentUpdate', locationId, appointment: between });
      expect(await sent(server(), salon, endpointId)).toEqual([
        'appointment.created by reconciliation',
        'appointment.updated by webhook',
        'appointment.updated by reconciliation',
      ]);
    });
  },
  {
    env: { GHL_WEBHOOK_PUBLIC_KEYS: trusted.publicPem, GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' },
  },
);
