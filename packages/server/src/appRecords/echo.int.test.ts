import { expect, it } from 'vitest';
import { put, settled } from '../../test/appRecords.js';
import { webhooksProcessed, wiredWorkspace } from '../../test/appWiring.js';
import { describeOnBackends } from '../../test/harness.js';
import { waitFor } from '../../test/waitFor.js';

const TOLD = ['contact.updated', 'note.created', 'task.created', 'task.completed'];

describeOnBackends("the app's own writes, not told back to it", (server) => {
  it("tells the app of staff's change in HighLevel, and of none of the bridge's writes of its own", async () => {
    const { ws, receiver, endpointId, close } = await wiredWorkspace(server(), TOLD);
    try {
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
      await close();
    }
  }, 60_000);
});
