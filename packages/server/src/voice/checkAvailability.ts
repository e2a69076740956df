/**
 * `check_availability`: the slots the rules allow in the window asked, a few of them picked to
 * say on the phone; when there are none, the nearest days that have some.
 */
import { DateTime } from 'luxon';
import { nearestDaysWithSlots, pickSlotsToOffer, slotsBetween } from './core/slotsToOffer.js';
import type { MissingDetails, NoOpenSlots, OpenSlots } from './core/outcomes.js';
import { searchHorizon, type CheckAvailabilityArgs } from './core/searchWindow.js';
import { allowedSlots, offeredSlots } from './allowedSlots.js';
import { bookingTarget } from './bookingTarget.js';
import type { VoiceContext } from './context.js';
import { timeZone } from '../core/timeZones.js';

/** How far around the asked window to look for "the nearest days with openings". */
const NEARBY_DAYS = 7;

/**
 * The tool: slots in the asked window, or the nearest days that have some; on the calendar of the
 * service asked for and of the team member named (their own slots), or what to ask the caller.
 *
 * @example spokenResult(await checkAvailability(ctx, args), ctx.now);
 */
export async function checkAvailability(
  asked: VoiceContext,
  args: CheckAvailabilityArgs,
): Promise<OpenSlots | NoOpenSlots | MissingDetails> {
  const target = await bookingTarget(asked, args);
  if ('outcome' in target) return target.outcome;
  const { ctx } = target;
  const withProvider = ctx.provider ? { provider: ctx.provider } : {};
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
  const n = ctx.settings.slotsToOffer;
  if (inWindow.length) {
    const picked = pickSlotsToOffer(inWindow, n, { timezone: zone });
    return {
      status: 'ok',
      timezone: zone,
      slots: offeredSlots(ctx, picked, zone),
      ...withProvider,
    };
  }
  const day = args.askedDay ?? from.setZone(timeZone(zone)).toISODate() ?? '';
  const allowed = await allowedSlots(ctx, wideFrom, wideTo, zone);
  const nearestDays = nearestDaysWithSlots({ slots: allowed, day, timezone: zone }).map((d) => ({
    date: d.date,
    slots: offeredSlots(ctx, pickSlotsToOffer(d.slots, n, { timezone: zone }), zone),
  }));
  return {
    status: 'none',
    timezone: zone,
    ...(args.askedDay ? { askedDay: args.askedDay } : {}),
    nearestDays,
    ...withProvider,
  };
}
