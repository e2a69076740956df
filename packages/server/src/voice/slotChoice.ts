/**
 * The slot a caller chose (by the id `check_availability` gave, or by a start time), whether it is
 * still free, and the alternatives near it when it is not. A start time is matched to HighLevel's
 * own slot string, which is what gets booked: HighLevel can refuse a slot re-serialized to another
 * offset (docs/highlevel-behaviour.md#booking-a-slot).
 */
import { DateTime } from 'luxon';
import { pickSlotsToOffer } from './core/slotsToOffer.js';
import type { MissingDetails, SlotOption, SlotTaken } from './core/outcomes.js';
import { decodeSlotId } from './core/slotId.js';
import type { SlotChoice } from './core/toolArgs.js';
import { allowedSlots, offeredSlots } from './allowedSlots.js';
import type { VoiceContext } from './context.js';
import { timeZone } from '../core/timeZones.js';

/**
 * The allowed slots of `start`'s day in `zone` and of the two days after: where alternatives
 * come from.
 */
function allowedAround(ctx: VoiceContext, start: string, zone: string, fresh = false) {
  const day = DateTime.fromISO(start, { setZone: true }).setZone(timeZone(zone)).startOf('day');
  return allowedSlots(ctx, day, day.plus({ days: 3 }), zone, { fresh });
}

/**
 * The alternatives to `slot` among slots already read (no HighLevel request): the closest to it.
 *
 * @example alternativesAmong(ctx, allowed, '2026-12-01T14:30:00-05:00', 'America/Chicago');
 */
export function alternativesAmong(
  ctx: VoiceContext,
  allowed: readonly string[],
  slot: string,
  zone = ctx.settings.timezone,
): SlotOption[] {
  const taken = Date.parse(slot);
  const others = allowed.filter((s) => Date.parse(s) !== taken);
  const picked = pickSlotsToOffer(others, ctx.settings.slotsToOffer, {
    timezone: zone,
    near: slot,
  });
  return offeredSlots(ctx, picked, zone);
}

/**
 * Other slots near `slot`, on its day and the next ones, for a caller whose slot went.
 *
 * @example const alternatives = await alternativesTo(ctx, slot, 'America/Chicago');
 */
export async function alternativesTo(
  ctx: VoiceContext,
  slot: string,
  zone = ctx.settings.timezone,
): Promise<SlotOption[]> {
  return alternativesAmong(ctx, await allowedAround(ctx, slot, zone), slot, zone);
}

/**
 * HighLevel's own string for the allowed slot at `start`'s instant, or the alternatives near it.
 * `fresh` reads HighLevel itself, never the short cache: the final check before a booking.
 *
 * @example const found = await allowedSlotAt(ctx, startTime, 'America/Chicago', { fresh: true });
 */
export async function allowedSlotAt(
  ctx: VoiceContext,
  start: string,
  zone: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<{ slot: string } | { alternatives: SlotOption[] }> {
  const allowed = await allowedAround(ctx, start, zone, fresh);
  const at = Date.parse(start);
  const slot = allowed.find((s) => Date.parse(s) === at);
  return slot ? { slot } : { alternatives: alternativesAmong(ctx, allowed, start, zone) };
}

/**
 * The verbatim HighLevel slot the caller chose and the timezone to speak to them in (the one
 * the slot was offered in, else the one the model names, else the workspace's), or the outcome
 * when there is no such slot.
 *
 * @example const chosen = await chosenSlot(ctx, { slot: { slotId }, timezone: 'America/Chicago' });
 */
export async function chosenSlot(
  ctx: VoiceContext,
  args: { slot: SlotChoice; timezone?: string },
): Promise<{ slot: string; timezone: string } | { outcome: MissingDetails | SlotTaken }> {
  const asked = args.timezone ?? ctx.settings.timezone;
  if ('slotId' in args.slot) {
    const ref = decodeSlotId(args.slot.slotId, ctx.slotIdKey);
    if (!ref.ok || ref.calendarId !== ctx.settings.calendarId) {
      const expected = 'a slot id exactly as check_availability returned it';
      return {
        outcome: { status: 'needs_info', missing: [], invalid: [{ field: 'slotId', expected }] },
      };
    }
    return { slot: ref.slot, timezone: ref.timezone ?? asked };
  }
  const found = await allowedSlotAt(ctx, args.slot.startTime, asked);
  if ('slot' in found) return { slot: found.slot, timezone: asked };
  const { alternatives } = found;
  return { outcome: { status: 'slot_unavailable', timezone: asked, alternatives } };
}
