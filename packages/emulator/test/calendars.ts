/**
 * Calendar test setup: a Location in New York on a manual clock at Monday 2 March 2026 08:00
 * local (EST, -05:00), a weekday 09:00-17:00 calendar with 30-minute slots, and a contact.
 */
import { manualClock } from '@ghl-bridge/client';
import type { CreateCalendarInput } from '../src/control/calendarsControl.js';
import type { Emulator, EmulatorOptions } from '../src/index.js';
import { call, setup, type CallOptions } from './harness.js';

export const NEW_YORK = 'America/New_York';
/** Monday 2 March 2026, 08:00 in New York. */
export const T0 = Date.parse('2026-03-02T13:00:00Z');
export const DAY_MS = 86_400_000;
/** Epoch ms of a New York wall-clock time in the week of T0 (EST, before the DST change). */
export const est = (localIso: string) => Date.parse(`${localIso}-05:00`);

export const WEEKDAYS_9_TO_5 = {
  openHours: [
    {
      daysOfTheWeek: [1, 2, 3, 4, 5],
      hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
    },
  ],
};

export async function calendarSetup(
  calendar: Partial<CreateCalendarInput> = {},
  options: EmulatorOptions = {},
) {
  const clock = manualClock(T0);
  // A high burst limit: some tests send dozens of requests at the same emulator instant.
  const base = setup(
    { clock, limits: { burst: 10_000 }, ...options },
    { timezone: NEW_YORK, name: 'Clinic' },
  );
  const { emulator, locationId } = base;
  const { id: calendarId } = emulator.control.createCalendar(locationId, {
    name: 'Consultation',
    ...WEEKDAYS_9_TO_5,
    ...calendar,
  });
  // Calendar endpoints are versioned 2021-04-15 (docs/highlevel-behaviour.md#version-header).
  const calApi = (method: string, path: string, opts: CallOptions = {}) =>
    base.api(method, path, { version: '2021-04-15', ...opts });
  const created = await base.api('POST', '/contacts/', {
    body: { locationId, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  });
  const contactId = (created.body as { contact: { id: string } }).contact.id;

  /** `POST /calendars/events/appointments` for the contact on the calendar. */
  const book = (startTime: string, extra: Record<string, unknown> = {}, opts: CallOptions = {}) =>
    calApi('POST', '/calendars/events/appointments', {
      ...opts,
      body: { calendarId, locationId, contactId, startTime, ...extra },
    });

  /** Every slot string of `GET …/free-slots` between two instants, in answer order. */
  const freeSlots = async (start: number, end: number, query: Record<string, string> = {}) => {
    const search = new URLSearchParams({
      startDate: String(start),
      endDate: String(end),
      ...query,
    });
    const res = await calApi('GET', `/calendars/${calendarId}/free-slots?${search.toString()}`);
    if (res.status !== 200)
      throw new Error(`free-slots ${res.status}: ${JSON.stringify(res.body)}`);
    const days = Object.entries(res.body as Record<string, unknown>).filter(
      ([k]) => k !== 'traceId',
    );
    return days.flatMap(([, day]) => (day as { slots: string[] }).slots);
  };

  /** Free slots of Monday 2 March, New York time. */
  const mondaySlots = () => freeSlots(est('2026-03-02T00:00:00'), est('2026-03-02T23:59:59'));

  return { ...base, clock, calendarId, contactId, calApi, book, freeSlots, mondaySlots };
}

/** A second Location in the same emulator, with its own token, calendar and contact. */
export async function anotherLocation(emulator: Emulator) {
  const created = emulator.control.createLocation({ name: 'Elsewhere', timezone: NEW_YORK });
  const { locationId } = created;
  const api = (method: string, path: string, opts: CallOptions = {}) =>
    call(emulator, method, path, { token: created.token, version: '2021-04-15', ...opts });
  const { id: calendarId } = emulator.control.createCalendar(locationId, {
    name: 'Elsewhere',
    ...WEEKDAYS_9_TO_5,
  });
  const contact = await api('POST', '/contacts/', {
    version: '2021-07-28',
    body: { locationId, email: 'elsewhere@example.com' },
  });
  const contactId = (contact.body as { contact: { id: string } }).contact.id;
  const book = (startTime: string) =>
    api('POST', '/calendars/events/appointments', {
      body: { calendarId, locationId, contactId, startTime },
    });
  return { ...created, api, calendarId, contactId, book };
}
