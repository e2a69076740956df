/**
 * Who a team calendar books. HighLevel shares a round-robin calendar's bookings among its members
 * and books every member of a collective calendar at once (help center "Round Robin Calendars: The
 * Setup Guide", https://help.gohighlevel.com/support/solutions/articles/155000001485, and
 * "Collective Booking calendars"); other calendars book one user.
 */
import type { Calendar, CalendarEvent } from './model.js';

/**
 * How a calendar's members share its slots: `any` (round robin: a slot is free when one member
 * is), `all` (collective: only when every member is), or undefined for a calendar that books one
 * user. A one-member team calendar books that member alone, as it always has.
 */
export type TeamMode = 'any' | 'all';

export function teamMode(calendar: Calendar): TeamMode | undefined {
  if (calendar.teamMembers.length < 2) return undefined;
  if (calendar.calendarType === 'round_robin') return 'any';
  if (calendar.calendarType === 'collective') return 'all';
  return undefined;
}

export const memberIds = (calendar: Calendar): string[] =>
  calendar.teamMembers.map((member) => member.userId);

export const isMember = (calendar: Calendar, userId: string): boolean =>
  calendar.teamMembers.some((member) => member.userId === userId);

/**
 * A collective booking's owner: the member marked `isPrimary` ([spec] TeamMember.isPrimary,
 * "required in case of collective booking calendars"), else the first, as HighLevel makes the
 * first member added the primary owner.
 */
export function primaryMember(calendar: Calendar): string | undefined {
  return (calendar.teamMembers.find((member) => member.isPrimary) ?? calendar.teamMembers[0])
    ?.userId;
}

/**
 * Whether an appointment takes a user's time: as its owner (`assignedUserId`, "the primary owner
 * of an appointment") or among its `users` ("the secondary owners", [spec] CalendarEventDTO).
 */
export const holdsUser = (
  event: Pick<CalendarEvent, 'assignedUserId' | 'users'>,
  userId: string,
): boolean => event.assignedUserId === userId || event.users.includes(userId);
