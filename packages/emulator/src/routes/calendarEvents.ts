/**
 * What appointments and blocked slots share as calendar events: listing a range
 * (`GET /calendars/events`, and `GET /calendars/blocked-slots` in blockedSlots.ts) and
 * `DELETE /calendars/events/{eventId}`.
 */
import { deleteAppointment } from '../calendars/appointmentWrites.js';
import { calendarZone } from '../calendars/lookup.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { eventView } from '../calendars/views.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, wrongLocation } from '../errors.js';
import { route, type Runtime } from '../runtime.js';
import type { LocationRecord } from '../locations/model.js';

/** Whose events a range query asks for: a calendar's, a user's or a group's. */
export interface EventRange {
  start: number;
  end: number;
  calendarId?: string;
  userId?: string;
  groupId?: string;
}

/**
 * The query shared by `/calendars/events` and `/calendars/blocked-slots`: `locationId`,
 * `startTime` and `endTime` in epoch ms, and "either of calendarId, userId or groupId"
 * ([spec] parameter descriptions).
 */
export function eventRangeOf(query: URLSearchParams): EventRange {
  const { startTime, endTime } = requiredQuery(query, {
    strings: ['locationId'],
    numbers: ['startTime', 'endTime'],
  });
  const who = {
    calendarId: query.get('calendarId') || undefined,
    userId: query.get('userId') || undefined,
    groupId: query.get('groupId') || undefined,
  };
  if (!who.calendarId && !who.userId && !who.groupId) {
    throw badRequest('Either of calendarId, userId or groupId is required');
  }
  return { start: startTime, end: endTime, ...who };
}

/**
 * Whether an event is in the range: it overlaps `[start, end]`, and belongs to the calendar,
 * has the user as its owner, or is on a calendar of the group.
 */
export function inRange(
  rt: Runtime,
  range: EventRange,
  event: { calendarId?: string; assignedUserId?: string; startTime: number; endTime: number },
): boolean {
  if (event.endTime < range.start || event.startTime > range.end) return false;
  if (range.calendarId && event.calendarId !== range.calendarId) return false;
  if (range.userId && event.assignedUserId !== range.userId) return false;
  if (range.groupId) {
    const calendar = event.calendarId ? rt.state.calendars[event.calendarId] : undefined;
    if (calendar?.groupId !== range.groupId) return false;
  }
  return true;
}

export const listEventsRoute = route('GET', '/calendars/events', ({ query, location, rt }) => {
  const range = eventRangeOf(query);
  const events = Object.values(rt.state.appointments)
    .filter((e) => e.locationId === location.id && inRange(rt, range, e))
    .sort((a, b) => a.startTime - b.startTime)
    .map((e) => eventView(e, calendarZone(rt, e)));
  return { status: 200, body: { events } };
});

const deleteRules = dtoRules('calendars', 'DeleteAppointmentSchema');

/** Deletes an appointment or a blocked slot; a second delete finds nothing (400). */
function deleteEvent(rt: Runtime, location: LocationRecord, id: string): void {
  const appointment = rt.state.appointments[id];
  const event = appointment ?? rt.state.blockedSlots[id];
  if (!event) throw badRequest(`Event not found for id:${id}`);
  if (event.locationId !== location.id) throw wrongLocation();
  if (appointment) deleteAppointment(rt, appointment);
  else delete rt.state.blockedSlots[id];
}

/**
 * 201 `{ succeeded: true }` — spelled correctly here, unlike contacts' `succeded`
 * (docs/highlevel-behaviour.md#misspellings). The spec declares an empty JSON body; none at all is
 * accepted too, as clients send none.
 */
export const deleteEventRoute = route(
  'DELETE',
  '/calendars/events/{eventId}',
  ({ params, body, location, rt }) => {
    validBody(deleteRules, body);
    deleteEvent(rt, location, params.eventId!);
    return { status: 201, body: { succeeded: true } };
  },
);

export const calendarEventRoutes = [listEventsRoute, deleteEventRoute];
