/**
 * The slots a caller may be offered: HighLevel's free slots (one request, none when the same
 * window was read seconds ago: freeSlotCache.ts) narrowed by the workspace's rules
 * (core/availabilityRules.ts), each with the opaque id that books it (core/slotId.ts).
 */
import { DateTime } from 'luxon';
import { applyRules } from './core/availabilityRules.js';
import type { SlotOption } from './core/outcomes.js';
import { encodeSlotId } from './core/slotId.js';
import { liveRead, type VoiceContext } from './context.js';
import type { CalendarOpenings } from './freeSlotCache.js';
import { calendarFacts } from './team.js';

/** The appointment length: the rules' own, else the calendar's (read once per 10 minutes). */
async function slotMinutes(ctx: VoiceContext): Promise<number> {
  const { calendarId, rules } = ctx.settings;
  if (rules.slotMinutes !== null) return rules.slotMinutes;
  return (await calendarFacts(ctx, calendarId)).minutes ?? 30;
}

const needsBusyTimes = ({ settings: { rules } }: VoiceContext) =>
  rules.bufferBeforeMinutes + rules.bufferAfterMinutes > 0;

/**
 * The calendar's appointments around [from, to), for the buffers; one more request, made only
 * when the rules have a buffer (HighLevel's free slots already leave out the booked times).
 */
async function busyIntervals(ctx: VoiceContext, from: DateTime, to: DateTime) {
  const { calendarId } = ctx.settings;
  if (!needsBusyTimes(ctx)) return [];
  const margin = { days: 1 };
  const events = await ctx.hl.appointments.list(
    {
      locationId: ctx.locationId,
      calendarId,
      startTime: from.minus(margin).toMillis(),
      endTime: to.plus(margin).toMillis(),
    },
    liveRead(ctx),
  );
  const userId = ctx.provider?.userId;
  return (
    events
      .filter(
        (event) => event.appointmentStatus !== 'cancelled' && event.startTime && event.endTime,
      )
      // A named member's buffers are around their own appointments only.
      .filter((event) => !userId || !event.assignedUserId || event.assignedUserId === userId)
      .map((event) => ({ start: event.startTime, end: event.endTime }))
  );
}

/** HighLevel's free slots and busy times in [from, to], read together (two requests at most). */
async function readOpenings(
  ctx: VoiceContext,
  from: DateTime,
  to: DateTime,
  timezone: string,
): Promise<CalendarOpenings> {
  const { calendarId } = ctx.settings;
  const [slots, busy] = await Promise.all([
    ctx.hl.calendars.freeSlots(
      {
        calendarId,
        start: from.toMillis(),
        end: to.toMillis(),
        timezone,
        ...(ctx.provider ? { userId: ctx.provider.userId } : {}),
      },
      liveRead(ctx),
    ),
    busyIntervals(ctx, from, to),
  ]);
  return { slots, busy };
}

/** HighLevel's slots starting in [from, to); a slot without an offset is left to the rules. */
function startingBetween(slots: readonly string[], from: DateTime, to: DateTime): string[] {
  const [start, end] = [from.toMillis(), to.toMillis()];
  return slots.filter((slot) => {
    const at = Date.parse(slot);
    return Number.isNaN(at) || (at >= start && at < end);
  });
}

/**
 * The free slots HighLevel has in [from, to) that the rules allow, verbatim and in time order.
 * Read through the short free-slot cache unless `fresh` (the final check before booking).
 * `within` narrows the rules to part of what is read: one HighLevel request serves a wide
 * window, and the rules (the costly part) run only where they are needed.
 *
 * @example const slots = await allowedSlots(ctx, from, to, 'America/Chicago');
 */
export async function allowedSlots(
  ctx: VoiceContext,
  from: DateTime,
  to: DateTime,
  timezone: string,
  { fresh = false, within }: { fresh?: boolean; within?: { from: DateTime; to: DateTime } } = {},
): Promise<string[]> {
  const start = DateTime.max(from, DateTime.fromJSDate(ctx.now));
  if (to <= start) return [];
  const { rules, timezone: workspaceZone, calendarId } = ctx.settings;
  const window = {
    calendarId,
    ...(ctx.provider ? { userId: ctx.provider.userId } : {}),
    timezone,
    withBusy: needsBusyTimes(ctx),
    from: start.toMillis(),
    to: to.toMillis(),
  };
  const [openings, minutes] = await Promise.all([
    ctx.freeSlots.openings(
      window,
      ctx.now.getTime(),
      () => readOpenings(ctx, start, to, timezone),
      { fresh, ...(ctx.signal ? { signal: ctx.signal } : {}) },
    ),
    slotMinutes(ctx),
  ]);
  return applyRules({
    slots: within ? startingBetween(openings.slots, within.from, within.to) : openings.slots,
    busy: openings.busy,
    rules,
    timezone: workspaceZone,
    now: ctx.now,
    slotMinutes: minutes,
  });
}

/**
 * Slots offered to a caller in `timezone`, each with its id: the id remembers the calendar, the
 * slot verbatim, the timezone (the booking is confirmed in it) and the team member named, so the
 * booking is given to them.
 *
 * @example offeredSlots(ctx, ['2026-12-01T14:30:00-05:00'], 'America/Chicago'); // [{ id: 'WyJj….Xk3…', start: '2026-12-01T14:30:00-05:00' }]
 */
export function offeredSlots(
  ctx: VoiceContext,
  slots: readonly string[],
  timezone: string,
): SlotOption[] {
  const { calendarId } = ctx.settings;
  return slots.map((slot) => ({
    id: encodeSlotId(
      { calendarId, slot, timezone, ...(ctx.provider ? { userId: ctx.provider.userId } : {}) },
      ctx.slotIdKey,
    ),
    start: slot,
  }));
}
