/** `GET /calendars/` and `GET /calendars/{calendarId}` (calendars.json `CalendarDTO`). */
import { calendarOf } from '../calendars/lookup.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { calendarView } from '../calendars/views.js';
import { route } from '../runtime.js';

/**
 * The Location's calendars, optionally of one group. `showDrafted` is accepted; the emulator has
 * no draft calendars, so it changes nothing.
 */
export const listCalendarsRoute = route('GET', '/calendars/', ({ query, location, rt }) => {
  requiredQuery(query, { strings: ['locationId'] });
  const groupId = query.get('groupId');
  const calendars = Object.values(rt.state.calendars).filter(
    (c) => c.locationId === location.id && (!groupId || c.groupId === groupId),
  );
  return { status: 200, body: { calendars: calendars.map(calendarView) } };
});

export const getCalendarRoute = route(
  'GET',
  '/calendars/{calendarId}',
  ({ params, location, rt }) => ({
    status: 200,
    body: { calendar: calendarView(calendarOf(rt, location, params.calendarId!)) },
  }),
);

export const calendarRoutes = [listCalendarsRoute, getCalendarRoute];
