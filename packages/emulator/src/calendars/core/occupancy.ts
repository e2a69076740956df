import { defaultAssignee } from './appointmentRules.js';
import type { BlockedSlot, Calendar, CalendarEvent } from './model.js';
import type { Interval } from './openHours.js';
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
 */
export function occupancyOf(input: OccupancyInput): Occupancy {
  const { calendar, calendarTimezone, userId, excludeEventId } = input;
  // The user whose time this calendar books: the requested one, or its default assignee.
  const user = userId ?? defaultAssignee(calendar);
  const holding = input.events.filter((event) => {
    if (event.id === excludeEventId || event.appointmentStatus === 'cancelled') return false;
    if (event.calendarId !== calendar.id)
      return user !== undefined && event.assignedUserId === user;
    // With a user asked for, another member's appointment on this calendar leaves them free.
    return (
      userId === undefined || event.assignedUserId === undefined || event.assignedUserId === userId
    );
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
