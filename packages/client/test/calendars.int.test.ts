/**
 * Calendars, free slots and appointments through the client against the emulator's calendar
 * engine: a New York clinic open weekdays 09:00-17:00 with hourly slots, on a clock that starts
 * Monday 2 March 2026 before opening. The user-visible questions: which times can be offered,
 * and does a booking happen exactly once.
 */
import { OutcomeUnknownError, SlotUnavailableError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calls, emulatorClient, rejectionOf } from './emulatorClient.js';

const NEW_YORK = 'America/New_York';
/** Monday 2 March 2026, 00:00 and 24:00 in New York (EST, -05:00). */
const MONDAY = Date.parse('2026-03-02T00:00:00-05:00');
const DAY_MS = 86_400_000;
const MONDAY_SLOTS = [9, 10, 11, 12, 13, 14, 15, 16].map(
  (h) => `2026-03-02T${String(h).padStart(2, '0')}:00:00-05:00`,
);

async function clinic() {
  const harness = emulatorClient({ location: { timezone: NEW_YORK, name: 'Clinic' } });
  const { emulator, hl, locationId } = harness;
  const calendar = emulator.control.createCalendar(locationId, {
    name: 'Consultation',
    slotDuration: 60,
    slotInterval: 60,
    openHours: [
      {
        daysOfTheWeek: [1, 2, 3, 4, 5],
        hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
      },
    ],
  });
  const contact = await hl.contacts.create({ locationId, email: 'ada@example.com' });
  const mondaySlots = () =>
    hl.calendars.freeSlots({
      calendarId: calendar.id,
      start: MONDAY,
      end: MONDAY + DAY_MS - 1,
      timezone: NEW_YORK,
    });
  const book = (startTime: string) =>
    hl.appointments.create({
      calendarId: calendar.id,
      locationId,
      contactId: contact.id!,
      startTime,
    });
  const appointments = () => harness.emulator.control.locationState(locationId).appointments;
  return {
    ...harness,
    calendarId: calendar.id,
    contactId: contact.id!,
    mondaySlots,
    book,
    appointments,
  };
}

describe('hl.calendars against the emulator', () => {
  it("lists and reads the Location's calendars", async () => {
    const { hl, locationId, calendarId } = await clinic();

    expect((await hl.calendars.list({ locationId })).map((c) => c.id)).toEqual([calendarId]);
    expect(await hl.calendars.get(calendarId)).toMatchObject({
      id: calendarId,
      name: 'Consultation',
      slotDuration: 60,
    });
  });

  it('free slots come back as one ordered list of offset ISO starts', async () => {
    const { mondaySlots } = await clinic();

    expect(await mondaySlots()).toEqual(MONDAY_SLOTS);
  });

  it('45 days of free slots: fetched in two requests under the 31-day limit and merged without repeats', async () => {
    const { hl, calendarId, requests } = await clinic();

    const slots = await hl.calendars.freeSlots({
      calendarId,
      start: MONDAY,
      end: MONDAY + 45 * DAY_MS,
      timezone: NEW_YORK,
    });

    expect(calls(requests(), 'GET', '/calendars/{calendarId}/free-slots')).toHaveLength(2);
    // 2 March to 15 April: six whole weeks and Mon-Wed, 33 weekdays of 8 hourly slots.
    expect(slots).toHaveLength(33 * 8);
    expect(new Set(slots).size).toBe(slots.length);
    const instants = slots.map((s) => Date.parse(s));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    // Wall-clock 09:00-16:00 on both sides of the switch to daylight time (8 March).
    expect(new Set(slots.map((s) => s.slice(11, 19)))).toEqual(
      new Set(MONDAY_SLOTS.map((s) => s.slice(11, 19))),
    );
    expect(slots.filter((s) => s.endsWith('-04:00'))).not.toHaveLength(0);
  });
});

describe('hl.appointments against the emulator', () => {
  it('books a free slot: the slot is no longer offered, and booking it again is SlotUnavailableError', async () => {
    const { book, mondaySlots, appointments } = await clinic();
    const [first] = await mondaySlots();

    const booked = await book(first!);

    expect(booked.id).toEqual(expect.any(String));
    expect(await mondaySlots()).toEqual(MONDAY_SLOTS.slice(1));
    const again = await rejectionOf(book(first!));
    expect(again).toBeInstanceOf(SlotUnavailableError);
    expect(again).toMatchObject({ code: 'slot_unavailable' });
    expect(appointments()).toHaveLength(1);
  });

  it('reschedules, reads, lists for the contact, cancels and deletes an appointment', async () => {
    const { hl, book, mondaySlots, appointments, contactId } = await clinic();
    const { id } = await book(MONDAY_SLOTS[0]!);

    await hl.appointments.update(id, {
      startTime: MONDAY_SLOTS[2]!,
      endTime: '2026-03-02T12:00:00-05:00',
    });
    expect(Date.parse((await hl.appointments.get(id)).startTime)).toBe(
      Date.parse(MONDAY_SLOTS[2]!),
    );
    expect(await mondaySlots()).toEqual(MONDAY_SLOTS.filter((_, n) => n !== 2));
    expect((await hl.appointments.listForContact(contactId)).map((a) => a.id)).toEqual([id]);

    await hl.appointments.update(id, { appointmentStatus: 'cancelled' });
    expect((await hl.appointments.get(id)).appointmentStatus).toBe('cancelled');
    await hl.appointments.delete(id);
    expect(appointments()).toEqual([]);
  });

  it('a blocked slot (lunch) is no longer offered', async () => {
    const { hl, locationId, calendarId, mondaySlots } = await clinic();

    await hl.blockedSlots.create({
      locationId,
      calendarId,
      title: 'Lunch',
      startTime: '2026-03-02T12:00:00-05:00',
      endTime: '2026-03-02T13:00:00-05:00',
    });

    expect(await mondaySlots()).toEqual(MONDAY_SLOTS.filter((s) => !s.includes('T12:')));
  });

  it('commit then fail (dropped connection) on a booking: OutcomeUnknownError, sent once, and the contact holds exactly one appointment at that time', async () => {
    const { hl, emulator, book, appointments, contactId, requests, drive } = await clinic();
    emulator.control.setFaults([
      {
        match: { method: 'POST', path: '/calendars/events/appointments' },
        commitThenFail: 'drop',
        count: 1,
      },
    ]);

    const error = await drive(rejectionOf(book(MONDAY_SLOTS[0]!)));

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(calls(requests(), 'POST', '/calendars/events/appointments')).toHaveLength(1);
    expect(appointments()).toHaveLength(1);
    // How the caller reconciles: the contact's appointments show the booking was made.
    const mine = await hl.appointments.listForContact(contactId);
    expect(mine).toHaveLength(1);
  });
});
