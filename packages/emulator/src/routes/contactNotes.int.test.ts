/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function withContact() {
  const s = setup();
  const created = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'a@example.com' },
  });
  return { ...s, contactId: created.body.contact.id as string };
}

describe('/contacts/{contactId}/notes', () => {
  it('creates (201), reads, lists, updates and deletes ({succeded: true})', async () => {
    const { api, contactId } = await withContact();
    const created = await api('POST', `/contacts/${contactId}/notes`, {
      body: { body: 'Booked a massage', title: 'Booking', pinned: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({ body: 'Booked a massage', contactId, pinned: true });
    const noteId = created.body.note.id as string;
    expect((await api('GET', `/contacts/${contactId}/notes/${noteId}`)).body.note.body).toBe(
      'Booked a massage',
    );
    const updated = await api('PUT', `/contacts/${contactId}/notes/${noteId}`, {
      body: { body: 'Changed' },
    });
    expect(updated.body.note.body).toBe('Changed');
    const list = await api('GET', `/contacts/${contactId}/notes`);
    expect(list.body.notes.map((n: { id: string }) => n.id)).toEqual([noteId]);
    const deleted = await api('DELETE', `/contacts/${contactId}/notes/${noteId}`);
    expect(deleted.body).toEqual({ succeded: true });
    expect((await api('GET', `/contacts/${contactId}/notes`)).body.notes).toEqual([]);
    expect((await api('GET', `/contacts/${contactId}/notes/${noteId}`)).status).toBe(400);
  });

  it('422s without a body or with unknown properties', async () => {
    const { api, contactId } = await withContact();
    const res = await api('POST', `/contacts/${contactId}/notes`, { body: { text: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'property text should not exist',
      'body should not be empty',
    ]);
  });

  it('announces NoteCreate to event listeners', async () => {
    const { api, contactId, emulator } = await withContact();
    const events: string[] = [];
    emulator.control.onEvent((e) => events.push(e.type));
    await api('POST', `/contacts/${contactId}/notes`, { body: { body: 'hi' } });
    expect(events).toEqual(['NoteCreate']);
  });
});
