/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup, est } from '../../test/calendars.js';
import type { EmulatorEvent } from '../index.js';
import { appointmentEvent, type AppointmentInput } from '../webhooks/payloads.js';

const SLOT_TAKEN = {
  message: 'The slot you have selected is no longer available.',
  error: 'Bad Request',
  statusCode: 400,
  traceId: expect.any(String),
};

describe('POST /calendars/events/appointments', () => {
  it('books a free slot: 200, flat, with both status spellings and the offered time', async () => {
    const { book, calendarId, locationId, contactId } = await calendarSetup();
    const res = await book('2026-03-02T09:00:00-05:00');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      calendarId,
      locationId,
      contactId,
      startTime: '2026-03-02T09:00:00-05:00',
      endTime: '2026-03-02T09:30:00-05:00',
      // The calendar's default eventTitle is {{contact.name}}.
      title: 'Ada Lovelace',
      appointmentStatus: 'confirmed',
      appoinmentStatus: 'confirmed',
    });
  });

  it('keeps a requested status `new` on an auto-confirming calendar and drops `notes`', async () => {
    const { book, calApi } = await calendarSetup();
    const res = await book('2026-03-02T09:00:00-05:00', {
      appointmentStatus: 'new',
      notes: 'gate code 1234',
      title: 'Hold',
      address: '1 Main St',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      appointmentStatus: 'new',
      title: 'Hold',
      address: '1 Main St',
    });
    const got = await calApi('GET', `/calendars/events/appointments/${res.body.id}`);
    expect(got.body.event.appointmentStatus).toBe('new');
    expect(got.body.event).not.toHaveProperty('notes');
  });

  it('refuses a taken slot with HighLevel exact 400 body', async () => {
    const { book } = await calendarSetup();
    expect((await book('2026-03-02T09:00:00-05:00')).status).toBe(200);
    const again = await book('2026-03-02T09:00:00-05:00');
    expect(again.status).toBe(400);
    expect(again.body).toEqual(SLOT_TAKEN);
  });

  it('treats a slot sent in UTC (…Z) and with an offset as the same slot', async () => {
    const { book, mondaySlots } = await calendarSetup();
    const utc = await book('2026-03-02T15:00:00Z');
    expect(utc.status).toBe(200);
    expect(utc.body.startTime).toBe('2026-03-02T10:00:00-05:00');
    expect(await mondaySlots()).not.toContain('2026-03-02T10:00:00-05:00');
    const offset = await book('2026-03-02T10:00:00-05:00');
    expect(offset.status).toBe(400);
    expect(offset.body).toEqual(SLOT_TAKEN);
    const otherOffset = await book('2026-03-02T16:00:00+01:00');
    expect(otherOffset.body).toEqual(SLOT_TAKEN);
  });

  it('refuses a time that is not an offered slot unless ignoreFreeSlotValidation', async () => {
    const { book } = await calendarSetup();
    for (const startTime of [
      '2026-03-02T09:10:00-05:00', // between slots
      '2026-03-02T17:00:00-05:00', // closing time
      '2026-03-07T10:00:00-05:00', // Saturday
      '2026-03-02T07:00:00-05:00', // before now (08:00)
    ]) {
      expect((await book(startTime)).body).toEqual(SLOT_TAKEN);
    }
    const forced = await book('2026-03-07T10:00:00-05:00', { ignoreFreeSlotValidation: true });
    expect(forced.status).toBe(200);
    expect(forced.body.startTime).toBe('2026-03-07T10:00:00-05:00');
  });

  it('accepts an appointment longer than a slot, which then holds both slots', async () => {
    const { book, mondaySlots } = await calendarSetup();
    const long = await book('2026-03-02T11:00:00-05:00', { endTime: '2026-03-02T12:00:00-05:00' });
    expect(long.status).toBe(200);
    expect(long.body.endTime).toBe('2026-03-02T12:00:00-05:00');
    const slots = await mondaySlots();
    expect(slots).not.toContain('2026-03-02T11:00:00-05:00');
    expect(slots).not.toContain('2026-03-02T11:30:00-05:00');
    expect(slots).toContain('2026-03-02T12:00:00-05:00');
  });

  it('applies the minimum notice, which ignoreDateRange skips', async () => {
    const { book } = await calendarSetup({ allowBookingAfter: 1, allowBookingAfterUnit: 'days' });
    expect((await book('2026-03-02T10:00:00-05:00')).body).toEqual(SLOT_TAKEN);
    expect((await book('2026-03-03T10:00:00-05:00')).status).toBe(200);
    const skipped = await book('2026-03-02T10:00:00-05:00', { ignoreDateRange: true });
    expect(skipped.status).toBe(200);
  });

  it('lets exactly one of 50 concurrent bookings of one slot through', async () => {
    const { book, emulator, locationId } = await calendarSetup();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => book('2026-03-02T14:00:00-05:00')),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 400);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.body).toEqual(SLOT_TAKEN);
    expect(emulator.control.locationState(locationId).appointments).toHaveLength(1);
  });

  it('gives the last place of a two-per-slot calendar to exactly one of 10 racers', async () => {
    const { book, emulator, locationId } = await calendarSetup({ appoinmentPerSlot: 2 });
    expect((await book('2026-03-02T14:00:00-05:00')).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => book('2026-03-02T14:00:00-05:00')),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(9).fill(400)]);
    expect(emulator.control.locationState(locationId).appointments).toHaveLength(2);
  });

  it('needs a contact of this Location (400 Contact not found)', async () => {
    const { book, emulator } = await calendarSetup();
    const missing = await book('2026-03-02T09:00:00-05:00', { contactId: 'nope' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      statusCode: 400,
      message: 'Contact not found for id:nope',
      error: 'Bad Request',
    });
    const other = await anotherLocation(emulator);
    const foreign = await book('2026-03-02T09:00:00-05:00', { contactId: other.contactId });
    expect(foreign.body.message).toBe(`Contact not found for id:${other.contactId}`);
  });

  it('refuses an unknown calendar (400), a bad body (422) and recurrence (422)', async () => {
    const { book, calApi, locationId } = await calendarSetup();
    const unknown = await book('2026-03-02T09:00:00-05:00', { calendarId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Calendar not found for id:nope');
    const bad = await calApi('POST', '/calendars/events/appointments', {
      body: { locationId, startTime: 5, colour: 'red' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([
      'startTime must be a string',
      'property colour should not exist',
      'calendarId should not be empty',
      'contactId should not be empty',
    ]);
    const notIso = await book('next tuesday');
    expect(notIso.status).toBe(422);
    expect(notIso.body.message).toEqual(['startTime must be an ISO 8601 date-time']);
    const recurring = await book('2026-03-02T09:00:00-05:00', {
      rrule: 'RRULE:FREQ=DAILY;COUNT=5',
      ignoreFreeSlotValidation: true,
    });
    expect(recurring.status).toBe(422);
  });

  it("needs the spec's calendars/events.write scope", async () => {
    const { book, emulator, locationId } = await calendarSetup();
    const { token } = emulator.control.createToken(locationId, { scopes: ['calendars.readonly'] });
    const res = await book('2026-03-02T09:00:00-05:00', {}, { token });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('The token is not authorized for this scope.');
  });

  it('announces AppointmentCreate in a shape the webhook builder turns into HighLevel payload', async () => {
    const { book, emulator, calendarId, contactId, locationId } = await calendarSetup();
    const events: EmulatorEvent[] = [];
    emulator.control.onEvent((e) => events.push(e));
    const res = await book('2026-03-02T09:00:00-05:00');
    expect(events.map((e) => e.type)).toEqual(['AppointmentCreate']);
    const webhook = appointmentEvent(
      'AppointmentCreate',
      events[0]!.payload as unknown as AppointmentInput,
      { timestamp: '2026-03-02T13:00:00.000Z', webhookId: 'w1' },
    );
    expect(webhook).toMatchObject({
      type: 'AppointmentCreate',
      locationId,
      appointment: {
        id: res.body.id,
        calendarId,
        contactId,
        appointmentStatus: 'confirmed',
        startTime: '2026-03-02T09:00:00-05:00',
        endTime: '2026-03-02T09:30:00-05:00',
      },
    });
  });
});

describe('GET /calendars/events/appointments/{eventId}', () => {
  it('answers { event } with offset times in the calendar zone', async () => {
    const { book, calApi, calendarId, contactId, locationId } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00');
    const got = await calApi('GET', `/calendars/events/appointments/${body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.event).toEqual({
      id: body.id,
      title: 'Ada Lovelace',
      calendarId,
      locationId,
      contactId,
      appointmentStatus: 'confirmed',
      users: [],
      startTime: '2026-03-02T09:00:00-05:00',
      endTime: '2026-03-02T09:30:00-05:00',
      dateAdded: '2026-03-02T08:00:00-05:00',
      dateUpdated: '2026-03-02T08:00:00-05:00',
    });
  });

  it('400s for an unknown event, 403s for one of another Location', async () => {
    const { calApi, emulator } = await calendarSetup();
    const missing = await calApi('GET', '/calendars/events/appointments/nope');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Event not found for id:nope');
    const other = await anotherLocation(emulator);
    const { body } = await other.book('2026-03-02T09:00:00-05:00');
    const foreign = await calApi('GET', `/calendars/events/appointments/${body.id}`);
    expect(foreign.status).toBe(403);
  });
});

describe('PUT /calendars/events/appointments/{eventId}', () => {
  it('reschedules to a free slot (200 flat) and frees the old one', async () => {
    const { book, calApi, mondaySlots } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00');
    const moved = await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { startTime: '2026-03-02T13:00:00-05:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: body.id,
      startTime: '2026-03-02T13:00:00-05:00',
      endTime: '2026-03-02T13:30:00-05:00',
      appoinmentStatus: 'confirmed',
    });
    const slots = await mondaySlots();
    expect(slots).toContain('2026-03-02T09:00:00-05:00');
    expect(slots).not.toContain('2026-03-02T13:00:00-05:00');
  });

  it('re-checks the slot without counting the appointment itself', async () => {
    const { book, calApi } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00', {
      endTime: '2026-03-02T10:00:00-05:00',
    });
    // 09:30-10:30 overlaps the appointment's own 09:00-10:00: still free for it.
    const overlapSelf = await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { startTime: '2026-03-02T09:30:00-05:00' },
    });
    expect(overlapSelf.status).toBe(200);
    expect(overlapSelf.body.endTime).toBe('2026-03-02T10:30:00-05:00');
    await book('2026-03-02T15:00:00-05:00');
    const ontoTaken = await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { startTime: '2026-03-02T15:00:00-05:00' },
    });
    expect(ontoTaken.status).toBe(400);
    expect(ontoTaken.body).toEqual(SLOT_TAKEN);
  });

  it('changes the status of a past appointment without a slot check', async () => {
    const { book, calApi, clock } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00', { appointmentStatus: 'new' });
    await clock.advance(est('2026-03-02T12:00:00') - clock.now());
    const showed = await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { appointmentStatus: 'showed' },
    });
    expect(showed.status).toBe(200);
    expect(showed.body.appointmentStatus).toBe('showed');
    const got = await calApi('GET', `/calendars/events/appointments/${body.id}`);
    expect(got.body.event.dateUpdated).toBe('2026-03-02T12:00:00-05:00');
  });

  it('needs a free slot to bring a cancelled appointment back', async () => {
    const { book, calApi } = await calendarSetup();
    const first = await book('2026-03-02T09:00:00-05:00');
    await calApi('PUT', `/calendars/events/appointments/${first.body.id}`, {
      body: { appointmentStatus: 'cancelled' },
    });
    expect((await book('2026-03-02T09:00:00-05:00')).status).toBe(200);
    const revived = await calApi('PUT', `/calendars/events/appointments/${first.body.id}`, {
      body: { appointmentStatus: 'confirmed' },
    });
    expect(revived.body).toEqual(SLOT_TAKEN);
  });

  it('400s for an unknown event and 422s for properties the edit DTO lacks', async () => {
    const { book, calApi } = await calendarSetup();
    const missing = await calApi('PUT', '/calendars/events/appointments/nope', {
      body: { title: 'x' },
    });
    expect(missing.status).toBe(400);
    const { body } = await book('2026-03-02T09:00:00-05:00');
    const bad = await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { contactId: 'someone-else' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['property contactId should not exist']);
  });

  it('announces AppointmentUpdate', async () => {
    const { book, calApi, emulator } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00');
    const events: EmulatorEvent[] = [];
    emulator.control.onEvent((e) => events.push(e));
    await calApi('PUT', `/calendars/events/appointments/${body.id}`, {
      body: { appointmentStatus: 'cancelled' },
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'AppointmentUpdate',
        payload: expect.objectContaining({ id: body.id, appointmentStatus: 'cancelled' }),
      }),
    ]);
  });
});
