/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { calendarSetup } from '../../test/calendars.js';

describe('GET /contacts/{contactId}/appointments', () => {
  it("lists the contact's appointments with offset-less wall-clock times of the calendar", async () => {
    const { book, api, contactId, calendarId, locationId } = await calendarSetup();
    const later = await book('2026-03-03T16:30:00-05:00');
    // Booked in UTC, still shown as New York wall clock.
    const sooner = await book('2026-03-02T14:00:00Z');
    const res = await api('GET', `/contacts/${contactId}/appointments`);
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([
      {
        id: sooner.body.id,
        calendarId,
        title: 'Ada Lovelace',
        startTime: '2026-03-02 09:00:00',
        endTime: '2026-03-02 09:30:00',
        locationId,
        contactId,
        appointmentStatus: 'confirmed',
        users: [],
        dateAdded: '2026-03-02 08:00:00',
        dateUpdated: '2026-03-02 08:00:00',
      },
      expect.objectContaining({
        id: later.body.id,
        startTime: '2026-03-03 16:30:00',
        endTime: '2026-03-03 17:00:00',
      }),
    ]);
  });

  it("shows only that contact's appointments, and 400s for an unknown contact", async () => {
    const { book, api, locationId } = await calendarSetup();
    await book('2026-03-02T09:00:00-05:00');
    const other = await api('POST', '/contacts/', {
      body: { locationId, email: 'grace@example.com' },
    });
    const none = await api('GET', `/contacts/${other.body.contact.id}/appointments`);
    expect(none.body.events).toEqual([]);
    const unknown = await api('GET', '/contacts/nope/appointments');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Contact not found for id:nope');
  });
});
