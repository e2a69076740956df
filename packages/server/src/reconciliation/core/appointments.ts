/**
 * Appointments, as the poll reads them: every calendar's events in a moving window
 * (`GET /calendars/events` takes `locationId`, one of `calendarId`/`userId`/`groupId`, and
 * `startTime`/`endTime` in epoch ms: https://marketplace.gohighlevel.com/docs/ghl/calendars/get-calendar-events),
 * and which of them changed in a way the bridge has not told yet.
 */
import { isNews, type Finding, type KnownStates, type RecordChange } from './known.js';
import { appointmentState, instant } from './recordState.js';

type Fields = Readonly<Record<string, unknown>>;

const DAY_MS = 86_400_000;

/** From a day ago (a visit just past can still be marked a no-show) to 90 days ahead. */
export const WINDOW = { pastMs: DAY_MS, aheadMs: 90 * DAY_MS } as const;

/**
 * The query of one calendar's events in the window around `now`.
 *
 * @example appointmentQuery('loc_1', 'cal_1', Date.parse('2026-03-02T00:00:00Z'))
 * // { locationId: 'loc_1', calendarId: 'cal_1', startTime: '1772323200000', endTime: '1780099200000' }
 */
export function appointmentQuery(locationId: string, calendarId: string, now: number) {
  return {
    locationId,
    calendarId,
    startTime: String(now - WINDOW.pastMs),
    endTime: String(now + WINDOW.aheadMs),
  };
}

const records = (value: unknown): Fields[] =>
  Array.isArray(value)
    ? value.filter(
        (item): item is Fields =>
          typeof item === 'object' && item !== null && typeof (item as Fields).id === 'string',
      )
    : [];

/**
 * The calendars' ids in a `GET /calendars/` answer.
 *
 * @example calendarIdsOf({ calendars: [{ id: 'cal_1' }] }) // ['cal_1']
 */
export function calendarIdsOf(body: unknown): string[] {
  return records((body as { calendars?: unknown } | null)?.calendars).map((c) => c.id as string);
}

/**
 * The appointments in a `GET /calendars/events` answer.
 *
 * @example appointmentsOf({ events: [{ id: 'a1', startTime: '…' }] }) // [{ id: 'a1', … }]
 */
export function appointmentsOf(body: unknown): Fields[] {
  return records((body as { events?: unknown } | null)?.events);
}

const optional = (fields: Fields, key: string) =>
  typeof fields[key] === 'string' && fields[key] !== '' ? { [key]: fields[key] } : {};

/**
 * The appointments whose state is news: changed (`dateUpdated`) at or after `since` and not
 * already known. One the bridge never saw, added at or after `since`, is `created`; one that
 * became cancelled is `cancelled`; any other change `updated`.
 *
 * @example appointmentFindings(appointmentsOf(body), known, 'loc_1', Date.parse('2026-03-02T09:00:00Z'))
 */
export function appointmentFindings(
  listed: readonly Fields[],
  known: KnownStates,
  locationId: string,
  since: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const appointment of listed) {
    const state = appointmentState(appointment, 0);
    if (state.rank < since || !isNews(state, known)) continue;
    const status =
      typeof appointment.appointmentStatus === 'string' ? appointment.appointmentStatus : undefined;
    const before = known.get(state.id);
    const wasCancelled = before?.newest.fingerprint.startsWith('cancelled|') ?? false;
    const isNew = !before && (instant(appointment.dateAdded) ?? 0) >= since;
    const action: 'created' | 'updated' | 'cancelled' =
      status === 'cancelled' && !wasCancelled ? 'cancelled' : isNew ? 'created' : 'updated';
    const change: RecordChange = {
      kind: 'appointment',
      action,
      id: state.id,
      locationId,
      ...optional(appointment, 'calendarId'),
      ...optional(appointment, 'contactId'),
      ...(status ? { status } : {}),
      ...optional(appointment, 'startTime'),
      ...optional(appointment, 'endTime'),
    };
    findings.push({ state, change, tell: true });
  }
  return findings;
}
