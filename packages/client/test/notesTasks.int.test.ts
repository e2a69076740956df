/** A contact's notes and tasks through `hl.notes` and `hl.tasks`, checked in the emulator's store. */
import { NotFoundError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { emulatorClient, rejectionOf } from './emulatorClient.js';

async function withContact() {
  const setup = emulatorClient();
  const contact = await setup.hl.contacts.create({
    locationId: setup.locationId,
    email: 'ada@example.com',
  });
  const stored = () => setup.emulator.control.locationState(setup.locationId);
  return { ...setup, contactId: contact.id!, stored };
}

describe('hl.notes against the emulator', () => {
  it('creates, lists, reads, updates and deletes a note', async () => {
    const { hl, contactId, stored } = await withContact();

    const note = await hl.notes.create(contactId, { body: 'Wants a quote', pinned: true });
    expect(note).toMatchObject({ contactId, body: 'Wants a quote', pinned: true });
    expect((await hl.notes.list(contactId)).map((n) => n.id)).toEqual([note.id]);

    const updated = await hl.notes.update(contactId, note.id!, { body: 'Quote sent' });
    expect(updated.body).toBe('Quote sent');
    expect((await hl.notes.get(contactId, note.id!)).body).toBe('Quote sent');
    expect(stored().notes).toEqual([
      expect.objectContaining({ id: note.id, body: 'Quote sent', pinned: true }),
    ]);

    await hl.notes.delete(contactId, note.id!);
    expect(await hl.notes.list(contactId)).toEqual([]);
    expect(stored().notes).toEqual([]);
    expect(await rejectionOf(hl.notes.get(contactId, note.id!))).toBeInstanceOf(NotFoundError);
  });

  it("a note on a contact that does not exist is HighLevel's not-found", async () => {
    const { hl, stored } = await withContact();

    const error = await rejectionOf(hl.notes.create('noSuchContact', { body: 'Hello' }));

    expect(error).toMatchObject({ code: 'not_found', status: 400 });
    expect(stored().notes).toEqual([]);
  });
});

describe('hl.tasks against the emulator', () => {
  it('creates, updates, completes, reopens and deletes a task', async () => {
    const { hl, contactId, stored } = await withContact();

    const task = await hl.tasks.create(contactId, {
      title: 'Call back',
      body: 'About the quote',
      dueDate: '2026-03-03T15:00:00.000Z',
      completed: false,
    });
    expect(task).toMatchObject({ contactId, title: 'Call back', completed: false });
    const taskId = task.id!;

    await hl.tasks.update(contactId, taskId, { dueDate: '2026-03-04T15:00:00.000Z' });
    const done = await hl.tasks.complete(contactId, taskId);
    expect(done).toMatchObject({ completed: true, title: 'Call back', body: 'About the quote' });
    expect(stored().tasks).toEqual([
      expect.objectContaining({
        id: taskId,
        completed: true,
        title: 'Call back',
        dueDate: '2026-03-04T15:00:00.000Z',
      }),
    ]);

    expect((await hl.tasks.complete(contactId, taskId, false)).completed).toBe(false);
    expect((await hl.tasks.get(contactId, taskId)).completed).toBe(false);
    expect((await hl.tasks.list(contactId)).map((t) => t.id)).toEqual([taskId]);

    await hl.tasks.delete(contactId, taskId);
    expect(await hl.tasks.list(contactId)).toEqual([]);
    expect(stored().tasks).toEqual([]);
  });
});
