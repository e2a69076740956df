/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { calendarSetup, DAY_MS, est } from '../../test/calendars.js';

const MONDAY = [
  '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30',
  '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
].map((time) => `2026-03-02T${time}:00-05:00`); // prettier-ignore

describe('GET /calendars/{calendarId}/free-slots', () => {
  it('answers date keys in the Location zone with offset slots and a top-level traceId', async () => {
    const { calApi, calendarId } = await calendarSetup();
    const start = est('2026-03-02T00:00:00');
    const res = await calApi(
      'GET',
      `/calendars/${calendarId}/free-slots?startDate=${start}&endDate=${start + 2 * DAY_MS - 1}`,
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['2026-03-02', '2026-03-03', 'traceId']);
    expect(res.body['2026-03-02'].slots).toEqual(MONDAY);
    expect(res.body['2026-03-03'].slots[0]).toBe('2026-03-03T09:00:00-05:00');
    expect(res.body.traceId).toEqual(expect.any(String));
  });

  it('leaves out the weekend and slots before now', async () => {
    const { freeSlots, clock } = await calendarSetup();
    await clock.advance(est('2026-03-06T15:10:00') - clock.now()); // Friday 15:10
    const slots = await freeSlots(est('2026-03-06T00:00:00'), est('2026-03-09T23:59:59'));
    expect(slots.filter((s) => s.startsWith('2026-03-06'))).toEqual([
      '2026-03-06T15:30:00-05:00',
      '2026-03-06T16:00:00-05:00',
      '2026-03-06T16:30:00-05:00',
    ]);
    expect(slots.some((s) => /^2026-03-0[78]/.test(s))).toBe(false);
    // Monday 9 March is after the DST change: -04:00.
    expect(slots).toContain('2026-03-09T09:00:00-04:00');
  });

  it('loses a booked slot and gets it back when the appointment is cancelled', async () => {
    const { book, calApi, mondaySlots } = await calendarSetup();
    const booked = await book('2026-03-02T10:00:00-05:00');
    expect(booked.status).toBe(200);
    expect(await mondaySlots()).not.toContain('2026-03-02T10:00:00-05:00');
    const cancelled = await calApi('PUT', `/calendars/events/appointments/${booked.body.id}`, {
      body: { appointmentStatus: 'cancelled' },
    });
    expect(cancelled.status).toBe(200);
    expect(await mondaySlots()).toEqual(MONDAY);
  });

  it('loses a booked slot and gets it back when the appointment is deleted', async () => {
    const { book, calApi, mondaySlots } = await calendarSetup();
    const booked = await book('2026-03-02T16:30:00-05:00');
    expect(await mondaySlots()).toEqual(MONDAY.slice(0, -1));
    const deleted = await calApi('DELETE', `/calendars/events/${booked.body.id}`, { body: {} });
    expect(deleted.status).toBe(201);
    expect(await mondaySlots()).toEqual(MONDAY);
  });

  it('answers in another zone on request: offsets and date keys follow it', async () => {
    const { calApi, calendarId } = await calendarSetup();
    const start = est('2026-03-02T00:00:00');
    const query = `startDate=${start}&endDate=${start + DAY_MS - 1}&timezone=Asia/Tokyo`;
    const res = await calApi('GET', `/calendars/${calendarId}/free-slots?${query}`);
    expect(res.status).toBe(200);
    // 09:00 in New York is 23:00 in Tokyo; 10:00 is already Tuesday there.
    expect(res.body['2026-03-02'].slots).toEqual([
      '2026-03-02T23:00:00+09:00',
      '2026-03-02T23:30:00+09:00',
    ]);
    expect(res.body['2026-03-03'].slots[0]).toBe('2026-03-03T00:00:00+09:00');
    expect(res.body['2026-03-03'].slots).toHaveLength(MONDAY.length - 2);
  });

  it('takes a range of exactly 31 days and refuses a longer one (400)', async () => {
    const { calApi, calendarId } = await calendarSetup();
    const start = est('2026-03-02T00:00:00');
    const url = (end: number) =>
      `/calendars/${calendarId}/free-slots?startDate=${start}&endDate=${end}`;
    expect((await calApi('GET', url(start + 31 * DAY_MS))).status).toBe(200);
    const tooLong = await calApi('GET', url(start + 31 * DAY_MS + 1));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({
      statusCode: 400,
      message: 'Date range cannot be more than 31 days',
      error: 'Bad Request',
    });
  });

  it('refuses a bad time zone (400), missing dates (422) and an unknown calendar (400)', async () => {
    const { calApi, calendarId } = await calendarSetup();
    const start = est('2026-03-02T00:00:00');
    const badZone = await calApi(
      'GET',
      `/calendars/${calendarId}/free-slots?startDate=${start}&endDate=${start}&timezone=Mars/Base`,
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.message).toMatch(/Mars\/Base is not an IANA time zone/);
    const missing = await calApi('GET', `/calendars/${calendarId}/free-slots?startDate=abc`);
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual([
      'startDate must be a number conforming to the specified constraints',
      'endDate must be a number conforming to the specified constraints',
    ]);
    const unknown = await calApi(
      'GET',
      `/calendars/nope/free-slots?startDate=${start}&endDate=${start}`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Calendar not found for id:nope');
  });

  it('answers per team member with userId, and for any of several with userIds', async () => {
    const setupWithTeam = async () => {
      const s = await calendarSetup();
      const ann = s.emulator.control.createUser(s.locationId, { firstName: 'Ann' });
      const bob = s.emulator.control.createUser(s.locationId, { firstName: 'Bob' });
      const team = s.emulator.control.createCalendar(s.locationId, {
        name: 'Team',
        calendarType: 'round_robin',
        teamMembers: [{ userId: ann.id }, { userId: bob.id }],
        openHours: [
          {
            daysOfTheWeek: [1],
            hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
          },
        ],
      });
      return { ...s, ann, bob, teamId: team.id };
    };
    const { calApi, locationId, contactId, ann, bob, teamId } = await setupWithTeam();
    const booked = await calApi('POST', '/calendars/events/appointments', {
      body: {
        calendarId: teamId,
        locationId,
        contactId,
        startTime: '2026-03-02T09:00:00-05:00',
        assignedUserId: ann.id,
      },
    });
    expect(booked.status).toBe(200);
    const start = est('2026-03-02T00:00:00');
    const slots = async (who: string) => {
      const res = await calApi(
        'GET',
        `/calendars/${teamId}/free-slots?startDate=${start}&endDate=${start + DAY_MS - 1}${who}`,
      );
      expect(res.status).toBe(200);
      return res.body['2026-03-02']?.slots as string[] | undefined;
    };
    const both = ['2026-03-02T09:00:00-05:00', '2026-03-02T09:30:00-05:00'];
    expect(await slots(`&userId=${ann.id}`)).toEqual(['2026-03-02T09:30:00-05:00']);
    expect(await slots(`&userId=${bob.id}`)).toEqual(both);
    expect(await slots(`&userIds=${ann.id}&userIds=${bob.id}`)).toEqual(both);
    // Round robin: 09:00 stays while Bob is free then.
    expect(await slots('')).toEqual(both);
  });
});
