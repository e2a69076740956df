import { defaultAssignee } from './appointmentRules.js';
import type { BlockedSlot, Calendar, CalendarEvent } from './model.js';
import type { Interval } from './openHours.js';
import { holdsUser, isMember, memberIds, teamMode, type TeamMode } from './team.js';
import { durationMs, localDateKey } from './times.js';

export interface OccupancyInput {
  calendar: Calendar;
  calendarTimezone: string;
  events: readonly CalendarEvent[];
  blockedSlots: readonly BlockedSlot[];
  /** Slots of one team member ([spec] free-slots `userId`). */
  userId?: string;
  /** An event that no longer holds its time: the one being rescheduled. */
  excludeEventId?: string;
}

/** What existing appointments and blocked slots take away from a calendar's open hours. */
export interface Occupancy {
  /** Whether a slot (without its buffers) can no longer be booked. */
  isTaken(slot: Interval): boolean;
  /** Whether `appoinmentPerDay` is reached on a local date of the calendar. */
  isDayFull(date: string): boolean;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/**
 * Which appointments and blocks hold time on this calendar, and how buffers widen them.
 *
 * Rules (HighLevel changelog "Pre Buffer for Calendars",
 * https://ideas.gohighlevel.com/changelog/pre-buffer-for-calendars): every appointment carries
 * the pre- and post-buffer, and buffers may not overlap another appointment's buffers, so after a
 * 30-minute appointment with 15-minute buffers the next slot starts 30 minutes after it ends;
 * buffers may not overlap a blocked slot either, but a blocked slot has no buffer of its own.
 * Cancelled appointments hold nothing. A slot is taken once `appoinmentPerSlot` appointments
 * overlap it ([spec] "Maximum bookings per slot (per user)").
 *
 * A round-robin or collective calendar of several members (`teamMode`) is read member by member:
 * round robin offers a slot while any member is free then, collective only while all are, and a
 * `userId` that is not a member is never free. See `teamOccupancy`.
 */
export function occupancyOf(input: OccupancyInput): Occupancy {
  const mode = teamMode(input.calendar);
  if (mode === undefined) return userOccupancy(input, input.userId);
  return teamOccupancy(input, mode);
}

/**
 * A team calendar's occupancy. Each member is busy with their own appointments (as owner or
 * secondary owner) on any calendar, their blocked slots, the calendar's blocked slots and the
 * calendar's unassigned appointments. Round robin with a member asked for (`userId`) is that
 * member's time alone; collective stays "every member free", since a collective booking needs
 * them all.
 */
function teamOccupancy(input: OccupancyInput, mode: TeamMode): Occupancy {
  const { calendar, userId } = input;
  if (userId !== undefined && !isMember(calendar, userId)) return NEVER_FREE;
  if (mode === 'any' && userId !== undefined) return userOccupancy(input, userId);
  const members = memberIds(calendar).map((member) => userOccupancy(input, member));
  const dateOf = (slot: Interval) => localDateKey(slot.start, input.calendarTimezone);
  const busy = (member: Occupancy, slot: Interval) =>
    member.isDayFull(dateOf(slot)) || member.isTaken(slot);
  return mode === 'any'
    ? {
        isTaken: (slot) => members.every((member) => busy(member, slot)),
        isDayFull: (date) => members.every((member) => member.isDayFull(date)),
      }
    : {
        isTaken: (slot) => members.some((member) => busy(member, slot)),
        isDayFull: (date) => members.some((member) => member.isDayFull(date)),
      };
}

const NEVER_FREE: Occupancy = { isTaken: () => true, isDayFull: () => true };

/**
 * The calendar's occupancy for one user: `userId` (a team member), else its default assignee
 * (the owner of a one-member calendar), else the calendar as a whole, where every appointment on
 * it counts.
 */
function userOccupancy(input: OccupancyInput, userId: string | undefined): Occupancy {
  const { calendar, calendarTimezone, excludeEventId } = input;
  // The user whose time this calendar books: the requested one, or its default assignee.
  const user = userId ?? defaultAssignee(calendar);
  const holding = input.events.filter((event) => {
    if (event.id === excludeEventId || event.appointmentStatus === 'cancelled') return false;
    if (event.calendarId !== calendar.id) return user !== undefined && holdsUser(event, user);
    // With a user asked for, another member's appointment on this calendar leaves them free.
    return userId === undefined || event.assignedUserId === undefined || holdsUser(event, userId);
  });
  const blocks = input.blockedSlots.filter(
    (block) =>
      block.calendarId === calendar.id || (user !== undefined && block.assignedUserId === user),
  );
  const pre = durationMs(calendar.preBuffer, calendar.preBufferUnit);
  const post = durationMs(calendar.slotBuffer, calendar.slotBufferUnit);
  const padded = (span: Interval): Interval => ({ start: span.start - pre, end: span.end + post });
  const held = holding.map((event) => padded({ start: event.startTime, end: event.endTime }));

  const perDay = new Map<string, number>();
  for (const event of holding.filter((held) => held.calendarId === calendar.id)) {
    const date = localDateKey(event.startTime, calendarTimezone);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }

  return {
    isTaken(slot) {
      const needed = padded(slot);
      if (blocks.some((block) => overlaps(needed, { start: block.startTime, end: block.endTime })))
        return true;
      return held.filter((span) => overlaps(needed, span)).length >= calendar.appoinmentPerSlot;
    },
    isDayFull(date) {
      const limit = calendar.appoinmentPerDay ?? 0;
      return limit > 0 && (perDay.get(date) ?? 0) >= limit;
    },
  };
}
