/**
 * `GET /calendars/{calendarId}/free-slots` (calendars.json `get-slots`): the calendar's free
 * slots keyed by local date, with HighLevel's top-level `traceId` mixed in among the dates
 * (docs/highlevel-behaviour.md#free-slots).
 */
import { bookings, calendarOf, calendarZone } from '../calendars/lookup.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { slotUnion } from '../calendars/core/slotUnion.js';
import { computeFreeSlots, type FreeSlotsByDate } from '../calendars/core/freeSlots.js';
import { badRequest } from '../errors.js';
import { newTraceId } from '../ids.js';
import { route } from '../runtime.js';

/** `userIds` as `userIds=a&userIds=b`, `userIds[]=a` or `userIds=a,b`. */
function userIdsOf(query: URLSearchParams): string[] {
  return [...query.getAll('userIds'), ...query.getAll('userIds[]')]
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
}

export const freeSlotsRoute = route(
  'GET',
  '/calendars/{calendarId}/free-slots',
  ({ params, query, location, rt }) => {
    const { startDate, endDate } = requiredQuery(query, { numbers: ['startDate', 'endDate'] });
    const calendar = calendarOf(rt, location, params.calendarId!);
    const calendarTimezone = calendarZone(rt, calendar);
    const userId = query.get('userId') || undefined;
    const users = [...new Set([...(userId ? [userId] : []), ...userIdsOf(query)])];
    const base = {
      calendar,
      // Without `timezone` the answer is in the calendar's (the Location's) zone; HighLevel does
      // not document its default (DEVIATIONS.md).
      timezone: query.get('timezone') || calendarTimezone,
      calendarTimezone,
      startDate,
      endDate,
      now: rt.clock.now(),
      ...bookings(rt, location.id),
    };
    const answers: FreeSlotsByDate[] = [];
    for (const user of users.length > 0 ? users : [undefined]) {
      const result = computeFreeSlots({ ...base, userId: user });
      if (!result.ok) throw badRequest(result.error.message);
      answers.push(result.slots);
    }
    const slots = answers.length === 1 ? answers[0]! : slotUnion(answers);
    return { status: 200, body: { ...slots, traceId: newTraceId() } };
  },
);

export const freeSlotsRoutes = [freeSlotsRoute];
