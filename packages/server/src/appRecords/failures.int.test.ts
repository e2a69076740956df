import { expect, it } from 'vitest';
import { highLevelCalls, put, settled } from '../../test/appRecords.js';
import { connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends } from '../../test/harness.js';
import { waitFor } from '../../test/waitFor.js';
import { startWebhookReceiver } from '../../test/webhookReceiver.js';

describeOnBackends(
  "the app's records when HighLevel fails them",
  (server) => {
    it('marks a contact HighLevel refuses failed, in its words, and tells the app', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const ws = await connectedWorkspace(server());
        const endpoint = await server().call('POST', `/v1/workspaces/${ws.id}/webhook-endpoints`, {
          json: { url: `${receiver.url}/app`, events: ['contact.sync_failed'] },
        });
        expect(endpoint.status, endpoint.text).toBe(201);
        server().emulator.control.addFault({
          match: { method: 'POST', path: '/contacts/upsert', locationId: ws.locationId },
          status: 422,
          body: { statusCode: 422, message: ['email is blocked in this Location'] },
          count: 1,
        });
        await put(server(), ws, 'cust_1', { version: 1, email: 'ada@example.com' });
        const view = await settled(server(), ws, 'cust_1');
        expect(view.status).toBe('failed');
        expect(view.error).toContain('email is blocked in this Location');
        expect(ws.state().contacts).toEqual([]);
        // Refused is refused: no second try.
        const writes = highLevelCalls(server(), ws.locationId).filter((call) =>
          call.startsWith('POST /contacts/upsert'),
        );
        expect(writes).toEqual(['POST /contacts/upsert']);

        const [told] = await waitFor(() => receiver.at('/app').length > 0 && receiver.at('/app'), {
          what: 'contact.sync_failed at the app',
        });
        expect(JSON.parse(told!.body)).toMatchObject({
          type: 'contact.sync_failed',
          data: {
            workspaceId: ws.id,
            externalId: 'cust_1',
            record: 'contact',
            version: 1,
            error: view.error,
          },
        });

        // A new version is written again.
        await put(server(), ws, 'cust_1', { version: 2, email: 'ada@example.com' });
        expect(await settled(server(), ws, 'cust_1')).toMatchObject({
          status: 'synced',
          error: null,
        });
      } finally {
        await receiver.close();
      }
    });

    it('retries through 503s and ends synced', async () => {
      const ws = await connectedWorkspace(server());
      // More 503s than the client's own attempts: the job itself is retried by the queue.
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/contacts/upsert', locationId: ws.locationId },
        status: 503,
        count: 5,
      });
      await put(server(), ws, 'cust_1', { version: 1, email: 'ada@example.com' });
      const view = await settled(server(), ws, 'cust_1');
      expect(view).toMatchObject({ status: 'synced', error: null });
      expect(ws.state().contacts).toHaveLength(1);
      const upserts = highLevelCalls(server(), ws.locationId).filter(
        (call) => call === 'POST /contacts/upsert',
      );
      expect(upserts.length).toBe(6);
    }, 30_000);
  },
  { env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' } },
);
