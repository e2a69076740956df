/**
 * Creating calendars through the control API. HighLevel's `POST /calendars/` needs
 * `calendars.write` on a real account; tests and seeds set calendars up here instead, with the
 * same body (`CalendarCreateDTO`) and defaults.
 */
import { saveCalendar } from '../calendars/calendarWrites.js';
import type { FieldError } from '../calendars/core/fields.js';
import type { Availability, Calendar, TeamMember } from '../calendars/core/model.js';
import { calendarView, type CalendarView } from '../calendars/views.js';
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

/**
 * A calendar body shaped like the spec's `CalendarCreateDTO` (HighLevel's spellings:
 * `appoinmentPerSlot`); everything but `name` has HighLevel's default. Its hours are read in the
 * Location's time zone.
 */
export type CreateCalendarInput = Partial<
  Omit<Calendar, 'id' | 'locationId' | 'teamMembers' | 'availabilities'>
> & {
  name: string;
  locationId?: string;
  teamMembers?: (Omit<TeamMember, 'priority'> & { priority?: TeamMember['priority'] })[];
  availabilities?: (Omit<Availability, 'deleted'> & { deleted?: boolean })[];
};

/**
 * Validates and stores a calendar of `location`, answering it as `GET /calendars/{calendarId}`
 * shows it; team members must be users of the Location.
 */
function storeCalendar(
  rt: Runtime,
  location: LocationRecord,
  input: CreateCalendarInput | Record<string, unknown>,
  options: { id?: string } = {},
): { ok: true; calendar: CalendarView } | { ok: false; errors: FieldError[] } {
  const result = saveCalendar(rt, location, input, options.id ?? newId());
  if (!result.ok) return result;
  return { ok: true, calendar: calendarView(structuredClone(result.calendar)) };
}

/** The calendar part of the control surface: `createCalendar`. */
export function calendarsControl(rt: Runtime) {
  return {
    /**
     * Creates a calendar from a `CalendarCreateDTO`-shaped body (422 `invalid_calendar` with the
     * field errors in `details`); `options.id` fixes its id, for seeds.
     */
    createCalendar(
      locationId: string,
      input: CreateCalendarInput,
      options: { id?: string } = {},
    ): CalendarView {
      const result = storeCalendar(rt, knownLocation(rt, locationId), input, options);
      if (result.ok) return result.calendar;
      const message = result.errors.map((e) => e.message).join('; ');
      throw new ControlError(422, 'invalid_calendar', message, result.errors);
    },
  };
}
