/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { calendarSetup, DAY_MS, est, WEEKDAYS_9_TO_5 } from '../../test/calendars.js';
import type { CreateCalendarInput } from '../control/calendarsControl.js';

const SLOT_TAKEN = {
  message: 'The slot you have selected is no longer available.',
  error: 'Bad Request',
  statusCode: 400,
  traceId: expect.any(String),
};
const TEN = '2026-03-02T10:00:00-05:00';
const ELEVEN = '2026-03-02T11:00:00-05:00';

/**
 * A New York Location on Monday 2 March 2026, 08:00, with users Ann and Bob on a team calendar
 * (09:00-17:00 weekdays, 30-minute slots) and a contact to book.
 */
async function teamSetup(
  calendar: Partial<CreateCalendarInput>,
  members: (ann: string, bob: string) => CreateCalendarInput['teamMembers'] = (ann, bob) => [
    { userId: ann },
    { userId: bob },
  ],
) {
  const s = await calendarSetup();
  const ann = s.emulator.control.createUser(s.locationId, { firstName: 'Ann' });
  const bob = s.emulator.control.createUser(s.locationId, { firstName: 'Bob' });
  const team = s.emulator.control.createCalendar(s.locationId, {
    name: 'Team',
    teamMembers: members(ann.id, bob.id),
    ...WEEKDAYS_9_TO_5,
    ...calendar,
  });
  const bookTeam = (startTime: string, extra: Record<string, unknown> = {}) =>
    s.calApi('POST', '/calendars/events/appointments', {
      body: {
        calendarId: team.id,
        locationId: s.locationId,
        contactId: s.contactId,
        startTime,
        ...extra,
      },
    });
  /** Monday's free slots of a calendar (the team's by default), with extra query text. */
  const monday = async (query = '', calendarId = team.id) => {
    const from = est('2026-03-02T00:00:00');
    const res = await s.calApi(
      'GET',
      `/calendars/${calendarId}/free-slots?startDate=${from}&endDate=${from + DAY_MS - 1}${query}`,
    );
    expect(res.status).toBe(200);
    return (res.body['2026-03-02']?.slots ?? []) as string[];
  };
  return { ...s, ann, bob, teamId: team.id, bookTeam, monday };
}

describe('a round-robin calendar', () => {
  it('offers a slot while any member is free, and per member with userId', async () => {
    const { bookTeam, monday, ann, bob } = await teamSetup({ calendarType: 'round_robin' });
    expect((await bookTeam(TEN, { assignedUserId: ann.id })).status).toBe(200);
    expect(await monday()).toContain(TEN);
    expect(await monday(`&userId=${ann.id}`)).not.toContain(TEN);
    expect(await monday(`&userId=${bob.id}`)).toContain(TEN);
  });

  it('assigns a booking without assignedUserId to the free member, then refuses a third', async () => {
    const { bookTeam, monday, calApi, ann, bob } = await teamSetup({
      calendarType: 'round_robin',
    });
    await bookTeam(TEN, { assignedUserId: ann.id });
    const second = await bookTeam(TEN);
    expect(second.status).toBe(200);
    expect(second.body.assignedUserId).toBe(bob.id);
    const got = await calApi('GET', `/calendars/events/appointments/${second.body.id}`);
    expect(got.body.event).toMatchObject({ assignedUserId: bob.id, users: [] });
    const third = await bookTeam(TEN);
    expect(third.status).toBe(400);
    expect(third.body).toEqual(SLOT_TAKEN);
    expect(await monday()).not.toContain(TEN);
  });

  it('gives a booking to the member with the higher priority', async () => {
    const { bookTeam, bob } = await teamSetup({ calendarType: 'round_robin' }, (ann, bob) => [
      { userId: ann, priority: 0 },
      { userId: bob, priority: 1 },
    ]);
    expect((await bookTeam(TEN)).body.assignedUserId).toBe(bob.id);
    expect((await bookTeam('2026-03-02T10:30:00-05:00')).body.assignedUserId).toBe(bob.id);
  });

  it('spreads bookings evenly, whatever the priority, for equal distribution', async () => {
    const { bookTeam, ann, bob } = await teamSetup(
      { calendarType: 'round_robin', eventType: 'RoundRobin_OptimizeForEqualDistribution' },
      (ann, bob) => [
        { userId: ann, priority: 0 },
        { userId: bob, priority: 1 },
      ],
    );
    const owners = [];
    for (const time of ['09:00', '09:30', '10:00', '10:30']) {
      const res = await bookTeam(`2026-03-02T${time}:00-05:00`);
      owners.push(res.body.assignedUserId);
    }
    expect(owners).toEqual([ann.id, bob.id, ann.id, bob.id]);
  });

  it('refuses a booking for someone who is not a member, and offers them no slots', async () => {
    const { bookTeam, monday, emulator, locationId } = await teamSetup({
      calendarType: 'round_robin',
    });
    const stranger = emulator.control.createUser(locationId, { firstName: 'Cy' });
    const res = await bookTeam(TEN, { assignedUserId: stranger.id });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(SLOT_TAKEN);
    expect(await monday(`&userId=${stranger.id}`)).toEqual([]);
  });

  it("counts a member's blocked time and keeps a rescheduled member while free", async () => {
    const { bookTeam, calApi, locationId, ann, bob } = await teamSetup({
      calendarType: 'round_robin',
    });
    const booked = await bookTeam(TEN, { assignedUserId: bob.id });
    const move = (startTime: string) =>
      calApi('PUT', `/calendars/events/appointments/${booked.body.id}`, { body: { startTime } });
    const kept = await move('2026-03-02T10:30:00-05:00');
    expect(kept.body.assignedUserId).toBe(bob.id);
    await calApi('POST', '/calendars/events/block-slots', {
      body: {
        locationId,
        assignedUserId: bob.id,
        startTime: ELEVEN,
        endTime: '2026-03-02T12:00:00-05:00',
      },
    });
    const handedOver = await move(ELEVEN);
    expect(handedOver.status).toBe(200);
    expect(handedOver.body.assignedUserId).toBe(ann.id);
  });
});

describe('a collective calendar', () => {
  it('offers a slot only while every member is free and books them all', async () => {
    const { bookTeam, monday, emulator, locationId, contactId, calApi, ann, bob } = await teamSetup(
      { calendarType: 'collective' },
    );
    // Bob is busy at 10:00 on his own calendar.
    const personal = emulator.control.createCalendar(locationId, {
      name: "Bob's calls",
      calendarType: 'personal',
      teamMembers: [{ userId: bob.id }],
      ...WEEKDAYS_9_TO_5,
    });
    const own = await calApi('POST', '/calendars/events/appointments', {
      body: { calendarId: personal.id, locationId, contactId, startTime: TEN },
    });
    expect(own.status).toBe(200);
    expect(await monday()).not.toContain(TEN);
    expect(await monday(`&userId=${ann.id}`)).not.toContain(TEN);
    expect((await bookTeam(TEN)).body).toEqual(SLOT_TAKEN);

    const booked = await bookTeam(ELEVEN);
    expect(booked.status).toBe(200);
    expect(booked.body.assignedUserId).toBe(ann.id);
    const got = await calApi('GET', `/calendars/events/appointments/${booked.body.id}`);
    expect(got.body.event).toMatchObject({ assignedUserId: ann.id, users: [bob.id] });
    // The booking holds Bob's time on his other calendar too.
    expect(await monday('', personal.id)).not.toContain(ELEVEN);
  });

  it('makes the primary member the owner', async () => {
    const { bookTeam, bob } = await teamSetup({ calendarType: 'collective' }, (ann, bob) => [
      { userId: ann },
      { userId: bob, isPrimary: true },
    ]);
    expect((await bookTeam(TEN)).body.assignedUserId).toBe(bob.id);
  });
});
