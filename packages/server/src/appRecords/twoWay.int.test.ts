/**
 * Contacts, notes and tasks both ways: a change staff make in HighLevel reaches the app once, with
 * the app's own ids and the new values; an edit the app makes reaches HighLevel once and is not
 * told back; a conflicting edit ends as the rule says (last writer by timestamp, per field).
 */
import { expect, it } from 'vitest';
import { highLevelCalls, put, settled } from '../../test/appRecords.js';
import { webhooksProcessed, wiredWorkspace } from '../../test/appWiring.js';
import { describeOnBackends } from '../../test/harness.js';
import { waitFor } from '../../test/waitFor.js';

const EVENTS = [
  'contact.updated',
  'note.created',
  'note.updated',
  'note.deleted',
  'task.created',
  'task.completed',
  'task.deleted',
];

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

describeOnBackends('contacts, notes and tasks both ways', (server) => {
  it('tells the app of a task completed and a note edited in HighLevel, once, by its own ids', async () => {
    const wired = await wiredWorkspace(server(), EVENTS);
    const { ws } = wired;
    try {
      await put(server(), ws, 'cust_1', { version: 1, firstName: 'Ada', email: 'ada@example.com' });
      await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
      await put(server(), ws, 'cust_1/tasks/task_1', {
        version: 1,
        title: 'Call about the deposit',
        dueDate: '2026-03-02T09:00:00Z',
      });
      const view = await settled(server(), ws, 'cust_1');
      const contactId = view.contactId!;
      const taskId = view.tasks[0]!.highLevelId!;
      const noteId = view.notes[0]!.highLevelId!;
      await webhooksProcessed(server());
      expect(wired.told()).toEqual([]);

      // Staff complete the task and edit the note in HighLevel.
      await ws.hl.raw('PUT', '/contacts/{contactId}/tasks/{taskId}/completed', {
        path: { contactId, taskId },
        body: { completed: true },
      });
      await ws.hl.raw('PUT', '/contacts/{contactId}/notes/{id}', {
        path: { contactId, id: noteId },
        body: { body: 'Prefers evenings now' },
      });
      await waitFor(() => wired.told().length >= 2, { what: "staff's changes at the app" });
      await webhooksProcessed(server());
      const told = wired.told();
      expect(told.map((e) => e.type).sort()).toEqual(['note.updated', 'task.completed']);
      expect(told.find((e) => e.type === 'task.completed')?.data).toMatchObject({
        id: taskId,
        externalId: 'task_1',
        contactExternalId: 'cust_1',
      });
      expect(told.find((e) => e.type === 'note.updated')?.data).toMatchObject({
        id: noteId,
        externalId: 'note_1',
        contactExternalId: 'cust_1',
        fields: { body: 'Prefers evenings now' },
      });

      // The app edits the note: HighLevel gets it once, and the app is not told of its own edit.
      const before = highLevelCalls(server(), ws.locationId).length;
      await put(server(), ws, 'cust_1/notes/note_1', { version: 2, body: 'Evenings, after six' });
      await settled(server(), ws, 'cust_1');
      const calls = highLevelCalls(server(), ws.locationId).slice(before);
      expect(calls.filter((c) => c === 'PUT /contacts/{contactId}/notes/{id}')).toHaveLength(1);
      const notes = ws.state().notes.filter((n) => n.id === noteId);
      expect(notes.map((n) => n.body)).toEqual(['Evenings, after six']);
      await webhooksProcessed(server());
      expect(wired.told()).toHaveLength(2);
    } finally {
      await wired.close();
    }
  }, 60_000);

  it('settles a conflicting edit by the last writer of each field', async () => {
    const wired = await wiredWorkspace(server(), EVENTS);
    const { ws } = wired;
    try {
      await put(server(), ws, 'cust_2', {
        version: 1,
        updatedAt: later(-60_000),
        firstName: 'Ada',
        email: 'ada.two@example.com',
      });
      const { contactId } = await settled(server(), ws, 'cust_2');
      await webhooksProcessed(server());

      // Staff rename her in HighLevel: the app is told, with the app's id and the new name.
      await ws.hl.contacts.update(contactId!, { firstName: 'Augusta' });
      const [renamed] = await waitFor(() => wired.told().length > 0 && wired.told(), {
        what: 'the rename at the app',
      });
      expect(renamed).toMatchObject({
        type: 'contact.updated',
        data: { id: contactId, externalId: 'cust_2', fields: { firstName: 'Augusta' } },
      });

      // A version the app made before staff's rename: its name loses, its city is written.
      await put(server(), ws, 'cust_2', {
        version: 2,
        updatedAt: later(-30_000),
        firstName: 'Ada L.',
        city: 'London',
      });
      await settled(server(), ws, 'cust_2');
      const contact = () => ws.state().contacts.find((c) => c.id === contactId)!;
      expect(contact()).toMatchObject({ firstName: 'Augusta', city: 'London' });

      // A version made after it: the app's name wins.
      await put(server(), ws, 'cust_2', { version: 3, updatedAt: later(1000), firstName: 'Ada' });
      await settled(server(), ws, 'cust_2');
      expect(contact().firstName).toBe('Ada');

      // Staff's edit whose webhook comes after the app's later write of that field: HighLevel
      // holds the app's value and the app is not told the older one.
      server().emulator.control.setWebhookFaults({ delayRate: 1, delayMs: 1500, maxDelayMs: 1500 });
      await ws.hl.contacts.update(contactId!, { lastName: 'King' });
      await put(server(), ws, 'cust_2', {
        version: 4,
        updatedAt: later(60_000),
        lastName: 'Byron',
      });
      await settled(server(), ws, 'cust_2');
      await new Promise((resolve) => setTimeout(resolve, 1600));
      server().emulator.control.setWebhookFaults({ delayRate: 0 });
      await webhooksProcessed(server());
      expect(contact().lastName).toBe('Byron');
      expect(wired.told()).toHaveLength(1);
    } finally {
      await wired.close();
    }
  }, 60_000);
});
