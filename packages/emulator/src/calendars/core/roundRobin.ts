/**
 * Which free member a round-robin booking goes to when none is named
 * ([spec] CalendarCreateDTO.eventType: `RoundRobin_OptimizeForAvailability`, the default, or
 * `RoundRobin_OptimizeForEqualDistribution`).
 */
import type { Calendar, CalendarEvent } from './model.js';
import { localDateKey } from './times.js';

export interface RoundRobinPick {
  calendar: Calendar;
  calendarTimezone: string;
  /** The members free at the slot, in any order. */
  free: readonly string[];
  /** The new appointment's start, epoch ms. */
  startTime: number;
  events: readonly CalendarEvent[];
  /** The appointment being rescheduled, which does not count for its member. */
  excludeEventId?: string;
}

/**
 * The member to assign, or undefined when nobody is free.
 *
 * - Optimize for availability: the highest `priority` (1 high, 0.5 medium, 0 low) first (help
 *   center "Appointment Distribution Logic for Round Robin Calendars",
 *   https://help.gohighlevel.com/support/solutions/articles/155000001484); among equals the one
 *   with the fewest appointments on this calendar that local day (HighLevel says it spreads
 *   equals evenly without saying over what: assumed), then `teamMembers` order.
 * - Optimize for equal distribution: the fewest appointments on this calendar in the booking's
 *   local month, ties in `teamMembers` order (changelog "Improved Equal Distribution in Round
 *   Robin Calendars", https://ideas.gohighlevel.com/changelog/improved-equal-distribution-in-round-robin-calendars).
 *
 * Cancelled appointments do not count.
 *
 * @example
 * pickRoundRobinMember({ calendar, calendarTimezone: 'America/New_York', free: ['u2', 'u1'],
 *   startTime, events: [] });
 * // 'u1' when both have the same priority and u1 comes first in teamMembers
 */
export function pickRoundRobinMember(pick: RoundRobinPick): string | undefined {
  const { calendar, calendarTimezone: zone } = pick;
  const byDay = calendar.eventType === 'RoundRobin_OptimizeForAvailability';
  // A local date `YYYY-MM-DD`, or its month `YYYY-MM`.
  const period = (ms: number) => localDateKey(ms, zone).slice(0, byDay ? 10 : 7);
  const wanted = period(pick.startTime);
  const countOf = (userId: string) =>
    pick.events.filter(
      (event) =>
        event.calendarId === calendar.id &&
        event.id !== pick.excludeEventId &&
        event.appointmentStatus !== 'cancelled' &&
        event.assignedUserId === userId &&
        period(event.startTime) === wanted,
    ).length;
  const candidates = calendar.teamMembers
    .map((member, order) => ({ ...member, order }))
    .filter((member) => pick.free.includes(member.userId))
    .map((member) => ({ ...member, count: countOf(member.userId) }));
  candidates.sort((a, b) =>
    byDay
      ? b.priority - a.priority || a.count - b.count || a.order - b.order
      : a.count - b.count || a.order - b.order,
  );
  return candidates[0]?.userId;
}
