/**
 * What the voice tools know of a HighLevel calendar and its team: the appointment length, the
 * kind of calendar, and its members by name. Read once per 10 minutes per calendar and user and
 * shared across requests, so naming "Dr. Lee" costs no HighLevel request on a warm process.
 *
 * HighLevel's calendar lists its members as `teamMembers[].userId`
 * (https://highlevel.stoplight.io/docs/integrations/ get-calendar, `TeamMember`); the names are
 * the users' (`GET /users/{userId}`), which a Location token may read.
 */
import type { Calendar } from '@ghl-bridge/client';
import { slotMinutesOf } from '../highlevel/core/calendarChoices.js';
import type { Provider } from './core/outcomes.js';
import { liveRead, type CalendarFacts, type VoiceContext } from './context.js';

const KEEP_MS = 10 * 60_000;

function factsOf(calendar: Calendar): CalendarFacts {
  const members = (calendar as { teamMembers?: Array<{ userId?: unknown }> }).teamMembers ?? [];
  return {
    minutes: slotMinutesOf(calendar),
    calendarType: calendar.calendarType ?? null,
    memberIds: members.flatMap((m) => (typeof m.userId === 'string' ? [m.userId] : [])),
  };
}

/**
 * The calendar's facts, from memory when read in the last 10 minutes.
 *
 * @example const { minutes } = await calendarFacts(ctx, ctx.settings.calendarId);
 */
export async function calendarFacts(ctx: VoiceContext, calendarId: string): Promise<CalendarFacts> {
  const now = ctx.clock.now();
  const kept = ctx.calendars.get(calendarId);
  if (kept && kept.until > now) return kept.facts;
  const facts = factsOf(await ctx.hl.calendars.get(calendarId, liveRead(ctx)));
  ctx.calendars.set(calendarId, { facts, until: now + KEEP_MS });
  return facts;
}

/**
 * Whether the calendar's members are told apart: a round robin with two or more members. A
 * collective calendar books them all, and a one-person calendar has no one else.
 *
 * @example if (await isTeamCalendar(ctx, calendarId)) offerTheirNames();
 */
export async function isTeamCalendar(ctx: VoiceContext, calendarId: string): Promise<boolean> {
  const { memberIds, calendarType } = await calendarFacts(ctx, calendarId);
  return memberIds.length > 1 && calendarType !== 'collective';
}

/** A user's name as the team calls them: the full name, else first and last, else the email. */
function userName(user: { name?: string; firstName?: string; lastName?: string; email?: string }) {
  const joined = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return user.name?.trim() || joined.trim() || user.email?.trim() || '';
}

/**
 * A team member by their HighLevel user id, with their name.
 *
 * @example const provider = await providerById(ctx, ref.userId);
 */
export async function providerById(ctx: VoiceContext, userId: string): Promise<Provider> {
  const now = ctx.clock.now();
  const kept = ctx.userNames.get(userId);
  if (kept && kept.until > now) return { userId, name: kept.name };
  const name = userName(await ctx.hl.users.get(userId, liveRead(ctx))) || userId;
  ctx.userNames.set(userId, { name, until: now + KEEP_MS });
  return { userId, name };
}

/**
 * The calendar's team members with their names, in HighLevel's order; empty for a calendar
 * without a team.
 *
 * @example const members = await teamMembers(ctx, calendarId); // [{ userId: 'u1', name: 'Ann Lee' }]
 */
export async function teamMembers(ctx: VoiceContext, calendarId: string): Promise<Provider[]> {
  const { memberIds } = await calendarFacts(ctx, calendarId);
  return Promise.all(memberIds.map((userId) => providerById(ctx, userId)));
}

/**
 * The member an appointment was given to, by name; `undefined` when there is none or the name
 * can't be read now (the booking stands; the answer just doesn't say who).
 *
 * @example const provider = await assignedProvider(ctx, created.assignedUserId);
 */
export async function assignedProvider(
  ctx: VoiceContext,
  userId: unknown,
): Promise<Provider | undefined> {
  if (typeof userId !== 'string' || !userId) return undefined;
  try {
    return await providerById(ctx, userId);
  } catch (error) {
    ctx.log.warn({ err: error }, 'the assigned team member could not be named');
    return undefined;
  }
}
