import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import {
  deliver,
  settledWebhook,
  signingKeys,
  webhookEvent,
} from '../../test/highlevelWebhooks.js';
import { waitFor } from '../../test/waitFor.js';
import { startWebhookReceiver } from '../../test/webhookReceiver.js';

const trusted = signingKeys();

async function subscribedWorkspace(server: TestServer, url: string, events: string[]) {
  const { id, locationId } = await connectedWorkspace(server);
  const res = await server.call('POST', `/v1/workspaces/${id}/webhook-endpoints`, {
    json: { url, events },
  });
  expect(res.status, res.text).toBe(201);
  return { id, locationId, endpointId: (JSON.parse(res.text) as { id: string }).id };
}

describeOnBackends(
  'changes made in HighLevel, told to the booking app',
  (server) => {
    it('sends a staff cancellation and a completed task once each, however often HighLevel delivers them', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const ws = await subscribedWorkspace(server(), `${receiver.url}/app`, [
          'appointment.cancelled',
          'task.completed',
        ]);
        const cancelled = webhookEvent({
          type: 'AppointmentUpdate',
          locationId: ws.locationId,
          appointment: { id: 'apt_1', calendarId: 'cal_1', appointmentStatus: 'cancelled' },
        });
        const completed = webhookEvent({
          type: 'TaskComplete',
          locationId: ws.locationId,
          id: 'task_1',
          contactId: 'c_1',
        });
        // Not subscribed: recorded, not sent.
        const note = webhookEvent({ type: 'NoteCreate', locationId: ws.locationId, id: 'n_1' });
        for (const event of [cancelled, cancelled, completed, note, completed]) {
          expect((await deliver(server(), event, trusted)).status).toBe(200);
        }
        for (const event of [cancelled, completed, note]) {
          await settledWebhook(server(), event.webhookId as string);
        }

        const deliveries = await server().call(
          'GET',
          `/v1/workspaces/${ws.id}/webhook-endpoints/${ws.endpointId}/deliveries`,
        );
        const listed = (JSON.parse(deliveries.text) as { deliveries: { type: string }[] })
          .deliveries;
        expect(listed.map((d) => d.type).sort()).toEqual([
          'appointment.cancelled',
          'task.completed',
        ]);

        const received = await waitFor(
          () => receiver.at('/app').length >= 2 && receiver.at('/app'),
          { what: 'two webhooks at the app' },
        );
        const bodies = received.map(
          (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> },
        );
        expect(bodies.find((b) => b.type === 'appointment.cancelled')?.data).toMatchObject({
          id: 'apt_1',
          calendarId: 'cal_1',
          status: 'cancelled',
          source: 'highlevel',
          highLevelWebhookId: cancelled.webhookId,
        });
        expect(bodies.find((b) => b.type === 'task.completed')?.data).toMatchObject({
          id: 'task_1',
          contactId: 'c_1',
        });
      } finally {
        await receiver.close();
      }
    });
  },
  {
    env: {
      GHL_WEBHOOK_PUBLIC_KEYS: trusted.publicPem,
      GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
    },
  },
);
