/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup, est, WEEKDAYS_9_TO_5 } from '../../test/calendars.js';

const MORNINGS = [
  {
    daysOfTheWeek: [1, 2, 3, 4, 5],
    hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
  },
];

describe('POST /calendars/', () => {
  it('creates a calendar (200) with defaults, which offers free slots and takes bookings', async () => {
    const { calApi, locationId, contactId } = await calendarSetup();
    const res = await calApi('POST', '/calendars/', {
      body: { locationId, name: 'Mornings', openHours: MORNINGS, slotDuration: 60 },
    });
    expect(res.status).toBe(200);
    const calendar = res.body.calendar;
    expect(calendar).toMatchObject({ locationId, name: 'Mornings', slotInterval: 30 });
    const search = new URLSearchParams({
      startDate: String(est('2026-03-02T00:00:00')),
      endDate: String(est('2026-03-02T23:59:59')),
    });
    const slots = await calApi('GET', `/calendars/${calendar.id}/free-slots?${search.toString()}`);
    expect(slots.body['2026-03-02'].slots).toEqual(['2026-03-02T09:00:00-05:00']);
    const booked = await calApi('POST', '/calendars/events/appointments', {
      body: {
        calendarId: calendar.id,
        locationId,
        contactId,
        startTime: '2026-03-02T09:00:00-05:00',
      },
    });
    expect(booked.status).toBe(200);
  });

  it('answers 422 with every field problem, and 400 for an unknown group', async () => {
    const { calApi, locationId } = await calendarSetup();
    const bad = await calApi('POST', '/calendars/', {
      body: { locationId, name: 'Bad', slotDuration: -5, calendarType: 'round_robin' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([
      'teamMembers are required for calendars of type round_robin',
      'slotDuration must be a positive number',
    ]);
    const stray = await calApi('POST', '/calendars/', {
      body: { locationId, name: 'Stray', colour: 'teal' },
    });
    expect(stray.body.message).toEqual(['property colour should not exist']);
    const grouped = await calApi('POST', '/calendars/', {
      body: { locationId, name: 'Grouped', groupId: 'nope' },
    });
    expect(grouped.status).toBe(400);
    expect(grouped.body.message).toBe('Group not found for id:nope');
    expect(
      (await calApi('GET', `/calendars/?locationId=${locationId}`)).body.calendars,
    ).toHaveLength(1);
  });
});

describe('PUT /calendars/{calendarId}', () => {
  it('changes the sent fields, keeps the rest, and free slots follow at once', async () => {
    const { calApi, calendarId, mondaySlots } = await calendarSetup({ openHours: MORNINGS });
    expect(await mondaySlots()).toHaveLength(2);
    const res = await calApi('PUT', `/calendars/${calendarId}`, {
      body: { name: 'All day', ...WEEKDAYS_9_TO_5 },
    });
    expect(res.status).toBe(200);
    expect(res.body.calendar).toMatchObject({ id: calendarId, name: 'All day', slotDuration: 30 });
    expect(await mondaySlots()).toHaveLength(16);
  });

  it('refuses a bad value (422) and leaves the calendar as it was', async () => {
    const { calApi, calendarId, emulator, locationId } = await calendarSetup();
    const res = await calApi('PUT', `/calendars/${calendarId}`, {
      body: { name: 'Renamed', slotInterval: 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['slotInterval must be a positive number']);
    expect(emulator.control.locationState(locationId).calendars[0]?.name).toBe('Consultation');
  });
});

describe('DELETE /calendars/{calendarId}', () => {
  it('removes the calendar and its notifications', async () => {
    const { calApi, calendarId, emulator, locationId } = await calendarSetup();
    await calApi('POST', `/calendars/${calendarId}/notifications`, {
      body: [{ receiverType: 'contact', channel: 'email', notificationType: 'booked' }],
    });
    const res = await calApi('DELETE', `/calendars/${calendarId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const state = emulator.control.locationState(locationId);
    expect(state.calendars).toEqual([]);
    expect(state.calendarNotifications).toEqual([]);
    expect((await calApi('GET', `/calendars/${calendarId}`)).status).toBe(400);
  });

  it("403s for another Location's calendar", async () => {
    const { calApi, emulator } = await calendarSetup();
    const other = await anotherLocation(emulator);
    expect((await calApi('DELETE', `/calendars/${other.calendarId}`)).status).toBe(403);
  });
});
