import { expect, it } from 'vitest';
import { put, settled } from '../../test/appRecords.js';
import { connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { serveHttp } from '../commands/serveHttp.js';
import { waitFor } from '../../test/waitFor.js';
import { startWebhookReceiver } from '../../test/webhookReceiver.js';

const TOLD = ['contact.updated', 'note.created', 'task.created', 'task.completed'];

/** Every webhook the emulator sent, processed by the bridge (told to the app or not). */
async function webhooksProcessed(server: TestServer) {
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

describeOnBackends("the app's own writes, not told back to it", (server) => {
  it("tells the app of staff's change in HighLevel, and of none of the bridge's writes of its own", async () => {
    const keys = server().emulator.control.webhookKeys();
    await server().restart({
      GHL_WEBHOOK_PUBLIC_KEYS: `${keys.ed25519}${keys.rsa}`,
      GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
    });
    const http = await serveHttp(server().runtime.app!, { host: '127.0.0.1', port: 0 });
    const receiver = await startWebhookReceiver();
    try {
      const ws = await connectedWorkspace(server());
      const endpoint = await server().call('POST', `/v1/workspaces/${ws.id}/webhook-endpoints`, {
        json: { url: `${receiver.url}/app`, events: TOLD },
      });
      expect(endpoint.status, endpoint.text).toBe(201);
      const endpointId = (JSON.parse(endpoint.text) as { id: string }).id;
      server().emulator.control.setWebhook(ws.locationId, {
        url: `${http.url}/v1/webhooks/highlevel`,
      });

      await put(server(), ws, 'cust_1', {
        version: 1,
        firstName: 'Ada',
        email: 'ada@example.com',
        tags: ['member'],
      });
      await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
      await put(server(), ws, 'cust_1/tasks/task_1', {
        version: 1,
        title: 'Call back',
        dueDate: '2026-03-02T09:00:00Z',
      });
      await settled(server(), ws, 'cust_1');
      await put(server(), ws, 'cust_1', { version: 2, firstName: 'Augusta' });
      await put(server(), ws, 'cust_1/tasks/task_1', {
        version: 2,
        title: 'Call back',
        dueDate: '2026-03-02T09:00:00Z',
        completed: true,
      });
      const view = await settled(server(), ws, 'cust_1');
      await webhooksProcessed(server());
      const sent = server()
        .emulator.control.webhookDeliveries()
        .map((delivery) => delivery.type);
      expect(sent).toEqual(
        expect.arrayContaining(['ContactCreate', 'ContactTagUpdate', 'ContactUpdate']),
      );
      expect(sent).toEqual(expect.arrayContaining(['NoteCreate', 'TaskCreate', 'TaskComplete']));

      // Staff rename the contact in HighLevel: that is news for the app.
      await ws.hl.contacts.update(view.contactId!, { lastName: 'King' });
      const [told] = await waitFor(() => receiver.at('/app').length > 0 && receiver.at('/app'), {
        what: "staff's change at the app",
      });
      expect(JSON.parse(told!.body)).toMatchObject({
        type: 'contact.updated',
        data: { id: view.contactId, source: 'highlevel', foundBy: 'webhook' },
      });
      await webhooksProcessed(server());
      const deliveries = await server()
        .runtime.database.db.selectFrom('webhook_deliveries')
        .select('payload')
        .where('endpoint_id', '=', endpointId)
        .execute();
      expect(deliveries).toHaveLength(1);
    } finally {
      await receiver.close();
      await http.close();
    }
  }, 60_000);
});
