/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup, DAY_MS, est } from '../../test/calendars.js';
import type { EmulatorEvent } from '../index.js';

describe('GET /calendars/events', () => {
  async function withBookings() {
    const s = await calendarSetup();
    const owner = s.emulator.control.createUser(s.locationId, { firstName: 'Owner' });
    const monday = await s.book('2026-03-02T09:00:00-05:00', { assignedUserId: owner.id });
    const tuesday = await s.book('2026-03-03T09:00:00-05:00');
    const grouped = s.emulator.control.createCalendar(s.locationId, {
      name: 'Grouped',
      groupId: 'group1',
      openHours: [
        {
          daysOfTheWeek: [1],
          hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
        },
      ],
    });
    const inGroup = await s.calApi('POST', '/calendars/events/appointments', {
      body: {
        calendarId: grouped.id,
        locationId: s.locationId,
        contactId: s.contactId,
        startTime: '2026-03-02T09:30:00-05:00',
      },
    });
    const list = async (who: string, from = est('2026-03-02T00:00:00'), days = 7) => {
      const res = await s.calApi(
        'GET',
        `/calendars/events?locationId=${s.locationId}&startTime=${from}&endTime=${from + days * DAY_MS}&${who}`,
      );
      expect(res.status).toBe(200);
      return res.body.events.map((e: { id: string }) => e.id);
    };
    return {
      ...s,
      owner,
      ids: { monday: monday.body.id, tuesday: tuesday.body.id, inGroup: inGroup.body.id },
      groupedId: grouped.id,
      list,
    };
  }

  it("lists a calendar's events in a range, in time order, with offset times", async () => {
    const { list, calendarId, ids, calApi, locationId } = await withBookings();
    expect(await list(`calendarId=${calendarId}`)).toEqual([ids.monday, ids.tuesday]);
    expect(await list(`calendarId=${calendarId}`, est('2026-03-03T00:00:00'), 1)).toEqual([
      ids.tuesday,
    ]);
    const from = est('2026-03-02T00:00:00');
    const res = await calApi(
      'GET',
      `/calendars/events?locationId=${locationId}&startTime=${from}&endTime=${from + DAY_MS}&calendarId=${calendarId}`,
    );
    expect(res.body.events[0]).toMatchObject({
      startTime: '2026-03-02T09:00:00-05:00',
      endTime: '2026-03-02T09:30:00-05:00',
    });
  });

  it("lists a user's and a group's events", async () => {
    const { list, owner, ids } = await withBookings();
    expect(await list(`userId=${owner.id}`)).toEqual([ids.monday]);
    expect(await list('groupId=group1')).toEqual([ids.inGroup]);
  });

  it('needs a calendar, user or group (400) and epoch-ms times (422)', async () => {
    const { calApi, locationId } = await calendarSetup();
    const none = await calApi(
      'GET',
      `/calendars/events?locationId=${locationId}&startTime=0&endTime=1`,
    );
    expect(none.status).toBe(400);
    expect(none.body.message).toBe('Either of calendarId, userId or groupId is required');
    const badTimes = await calApi(
      'GET',
      `/calendars/events?locationId=${locationId}&startTime=yesterday&calendarId=x`,
    );
    expect(badTimes.status).toBe(422);
    expect(badTimes.body.message).toEqual([
      'startTime must be a number conforming to the specified constraints',
      'endTime must be a number conforming to the specified constraints',
    ]);
    const noLocation = await calApi('GET', '/calendars/events?startTime=0&endTime=1&calendarId=x');
    expect(noLocation.status).toBe(422);
    expect(noLocation.body.message).toEqual(['locationId should not be empty']);
  });
});

describe('DELETE /calendars/events/{eventId}', () => {
  it('deletes (201 {succeeded: true}); a second delete is a 400', async () => {
    const { book, calApi } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00');
    const deleted = await calApi('DELETE', `/calendars/events/${body.id}`, { body: {} });
    expect(deleted.status).toBe(201);
    expect(deleted.body).toEqual({ succeeded: true });
    expect((await calApi('GET', `/calendars/events/appointments/${body.id}`)).status).toBe(400);
    const again = await calApi('DELETE', `/calendars/events/${body.id}`);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      statusCode: 400,
      message: `Event not found for id:${body.id}`,
      error: 'Bad Request',
    });
  });

  it("takes the appointment's notes with it and announces AppointmentDelete", async () => {
    const { book, calApi, emulator, locationId } = await calendarSetup();
    const { body } = await book('2026-03-02T09:00:00-05:00');
    await calApi('POST', `/calendars/appointments/${body.id}/notes`, { body: { body: 'Hi' } });
    const events: EmulatorEvent[] = [];
    emulator.control.onEvent((e) => events.push(e));
    await calApi('DELETE', `/calendars/events/${body.id}`);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'AppointmentDelete',
        payload: expect.objectContaining({ id: body.id }),
      }),
    ]);
    const state = emulator.control.locationState(locationId);
    expect(state.appointments).toEqual([]);
    expect(state.appointmentNotes).toEqual([]);
  });

  it("refuses another Location's event (403) and a body the spec does not allow (422)", async () => {
    const { book, calApi, emulator } = await calendarSetup();
    const other = await anotherLocation(emulator);
    const theirs = await other.book('2026-03-02T09:00:00-05:00');
    expect((await calApi('DELETE', `/calendars/events/${theirs.body.id}`)).status).toBe(403);
    const mine = await book('2026-03-02T09:00:00-05:00');
    const withBody = await calApi('DELETE', `/calendars/events/${mine.body.id}`, {
      body: { reason: 'x' },
    });
    expect(withBody.status).toBe(422);
    expect(withBody.body.message).toEqual(['property reason should not exist']);
  });
});
