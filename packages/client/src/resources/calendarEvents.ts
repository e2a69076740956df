/**
 * What appointments and blocked slots share: both are calendar events, listed by time range and
 * deleted through `DELETE /calendars/events/{eventId}` (`apps/calendars.json`, Version 2021-04-15).
 */
import type { OperationCaller } from '../caller.js';
import type { CallOptions } from '../types.js';
import { epochMs, type CalendarSchemas } from './resource.js';

/**
 * An appointment or blocked slot as the calendar endpoints return it. The spec types the four
 * timestamps as empty objects (`type: object`); they are ISO strings with offset
 * (`"2023-09-25T16:00:00+05:30"`, the spec's own examples).
 */
export type CalendarEvent = Omit<
  CalendarSchemas['CalendarEventDTO'],
  'startTime' | 'endTime' | 'dateAdded' | 'dateUpdated'
> & { startTime: string; endTime: string; dateAdded: string; dateUpdated: string };

/** A time range of one Location, and whose events: a calendar's, a user's or a group's. */
export type EventRangeParams = {
  locationId: string;
  startTime: Date | number;
  endTime: Date | number;
} & ({ calendarId: string } | { userId: string } | { groupId: string });

/** The list endpoints sharing `EventRangeParams`. */
export type EventListPath = '/calendars/events' | '/calendars/blocked-slots';

/** `GET /calendars/events` or `/calendars/blocked-slots`; both want the times as ms strings. */
export async function listCalendarEvents(
  client: OperationCaller,
  path: EventListPath,
  params: EventRangeParams,
  options: CallOptions,
): Promise<CalendarEvent[]> {
  const { startTime, endTime, ...who } = params;
  const res = await client.request('GET', path, {
    ...options,
    query: { ...who, startTime: String(epochMs(startTime)), endTime: String(epochMs(endTime)) },
  });
  return (res.events ?? []) as unknown as CalendarEvent[];
}

/** Deletes an appointment or blocked slot. The spec requires a JSON body here, so `{}` is sent. */
export async function deleteCalendarEvent(
  client: OperationCaller,
  eventId: string,
  options: CallOptions,
): Promise<void> {
  await client.request('DELETE', '/calendars/events/{eventId}', {
    ...options,
    path: { eventId },
    body: {},
  });
}
