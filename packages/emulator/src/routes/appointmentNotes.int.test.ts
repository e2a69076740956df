/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { calendarSetup } from '../../test/calendars.js';

async function withAppointment() {
  const s = await calendarSetup();
  const booked = await s.book('2026-03-02T09:00:00-05:00');
  const appointmentId = booked.body.id as string;
  const notesPath = `/calendars/appointments/${appointmentId}/notes`;
  return { ...s, appointmentId, notesPath };
}

describe('/calendars/appointments/{appointmentId}/notes', () => {
  it('creates (201), updates (200) and deletes ({success: true})', async () => {
    const { calApi, notesPath, contactId, emulator, locationId } = await withAppointment();
    const vet = emulator.control.createUser(locationId, { firstName: 'Vera', lastName: 'Vet' });
    const created = await calApi('POST', notesPath, {
      body: { body: 'Bring the x-rays', userId: vet.id },
    });
    expect(created.status).toBe(201);
    expect(created.body.note).toEqual({
      id: expect.any(String),
      body: 'Bring the x-rays',
      userId: vet.id,
      contactId,
      dateAdded: '2026-03-02T13:00:00.000Z',
      createdBy: { id: vet.id, name: 'Vera Vet' },
    });
    const noteId = created.body.note.id as string;
    const updated = await calApi('PUT', `${notesPath}/${noteId}`, { body: { body: 'No x-rays' } });
    expect(updated.status).toBe(200);
    expect(updated.body.note.body).toBe('No x-rays');
    const deleted = await calApi('DELETE', `${notesPath}/${noteId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true });
    const again = await calApi('DELETE', `${notesPath}/${noteId}`);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(`Note not found for id:${noteId}`);
  });

  it('pages newest first with limit and offset, saying whether more remain', async () => {
    const { calApi, notesPath, clock } = await withAppointment();
    for (const body of ['one', 'two', 'three']) {
      await calApi('POST', notesPath, { body: { body } });
      await clock.advance(60_000);
    }
    const page = async (limit: number, offset: number) => {
      const res = await calApi('GET', `${notesPath}?limit=${limit}&offset=${offset}`);
      expect(res.status).toBe(200);
      return {
        bodies: res.body.notes.map((n: { body: string }) => n.body),
        hasMore: res.body.hasMore,
      };
    };
    expect(await page(2, 0)).toEqual({ bodies: ['three', 'two'], hasMore: true });
    expect(await page(2, 2)).toEqual({ bodies: ['one'], hasMore: false });
    expect(await page(20, 0)).toEqual({ bodies: ['three', 'two', 'one'], hasMore: false });
  });

  it('422s for a limit over 20, a missing offset, an empty or too long body', async () => {
    const { calApi, notesPath } = await withAppointment();
    const over = await calApi('GET', `${notesPath}?limit=21&offset=0`);
    expect(over.status).toBe(422);
    expect(over.body.message).toEqual(['limit must not be greater than 20']);
    const noOffset = await calApi('GET', `${notesPath}?limit=5`);
    expect(noOffset.body.message).toEqual([
      'offset must be a number conforming to the specified constraints',
    ]);
    expect((await calApi('POST', notesPath, { body: {} })).body.message).toEqual([
      'body should not be empty',
    ]);
    const long = await calApi('POST', notesPath, { body: { body: 'x'.repeat(5001) } });
    expect(long.status).toBe(422);
    expect(long.body.message).toEqual(['body must be shorter than or equal to 5000 characters']);
    expect((await calApi('POST', notesPath, { body: { body: 'x'.repeat(5000) } })).status).toBe(
      201,
    );
  });

  it('400s for an unknown appointment', async () => {
    const { calApi } = await withAppointment();
    const res = await calApi('POST', '/calendars/appointments/nope/notes', { body: { body: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Event not found for id:nope');
    const list = await calApi('GET', '/calendars/appointments/nope/notes?limit=10&offset=0');
    expect(list.status).toBe(400);
  });
});
