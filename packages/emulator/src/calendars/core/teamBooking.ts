/**
 * Whether a booking (or a reschedule) may take a slot, and who it is then assigned to. A calendar
 * that books one user checks that user's slot (`checkSlotAvailable`); a round-robin calendar of
 * several members finds a free member, and a collective one needs every member free
 * (`teamMode`).
 */
import { checkSlotAvailable, SLOT_UNAVAILABLE_MESSAGE, type SlotCheck } from './booking.js';
import { pickRoundRobinMember } from './roundRobin.js';
import { isMember, memberIds, primaryMember, teamMode } from './team.js';

export interface BookingCheck extends Omit<SlotCheck, 'assignedUserId'> {
  /** The `assignedUserId` the request names. */
  requested?: string;
  /**
   * The member a rescheduled appointment has now. A one-user calendar checks it when nothing is
   * requested; a team calendar keeps it when that member is free at the new time.
   */
  current?: string;
}

export type BookingResult =
  | {
      ok: true;
      startTime: number;
      endTime: number;
      assignedUserId: string | undefined;
      /** [spec] CalendarEventDTO.users, "the secondary owners": a collective's other members. */
      users: string[];
    }
  | Exclude<ReturnType<typeof checkSlotAvailable>, { ok: true }>;

const UNAVAILABLE = {
  ok: false,
  code: 'slot_unavailable',
  message: SLOT_UNAVAILABLE_MESSAGE,
} as const;

/**
 * Checks the slot and picks the assignee.
 *
 * - One-user calendars: the requested user, else `current`, as before (the caller passes the
 *   calendar's default assignee as `current` for a new booking).
 * - Round robin: a requested member must be a member and free (else the slot is unavailable); a
 *   reschedule keeps its member while free; otherwise the free member `pickRoundRobinMember`
 *   chooses, and nobody free is the slot-unavailable error.
 * - Collective: every member must be free; the owner is the requested member, else the current
 *   one, else the primary; the other members are the appointment's `users`.
 *
 * With `ignoreFreeSlotValidation` nothing is refused: round robin then takes the requested or
 * current member, else a free one, else the one the rules pick among all members.
 *
 * @example
 * checkBooking({ calendar: roundRobin, calendarTimezone: 'America/New_York',
 *   startTime: '2026-03-02T10:00:00-05:00', now, events, blockedSlots });
 * // { ok: true, startTime, endTime, assignedUserId: 'u2', users: [] } when u1 is booked at 10:00
 */
export function checkBooking(check: BookingCheck): BookingResult {
  const { calendar, requested, current } = check;
  const mode = teamMode(calendar);
  const slotFor = (assignedUserId: string | undefined) =>
    checkSlotAvailable({ ...check, assignedUserId });
  const ignoring = check.ignoreFreeSlotValidation === true;

  if (mode === undefined) {
    const assignedUserId = requested ?? current;
    const result = slotFor(assignedUserId);
    return result.ok ? { ...result, assignedUserId, users: [] } : result;
  }
  if (mode === 'all') {
    if (requested !== undefined && !isMember(calendar, requested) && !ignoring) return UNAVAILABLE;
    const result = slotFor(undefined);
    if (!result.ok) return result;
    const keep = current !== undefined && isMember(calendar, current) ? current : undefined;
    const assignedUserId = requested ?? keep ?? primaryMember(calendar);
    const users = memberIds(calendar).filter((member) => member !== assignedUserId);
    return { ...result, assignedUserId, users };
  }

  if (requested !== undefined) {
    if (!isMember(calendar, requested) && !ignoring) return UNAVAILABLE;
    const result = slotFor(requested);
    return result.ok ? { ...result, assignedUserId: requested, users: [] } : result;
  }
  if (current !== undefined && (ignoring || isMember(calendar, current))) {
    const result = slotFor(current);
    if (result.ok) return { ...result, assignedUserId: current, users: [] };
  }
  return pickFreeMember(check);
}

/** Round robin without a usable member named: the free member the distribution rules choose. */
function pickFreeMember(check: BookingCheck): BookingResult {
  const { calendar } = check;
  // The times alone first: an unreadable start is a 422 whoever is free.
  const times = checkSlotAvailable({ ...check, ignoreFreeSlotValidation: true });
  if (!times.ok) return times;
  const free = memberIds(calendar).filter(
    (member) =>
      checkSlotAvailable({ ...check, ignoreFreeSlotValidation: false, assignedUserId: member }).ok,
  );
  if (free.length === 0 && check.ignoreFreeSlotValidation !== true) return UNAVAILABLE;
  const assignedUserId = pickRoundRobinMember({
    calendar,
    calendarTimezone: check.calendarTimezone,
    free: free.length > 0 ? free : memberIds(calendar),
    startTime: times.startTime,
    events: check.events,
    excludeEventId: check.excludeEventId,
  });
  return { ...times, assignedUserId, users: [] };
}
