/**
 * Storing a calendar from a `CalendarCreateDTO`-shaped body, for `POST /calendars/`,
 * `PUT /calendars/{calendarId}` and the control API alike, so a calendar made either way books
 * and offers free slots the same.
 */
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import { normalizeCalendarInput } from './core/calendarInput.js';
import type { FieldError } from './core/fields.js';
import type { Calendar } from './core/model.js';

export type CalendarWrite = { ok: true; calendar: Calendar } | { ok: false; errors: FieldError[] };

/**
 * Validates `input` (HighLevel's defaults filled in) and stores it as calendar `id` of `location`;
 * team members must be users of the Location. Nothing is stored when there are errors.
 */
export function saveCalendar(
  rt: Runtime,
  location: LocationRecord,
  input: unknown,
  id: string,
): CalendarWrite {
  const result = normalizeCalendarInput(input, { id, locationId: location.id });
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
  rt.state.calendars[id] = result.calendar;
  return result;
}

/**
 * A stored calendar as the body that would make it again, so an update can lay its fields over
 * the current ones and be validated whole.
 */
export function calendarAsInput(calendar: Calendar): Record<string, unknown> {
  const { id: _id, ...input } = structuredClone(calendar);
  return input;
}
