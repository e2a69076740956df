/**
 * Making, changing and removing calendars: `POST /calendars/`, `PUT /calendars/{calendarId}`,
 * `DELETE /calendars/{calendarId}` (calendars.json `CalendarCreateDTO`, `CalendarUpdateDTO`). A
 * calendar made here is the one free-slots and booking read, as one made with the control API.
 */
import { groupOf } from '../calendars/adminLookup.js';
import { calendarAsInput, saveCalendar, type CalendarWrite } from '../calendars/calendarWrites.js';
import { calendarOf } from '../calendars/lookup.js';
import { calendarView } from '../calendars/views.js';
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { route, type Runtime } from '../runtime.js';

const createRules = dtoRules('calendars', 'CalendarCreateDTO');
const updateRules = dtoRules('calendars', 'CalendarUpdateDTO');

/** The write's calendar, or a 422 listing every field problem at once. */
function written(result: CalendarWrite) {
  if (!result.ok) throw unprocessable(result.errors.map((e) => e.message));
  return { status: 200, body: { calendar: calendarView(structuredClone(result.calendar)) } };
}

/** A `groupId` in the body must be a group of the Location (400/403 as `groupOf`). */
function checkGroup(rt: Runtime, location: LocationRecord, input: Record<string, unknown>) {
  if (typeof input.groupId === 'string' && input.groupId !== '') {
    groupOf(rt, location, input.groupId);
  }
}

/** 200, not 201: the spec declares only 200 for it. */
export const createCalendarRoute = route('POST', '/calendars/', ({ body, location, rt }) => {
  const input = validBody(createRules, body);
  checkGroup(rt, location, input);
  return written(saveCalendar(rt, location, input, newId()));
});

/**
 * The sent fields replace the calendar's, the rest stay; the result is validated whole, as a
 * create would be.
 */
export const updateCalendarRoute = route(
  'PUT',
  '/calendars/{calendarId}',
  ({ params, body, location, rt }) => {
    const calendar = calendarOf(rt, location, params.calendarId!);
    const input = validBody(updateRules, body);
    checkGroup(rt, location, input);
    const merged = { ...calendarAsInput(calendar), ...input };
    return written(saveCalendar(rt, location, merged, calendar.id));
  },
);

/**
 * Its notifications go with it and resources stop naming it; its appointments and blocked slots
 * stay (assumed, DEVIATIONS.md).
 */
export const deleteCalendarRoute = route(
  'DELETE',
  '/calendars/{calendarId}',
  ({ params, location, rt }) => {
    const calendar = calendarOf(rt, location, params.calendarId!);
    for (const notification of Object.values(rt.state.calendarNotifications)) {
      if (notification.calendarId === calendar.id) {
        delete rt.state.calendarNotifications[notification.id];
      }
    }
    for (const resource of Object.values(rt.state.calendarResources)) {
      resource.calendarIds = resource.calendarIds.filter((id) => id !== calendar.id);
    }
    delete rt.state.calendars[calendar.id];
    return { status: 200, body: { success: true } };
  },
);

export const calendarAdminRoutes = [createCalendarRoute, updateCalendarRoute, deleteCalendarRoute];
