/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { calendarSetup, DAY_MS, est } from '../../test/calendars.js';

const SLOT_TAKEN = 'The slot you have selected is no longer available.';

describe('blocked slots', () => {
  it('blocks calendar time (201 flat): gone from free-slots and bookings until deleted', async () => {
    const { calApi, calendarId, locationId, book, mondaySlots } = await calendarSetup();
    const created = await calApi('POST', '/calendars/events/block-slots', {
      body: {
        locationId,
        calendarId,
        title: 'Lunch',
        startTime: '2026-03-02T12:00:00-05:00',
        endTime: '2026-03-02T13:00:00-05:00',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      locationId,
      calendarId,
      title: 'Lunch',
      startTime: '2026-03-02T12:00:00-05:00',
      endTime: '2026-03-02T13:00:00-05:00',
    });
    const slots = await mondaySlots();
    expect(slots).not.toContain('2026-03-02T12:00:00-05:00');
    expect(slots).not.toContain('2026-03-02T12:30:00-05:00');
    expect(slots).toContain('2026-03-02T13:00:00-05:00');
    expect((await book('2026-03-02T12:30:00-05:00')).body.message).toBe(SLOT_TAKEN);

    const deleted = await calApi('DELETE', `/calendars/events/${created.body.id}`, { body: {} });
    expect(deleted).toMatchObject({ status: 201, body: { succeeded: true } });
    expect(await mondaySlots()).toContain('2026-03-02T12:00:00-05:00');
  });

  it('moves a block (201) and lists blocks by calendar and by user', async () => {
    const { calApi, calendarId, locationId, emulator, mondaySlots } = await calendarSetup();
    const created = await calApi('POST', '/calendars/events/block-slots', {
      body: {
        locationId,
        calendarId,
        startTime: '2026-03-02T12:00:00-05:00',
        endTime: '2026-03-02T13:00:00-05:00',
      },
    });
    const moved = await calApi('PUT', `/calendars/events/block-slots/${created.body.id}`, {
      body: { locationId, calendarId, startTime: '2026-03-02T15:00:00-05:00' },
    });
    expect(moved.status).toBe(201);
    // Only the start was sent: the block keeps its hour.
    expect(moved.body).toMatchObject({
      startTime: '2026-03-02T15:00:00-05:00',
      endTime: '2026-03-02T16:00:00-05:00',
    });
    const user = emulator.control.createUser(locationId, { firstName: 'Vet' });
    await calApi('POST', '/calendars/events/block-slots', {
      body: {
        locationId,
        assignedUserId: user.id,
        startTime: '2026-03-03T09:00:00-05:00',
        endTime: '2026-03-03T10:00:00-05:00',
      },
    });
    const from = est('2026-03-02T00:00:00');
    const list = async (who: string) => {
      const res = await calApi(
        'GET',
        `/calendars/blocked-slots?locationId=${locationId}&startTime=${from}&endTime=${from + 7 * DAY_MS}&${who}`,
      );
      expect(res.status).toBe(200);
      return res.body.events;
    };
    expect(await list(`calendarId=${calendarId}`)).toEqual([
      {
        id: created.body.id,
        locationId,
        calendarId,
        title: '',
        startTime: '2026-03-02T15:00:00-05:00',
        endTime: '2026-03-02T16:00:00-05:00',
        dateAdded: '2026-03-02T08:00:00-05:00',
        dateUpdated: '2026-03-02T08:00:00-05:00',
      },
    ]);
    expect(
      (await list(`userId=${user.id}`)).map((e: { assignedUserId: string }) => e.assignedUserId),
    ).toEqual([user.id]);
    const slots = await mondaySlots();
    expect(slots).toContain('2026-03-02T12:00:00-05:00');
    expect(slots).not.toContain('2026-03-02T15:00:00-05:00');
  });

  it("blocks a user's time on their one-member calendar", async () => {
    const s = await calendarSetup();
    const vet = s.emulator.control.createUser(s.locationId, { firstName: 'Vet' });
    const personal = s.emulator.control.createCalendar(s.locationId, {
      name: 'Vet visits',
      calendarType: 'personal',
      teamMembers: [{ userId: vet.id }],
      openHours: [
        {
          daysOfTheWeek: [1],
          hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
        },
      ],
    });
    await s.calApi('POST', '/calendars/events/block-slots', {
      body: {
        locationId: s.locationId,
        assignedUserId: vet.id,
        startTime: '2026-03-02T09:00:00-05:00',
        endTime: '2026-03-02T09:30:00-05:00',
      },
    });
    const from = est('2026-03-02T00:00:00');
    const res = await s.calApi(
      'GET',
      `/calendars/${personal.id}/free-slots?startDate=${from}&endDate=${from + DAY_MS - 1}`,
    );
    expect(res.body['2026-03-02'].slots).toEqual(['2026-03-02T09:30:00-05:00']);
  });

  it('refuses a calendar and a user together, neither, missing or reversed times (422)', async () => {
    const { calApi, calendarId, locationId, emulator } = await calendarSetup();
    const user = emulator.control.createUser(locationId, {});
    const post = (body: Record<string, unknown>) =>
      calApi('POST', '/calendars/events/block-slots', { body: { locationId, ...body } });
    const times = { startTime: '2026-03-02T12:00:00-05:00', endTime: '2026-03-02T13:00:00-05:00' };
    const both = await post({ calendarId, assignedUserId: user.id, ...times });
    expect(both.status).toBe(422);
    expect(both.body.message).toEqual(['Either calendarId or assignedUserId can be set, not both']);
    expect((await post(times)).body.message).toEqual([
      'calendarId or assignedUserId should not be empty',
    ]);
    expect((await post({ calendarId })).body.message).toEqual([
      'startTime should not be empty',
      'endTime should not be empty',
    ]);
    const reversed = await post({ calendarId, startTime: times.endTime, endTime: times.startTime });
    expect(reversed.body.message).toEqual(['endTime must be after startTime']);
  });

  it('400s for an unknown calendar, user or block', async () => {
    const { calApi, calendarId, locationId } = await calendarSetup();
    const times = { startTime: '2026-03-02T12:00:00-05:00', endTime: '2026-03-02T13:00:00-05:00' };
    const noCalendar = await calApi('POST', '/calendars/events/block-slots', {
      body: { locationId, calendarId: 'nope', ...times },
    });
    expect(noCalendar.body).toMatchObject({
      statusCode: 400,
      message: 'Calendar not found for id:nope',
    });
    const noUser = await calApi('POST', '/calendars/events/block-slots', {
      body: { locationId, assignedUserId: 'ghost', ...times },
    });
    expect(noUser.body).toMatchObject({ statusCode: 400, message: 'User not found for id:ghost' });
    const noBlock = await calApi('PUT', '/calendars/events/block-slots/nope', {
      body: { locationId, calendarId, ...times },
    });
    expect(noBlock.body).toMatchObject({ statusCode: 400, message: 'Event not found for id:nope' });
  });
});
