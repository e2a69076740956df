/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup } from '../../test/calendars.js';

describe('GET /calendars/', () => {
  it("lists the Location's calendars, optionally of one group", async () => {
    const { calApi, emulator, locationId, calendarId } = await calendarSetup();
    const grouped = emulator.control.createCalendar(locationId, { name: 'Grouped', groupId: 'g1' });
    await anotherLocation(emulator);
    const all = await calApi('GET', `/calendars/?locationId=${locationId}`);
    expect(all.status).toBe(200);
    expect(all.body.calendars.map((c: { id: string }) => c.id)).toEqual([calendarId, grouped.id]);
    const group = await calApi('GET', `/calendars/?locationId=${locationId}&groupId=g1`);
    expect(group.body.calendars.map((c: { id: string }) => c.id)).toEqual([grouped.id]);
  });

  it('needs locationId (422) and refuses another Location (403)', async () => {
    const { calApi, emulator } = await calendarSetup();
    const missing = await calApi('GET', '/calendars/');
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['locationId should not be empty']);
    const other = await anotherLocation(emulator);
    expect((await calApi('GET', `/calendars/?locationId=${other.locationId}`)).status).toBe(403);
  });
});

describe('GET /calendars/{calendarId}', () => {
  it("answers { calendar } with HighLevel's defaults and spellings", async () => {
    const { calApi, calendarId, locationId } = await calendarSetup({ appoinmentPerSlot: 3 });
    const res = await calApi('GET', `/calendars/${calendarId}`);
    expect(res.status).toBe(200);
    expect(res.body.calendar).toMatchObject({
      id: calendarId,
      locationId,
      name: 'Consultation',
      calendarType: 'event',
      slotDuration: 30,
      slotDurationUnit: 'mins',
      slotInterval: 30,
      appoinmentPerSlot: 3,
      autoConfirm: true,
      openHours: [
        {
          daysOfTheWeek: [1, 2, 3, 4, 5],
          hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
        },
      ],
    });
    // Unset availabilityType (null in the store) is left out: the spec allows only 0 or 1.
    expect(res.body.calendar).not.toHaveProperty('availabilityType');
  });

  it("400s for an unknown id and 403s for another Location's calendar", async () => {
    const { calApi, emulator } = await calendarSetup();
    const missing = await calApi('GET', '/calendars/nope');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      statusCode: 400,
      message: 'Calendar not found for id:nope',
      error: 'Bad Request',
    });
    const other = await anotherLocation(emulator);
    const foreign = await calApi('GET', `/calendars/${other.calendarId}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe('The token does not have access to this location.');
  });
});
