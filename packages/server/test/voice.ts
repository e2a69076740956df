/** Voice-booking test setup: a connected workspace with a calendar, and Vapi requests. */
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

export const VAPI_SECRET = 'vapi-secret-0123456789-abcd';
export const NY = 'America/New_York';

export interface Voice {
  ws: string;
  locationId: string;
  calendarId: string;
}

/** A workspace connected to a fresh emulated Location with a Mon–Fri 09:00–17:00 calendar. */
export async function voiceWorkspace(server: TestServer, rules: Record<string, unknown> = {}) {
  const { emulator } = server;
  const { locationId, token } = emulator.control.createLocation({
    name: 'Voice Spa',
    timezone: NY,
  });
  const owner = emulator.control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
  const calendar = emulator.control.createCalendar(locationId, weekdayCalendar(owner.id));
  const ws = await connectedVoice(server, token, locationId, {
    calendarId: calendar.id,
    timezone: NY,
    rules: { minLeadMinutes: 0, ...rules },
  });
  return { ws, locationId, calendarId: calendar.id } satisfies Voice;
}

/**
 * A new workspace connected to the emulated Location with these voice settings (the test
 * secret added), its id.
 *
 * @example const ws = await connectedVoice(server, token, locationId, { calendarId, timezone: NY });
 */
export async function connectedVoice(
  server: TestServer,
  token: string,
  locationId: string,
  settings: Record<string, unknown>,
): Promise<string> {
  const { id: ws } = await server.createWorkspace();
  const connect = await server.call('PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
    json: { apiKey: token, locationId },
  });
  expect(connect.status).toBe(200);
  const put = await server.call('PUT', `/v1/workspaces/${ws}/voice`, {
    json: { ...settings, auth: { type: 'bearer', secret: VAPI_SECRET } },
  });
  expect(put.status).toBe(200);
  return ws;
}

let calls = 0;
export const toolCall = (name: string, args: Record<string, unknown>) => ({
  id: `tc_${++calls}`,
  type: 'function',
  function: { name, arguments: JSON.stringify(args) },
});

export async function vapi(
  server: TestServer,
  voice: Voice,
  toolCalls: unknown[],
  options: { callId?: string; callerNumber?: string; token?: string | null } = {},
) {
  const body = JSON.stringify({
    message: {
      type: 'tool-calls',
      call: {
        id: options.callId ?? `call_${++calls}`,
        customer: options.callerNumber ? { number: options.callerNumber } : undefined,
      },
      toolCallList: toolCalls,
    },
  });
  const res = await server.call('POST', `/v1/workspaces/${voice.ws}/voice/vapi`, {
    body,
    headers: { 'content-type': 'application/json' },
    token: options.token === undefined ? VAPI_SECRET : options.token,
  });
  const results =
    (
      JSON.parse(res.text) as {
        results?: { toolCallId: string; result?: string; error?: string }[];
      }
    ).results ?? [];
  return {
    res,
    results,
    parsed: results.map((r) => JSON.parse(r.result ?? r.error ?? '{}') as Result),
  };
}

export interface Slot {
  id: string;
  start: string;
  label: string;
}
export interface Result {
  status: string;
  message: string;
  slots?: Slot[];
  alternatives?: Slot[];
  nearestDays?: { date: string; label: string; slots: Slot[] }[];
  appointmentId?: string;
  contactId?: string;
  start?: string;
}

/** A weekday at least three days ahead, as YYYY-MM-DD in New York. */
export function weekdayAhead(weekday: number): string {
  let day = DateTime.now().setZone(NY).plus({ days: 3 }).startOf('day');
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** A voice workspace whose Location, calendar and voice settings share one timezone. */
export interface ZonedVoice extends Voice {
  timezone: string;
}

/** When the emulated calendar is open, local to the Location. */
export interface CalendarOpening {
  /** Open on these local dates only (HighLevel's custom availabilities); default every day. */
  dates?: readonly string[];
  /** Opening and closing hour; default [0, 0], midnight to midnight (a close at 0 is midnight). */
  hours?: readonly [number, number];
}

/**
 * A workspace connected to a fresh emulated Location in `timezone` whose calendar is open wider
 * than the voice rules' working hours (by default around the clock), so the rules alone decide
 * what is offered; fewer open dates keep free-slots answers small. Offers up to 10 slots.
 *
 * @example const berlin = await voiceWorkspaceIn(server, 'Europe/Berlin', { maxDaysAhead: 365 }, { dates: ['2027-03-28'] });
 */
export async function voiceWorkspaceIn(
  server: TestServer,
  timezone: string,
  rules: Record<string, unknown> = {},
  opening: CalendarOpening = {},
): Promise<ZonedVoice> {
  const [openHour, closeHour] = opening.hours ?? [0, 0];
  const hours = [{ openHour, openMinute: 0, closeHour, closeMinute: 0 }];
  const { emulator } = server;
  const { locationId, token } = emulator.control.createLocation({ name: 'Zoned Spa', timezone });
  const owner = emulator.control.createUser(locationId, { firstName: 'Zoe', lastName: 'Owner' });
  const calendar = emulator.control.createCalendar(locationId, {
    name: 'Consultation',
    calendarType: 'event',
    teamMembers: [{ userId: owner.id, isPrimary: true }],
    slotDuration: 30,
    slotInterval: 30,
    ...(opening.dates
      ? { availabilityType: 1, availabilities: opening.dates.map((date) => ({ date, hours })) }
      : { openHours: [{ daysOfTheWeek: [0, 1, 2, 3, 4, 5, 6], hours }] }),
  });
  const ws = await connectedVoice(server, token, locationId, {
    calendarId: calendar.id,
    timezone,
    rules: { minLeadMinutes: 0, ...rules },
    slotsToOffer: 10,
  });
  return { ws, locationId, calendarId: calendar.id, timezone };
}

/**
 * The next local date, two days ahead or later (so the day before it is wholly in the future), on
 * which `timezone`'s clocks go forward or back; DST tests keep working every year (from
 * 2026-12-05: New York 2027-03-14 and 2027-11-07, Berlin 2027-03-28 and 2027-10-31). The server
 * reads the real clock, and in the week around a change the next one can be up to 372 days away,
 * past the 365 that `maxDaysAhead` allows: such a test fails then until the server takes a clock.
 *
 * @example nextClockChange('America/New_York', 'forward'); // '2027-03-14'
 */
export function nextClockChange(
  timezone: string,
  change: 'forward' | 'back',
  now: Date = new Date(),
): string {
  let day = DateTime.fromJSDate(now).setZone(timezone).startOf('day').plus({ days: 1 });
  for (let i = 0; i < 400; i++) {
    day = day.plus({ days: 1 });
    const shift = day.plus({ days: 1 }).offset - day.offset;
    if (change === 'forward' ? shift > 0 : shift < 0) return day.toISODate()!;
  }
  throw new Error(`${timezone} has no clock change within a year`);
}
