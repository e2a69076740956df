/**
 * Which calendar and team member a voice request is about: the calendar of the service asked for
 * (core/serviceCalendar.ts) or of the slot id chosen, and the member named ("Dr. Lee",
 * core/providerMatch.ts) or remembered by the slot id. The tools then work on a context narrowed
 * to them: HighLevel's free slots of that member, and the booking given to them. "Anyone", or no
 * name, leaves the choice to HighLevel: a round-robin calendar gives the booking to a free member.
 */
import { matchProvider } from './core/providerMatch.js';
import type { FieldProblem, MissingDetails, Provider } from './core/outcomes.js';
import { serviceCalendar } from './core/serviceCalendar.js';
import type { VoiceSettings } from './core/settings.js';
import { decodeSlotId } from './core/slotId.js';
import type { SlotChoice } from './core/toolArgs.js';
import type { VoiceContext } from './context.js';
import { isTeamCalendar, providerById, teamMembers } from './team.js';

export interface TargetAsked {
  service?: string;
  provider?: string;
  slot?: SlotChoice;
}

/**
 * Every calendar the workspace books: its default and each service's.
 *
 * @example workspaceCalendars(ctx.settings).has(event.calendarId);
 */
export function workspaceCalendars(settings: VoiceSettings): Set<string> {
  return new Set([settings.calendarId, ...settings.services.map((s) => s.calendarId)]);
}

const refusal = (problem: FieldProblem): { outcome: MissingDetails } => ({
  outcome: { status: 'needs_info', missing: [], invalid: [problem] },
});

const names = (providers: readonly Provider[]) => providers.map((p) => p.name).join(', ');

/** The member a name means on `calendarId`, or what to ask the caller. */
async function namedMember(
  ctx: VoiceContext,
  calendarId: string,
  spoken: string,
): Promise<{ provider?: Provider } | { outcome: MissingDetails }> {
  // Everyone on a collective calendar attends, and a calendar without a team is one person's:
  // there is no one to choose, so whoever was named, it books them.
  if (!(await isTeamCalendar(ctx, calendarId))) return {};
  const members = await teamMembers(ctx, calendarId);
  const match = matchProvider(spoken, members);
  switch (match.kind) {
    case 'anyone':
      return {};
    case 'one':
      return { provider: match.provider };
    case 'several':
      return refusal({
        field: 'provider',
        expected: `which one they mean: ${names(match.providers)} (or "anyone")`,
      });
    case 'none':
      return refusal({
        field: 'provider',
        expected: `one of the team: ${names(members)}, or "anyone"`,
      });
  }
}

/**
 * The context narrowed to the calendar and member asked for, or the question for the caller (a
 * service not offered, a name that fits nobody or several people).
 *
 * @example const target = await bookingTarget(ctx, args); if ('outcome' in target) return target.outcome;
 */
export async function bookingTarget(
  ctx: VoiceContext,
  asked: TargetAsked,
): Promise<{ ctx: VoiceContext } | { outcome: MissingDetails }> {
  const { settings } = ctx;
  const ref =
    asked.slot && 'slotId' in asked.slot ? decodeSlotId(asked.slot.slotId, ctx.slotIdKey) : null;
  // A slot id names its calendar and member; an id we did not sign is refused later, by the slot.
  if (ref?.ok && workspaceCalendars(settings).has(ref.calendarId)) {
    const provider = ref.userId ? await providerById(ctx, ref.userId) : undefined;
    return { ctx: narrowed(ctx, ref.calendarId, provider) };
  }
  const choice = serviceCalendar(asked.service, settings.services, settings.calendarId);
  if ('unknown' in choice) {
    return refusal({
      field: 'service',
      expected: `one of the services: ${choice.offered.join(', ')}`,
    });
  }
  if (!asked.provider) return { ctx: narrowed(ctx, choice.calendarId) };
  const member = await namedMember(ctx, choice.calendarId, asked.provider);
  if ('outcome' in member) return member;
  return { ctx: narrowed(ctx, choice.calendarId, member.provider) };
}

/**
 * The context for changing an existing appointment: its own calendar and, on a team calendar,
 * the member it is with (a move keeps them, so only their slots are offered).
 *
 * @example const onIt = await appointmentTarget(ctx, event);
 */
export async function appointmentTarget(
  ctx: VoiceContext,
  event: { calendarId?: string; assignedUserId?: string },
): Promise<VoiceContext> {
  const calendarId = event.calendarId ?? ctx.settings.calendarId;
  const named = event.assignedUserId && (await isTeamCalendar(ctx, calendarId));
  const provider = named ? await providerById(ctx, event.assignedUserId!) : undefined;
  return narrowed(ctx, calendarId, provider);
}

function narrowed(ctx: VoiceContext, calendarId: string, provider?: Provider): VoiceContext {
  const { provider: _dropped, ...rest } = ctx;
  void _dropped;
  return {
    ...rest,
    settings:
      calendarId === ctx.settings.calendarId ? ctx.settings : { ...ctx.settings, calendarId },
    ...(provider ? { provider } : {}),
  };
}
