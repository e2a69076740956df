/**
 * `check_availability` and the alternatives a booking offers when its slot is gone: HighLevel's
 * free slots (one request, none when the same window was read seconds ago) narrowed by the workspace's rules (voice/availability.ts), labelled
 * in the caller's timezone (voice/speech.ts).
 */
import { DateTime } from 'luxon';
import {
  applyRules,
  nearestDaysWithSlots,
  pickSlotsToOffer,
  slotsBetween,
} from '../voice/availability.js';
import type { OfferedSlot, NoSlots, SlotsOffered } from '../voice/results.js';
import { encodeSlotId } from '../voice/slotId.js';
import { daysOffered, labelSlots, noSlots, slotsOffered } from '../voice/speech.js';
import { searchHorizon, type CheckAvailabilityArgs } from '../voice/toolArgs.js';
import { liveRead, type VoiceContext } from './context.js';
import type { CalendarOpenings } from './freeSlotCache.js';
import { timeZone } from '../timeZones.js';

const CALENDAR_CACHE_MS = 10 * 60_000;
/** How far around the asked window to look for "the nearest days with openings". */
const NEARBY_DAYS = 7;

/** The appointment length: the rules' own, else the calendar's (read once per 10 minutes). */
async function slotMinutes(ctx: VoiceContext): Promise<number> {
  const { calendarId, rules } = ctx.settings;
  if (rules.slotMinutes !== null) return rules.slotMinutes;
  const cached = ctx.calendarMinutes.get(calendarId);
  if (cached && cached.until > ctx.now.getTime()) return cached.minutes;
  const calendar = await ctx.hl.calendars.get(calendarId, liveRead(ctx));
  const duration = calendar.slotDuration ?? 30;
  const minutes = calendar.slotDurationUnit === 'hours' ? duration * 60 : duration;
  ctx.calendarMinutes.set(calendarId, { minutes, until: ctx.now.getTime() + CALENDAR_CACHE_MS });
  return minutes;
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
  return events
    .filter((event) => event.appointmentStatus !== 'cancelled' && event.startTime && event.endTime)
    .map((event) => ({ start: event.startTime, end: event.endTime }));
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
      { calendarId, start: from.toMillis(), end: to.toMillis(), timezone },
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

/** Slot ids for slots offered to a caller in `timezone`. */
export function slotIdFor(ctx: VoiceContext, timezone: string) {
  return (slot: string) =>
    encodeSlotId({ calendarId: ctx.settings.calendarId, slot, timezone }, ctx.slotIdKey);
}

/**
 * The tool: slots in the asked window, or the nearest days that have some.
 *
 * @example formatToolResult(await checkAvailability(ctx, args));
 */
export async function checkAvailability(
  ctx: VoiceContext,
  args: CheckAvailabilityArgs,
): Promise<SlotsOffered | NoSlots> {
  const zone = args.timezone;
  const from = DateTime.fromISO(args.from, { setZone: true });
  const to = DateTime.fromISO(args.to, { setZone: true });
  // One HighLevel read covers the nearby days too; the rules look at them only when needed.
  // Days past the rules' horizon are never offered, so they are not read either.
  const { timezone, rules } = ctx.settings;
  const horizon = searchHorizon({ now: ctx.now, timezone, maxDaysAhead: rules.maxDaysAhead });
  const wideFrom = from.minus({ days: NEARBY_DAYS });
  const nearbyTo = to.plus({ days: NEARBY_DAYS });
  const wideTo = horizon ? DateTime.min(nearbyTo, horizon) : nearbyTo;
  const inWindow = slotsBetween(
    await allowedSlots(ctx, wideFrom, wideTo, zone, { within: { from, to } }),
    args.from,
    args.to,
  );
  const idFor = slotIdFor(ctx, zone);
  const n = ctx.settings.slotsToOffer;
  if (inWindow.length) {
    const picked = pickSlotsToOffer(inWindow, n, { timezone: zone });
    return slotsOffered(zone, labelSlots(picked, zone, idFor, ctx.now), ctx.now);
  }
  const day = args.askedDay ?? from.setZone(timeZone(zone)).toISODate() ?? '';
  const allowed = await allowedSlots(ctx, wideFrom, wideTo, zone);
  const nearest = nearestDaysWithSlots({ slots: allowed, day, timezone: zone }).map((d) => ({
    date: d.date,
    slots: pickSlotsToOffer(d.slots, n, { timezone: zone }),
  }));
  return noSlots(zone, args.askedDay, daysOffered(nearest, zone, idFor, ctx.now), ctx.now);
}

/**
 * Other slots near `slot` on its day and the next ones, for a caller whose slot went, labelled
 * in the caller's timezone.
 *
 * @example slotUnavailable(await alternativesTo(ctx, slot), timezone);
 */
export async function alternativesTo(
  ctx: VoiceContext,
  slot: string,
  zone = ctx.settings.timezone,
): Promise<OfferedSlot[]> {
  const day = DateTime.fromISO(slot, { setZone: true }).setZone(timeZone(zone)).startOf('day');
  const allowed = await allowedSlots(ctx, day, day.plus({ days: 3 }), zone);
  return alternativesAmong(ctx, allowed, slot, zone);
}

/** The alternatives among slots already fetched (no HighLevel request). */
export function alternativesAmong(
  ctx: VoiceContext,
  allowed: readonly string[],
  slot: string,
  zone = ctx.settings.timezone,
): OfferedSlot[] {
  const taken = Date.parse(slot);
  const others = allowed.filter((s) => Date.parse(s) !== taken);
  const picked = pickSlotsToOffer(others, ctx.settings.slotsToOffer, {
    timezone: zone,
    near: slot,
  });
  return labelSlots(picked, zone, slotIdFor(ctx, zone), ctx.now);
}
