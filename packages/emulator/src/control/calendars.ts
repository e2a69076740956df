/**
 * Creating calendars through the control API. HighLevel's `POST /calendars/` needs
 * `calendars.write` on a real account; tests and seeds set calendars up here instead, with the
 * same body (`CalendarCreateDTO`) and defaults.
 */
import { calendarView, type CalendarView } from '../calendarStore/views.js';
import {
  normalizeCalendarInput,
  type Availability,
  type Calendar,
  type FieldError,
  type TeamMember,
} from '../calendars/index.js';
import { newId } from '../ids.js';
import type { Runtime } from '../runtime.js';
import type { LocationRecord } from '../state.js';

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

export type { CalendarView };

/**
 * Validates and stores a calendar of `location`, answering it as `GET /calendars/{calendarId}`
 * shows it; team members must be users of the Location.
 */
export function storeCalendar(
  rt: Runtime,
  location: LocationRecord,
  input: CreateCalendarInput | Record<string, unknown>,
  options: { id?: string } = {},
): { ok: true; calendar: CalendarView } | { ok: false; errors: FieldError[] } {
  const result = normalizeCalendarInput(input, {
    id: options.id ?? newId(),
    locationId: location.id,
  });
  if (!result.ok) return result;
  const strangers = result.calendar.teamMembers.flatMap((member, index) =>
    rt.state.users[member.userId]?.locationId === location.id
      ? []
      : [
          {
            field: `teamMembers[${index}].userId`,
            message: `teamMembers[${index}].userId ${member.userId} is not a user of this Location`,
          },
        ],
  );
  if (strangers.length > 0) return { ok: false, errors: strangers };
  rt.state.calendars[result.calendar.id] = result.calendar;
  return { ok: true, calendar: calendarView(structuredClone(result.calendar)) };
}
