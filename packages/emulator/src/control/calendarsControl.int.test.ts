/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { call } from '../../test/harness.js';
import { createEmulator, DEMO, type Emulator } from '../index.js';
import { ControlError } from './control.js';

async function control(emulator: Emulator, path: string, body: unknown) {
  const res = await emulator.fetch(
    new Request(`http://ghl.test/_emulator${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

const weekdays = [
  {
    daysOfTheWeek: [1, 2, 3, 4, 5],
    hours: [{ openHour: 9, openMinute: 0, closeHour: 12, closeMinute: 0 }],
  },
];

describe('POST /_emulator/locations/:id/calendars', () => {
  it('creates a calendar (201) that HighLevel routes then serve', async () => {
    const emulator = createEmulator();
    const { locationId, token } = emulator.control.createLocation({});
    const created = await control(emulator, `/locations/${locationId}/calendars`, {
      name: 'Grooming',
      slotDuration: 1,
      slotDurationUnit: 'hours',
      openHours: weekdays,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      locationId,
      name: 'Grooming',
      slotDuration: 1,
      slotDurationUnit: 'hours',
      slotInterval: 30,
      appoinmentPerSlot: 1,
    });
    const got = await call(emulator, 'GET', `/calendars/${created.body.id}`, {
      token,
      version: '2021-04-15',
    });
    expect(got.body.calendar).toEqual(created.body);
  });

  it('answers 422 with one field error per problem', async () => {
    const emulator = createEmulator();
    const { locationId } = emulator.control.createLocation({});
    const res = await control(emulator, `/locations/${locationId}/calendars`, {
      appointmentPerSlot: 2,
      slotDuration: 'long',
      openHours: [{ daysOfTheWeek: [8], hours: [] }],
      teamMembers: [{ userId: 'ghost' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_calendar');
    expect(res.body.error.details).toEqual([
      {
        field: 'appointmentPerSlot',
        message:
          'property appointmentPerSlot should not exist (HighLevel spells it appoinmentPerSlot)',
      },
      { field: 'name', message: 'name should not be empty' },
      { field: 'slotDuration', message: 'slotDuration must be a number' },
      {
        field: 'openHours[0].daysOfTheWeek[0]',
        message: 'openHours[0].daysOfTheWeek[0] must not be greater than 6',
      },
    ]);
    expect(res.body.error.message).toContain('name should not be empty');
  });

  it('refuses team members who are not users of the Location, and unknown Locations', async () => {
    const emulator = createEmulator();
    const { locationId } = emulator.control.createLocation({});
    const stranger = await control(emulator, `/locations/${locationId}/calendars`, {
      name: 'Team',
      calendarType: 'round_robin',
      teamMembers: [{ userId: 'ghost' }],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.details).toEqual([
      {
        field: 'teamMembers[0].userId',
        message: 'teamMembers[0].userId ghost is not a user of this Location',
      },
    ]);
    const user = emulator.control.createUser(locationId, {});
    const team = emulator.control.createCalendar(locationId, {
      name: 'Team',
      calendarType: 'round_robin',
      teamMembers: [{ userId: user.id }],
    });
    expect(team.teamMembers).toEqual([{ userId: user.id, priority: 0.5 }]);
    const nowhere = await control(emulator, '/locations/nope/calendars', { name: 'x' });
    expect(nowhere.status).toBe(404);
  });

  it('throws ControlError from the typed control method', () => {
    const emulator = createEmulator();
    const { locationId } = emulator.control.createLocation({});
    expect(() => emulator.control.createCalendar(locationId, { name: '' })).toThrow(ControlError);
  });
});

describe('demo seed', () => {
  it('has a bookable weekday 09:00-17:00 calendar with 30-minute slots', async () => {
    // Monday 2 March 2026, 08:00 in New York.
    const emulator = createEmulator({
      seed: 'demo',
      clock: manualClock(Date.parse('2026-03-02T13:00:00Z')),
    });
    const opts = { token: DEMO.token, version: '2021-04-15' };
    const start = Date.parse('2026-03-02T05:00:00Z');
    const slots = await call(
      emulator,
      'GET',
      `/calendars/${DEMO.calendarId}/free-slots?startDate=${start}&endDate=${start + 86_399_999}`,
      opts,
    );
    expect(slots.body['2026-03-02'].slots).toHaveLength(16);
    expect(slots.body['2026-03-02'].slots[0]).toBe('2026-03-02T09:00:00-05:00');
    const contact = await call(emulator, 'POST', '/contacts/', {
      token: DEMO.token,
      body: { locationId: DEMO.locationId, email: 'demo@example.com' },
    });
    const booked = await call(emulator, 'POST', '/calendars/events/appointments', {
      ...opts,
      body: {
        calendarId: DEMO.calendarId,
        locationId: DEMO.locationId,
        contactId: contact.body.contact.id,
        startTime: '2026-03-02T09:00:00-05:00',
      },
    });
    expect(booked.status).toBe(200);
    // The calendar's only team member, the demo owner, gets the booking.
    const owner = emulator.control.locationState(DEMO.locationId).users[0]!;
    expect(booked.body.assignedUserId).toBe(owner.id);
  });
});
