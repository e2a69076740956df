/**
 * Booking tags on a HighLevel contact, applied as a difference. HighLevel replaces *all* of a
 * contact's tags when `tags` is sent on create/update/upsert (docs/highlevel-behaviour.md#tags),
 * which would wipe the tags people set by hand; so ghl-bridge only ever calls
 * `POST|DELETE /contacts/{id}/tags` with the tags that changed, and remembers which tags it
 * applied so it never removes one it did not.
 */
import type { LedgerBooking } from './ledger.js';
import type { CustomerStats } from './stats.js';

/** The tag names, each configurable per workspace. */
export interface TagNames {
  /** `booking:` + `confirmed` | `cancelled`, from the latest booking. */
  bookingStatusPrefix: string;
  /** `service:` + service name. */
  servicePrefix: string;
  /** `payment:` + payment status. */
  paymentPrefix: string;
  /** The whole tag for two or more confirmed bookings. */
  repeatClient: string;
}

export const DEFAULT_TAG_NAMES: TagNames = {
  bookingStatusPrefix: 'booking:',
  servicePrefix: 'service:',
  paymentPrefix: 'payment:',
  repeatClient: 'repeat-client',
};

/**
 * A tag as HighLevel stores it: trimmed and lower-case, so `Service:Massage ` and
 * `service:massage` are one tag and a diff never adds what is already there.
 *
 * @example normalizeTag('  Service:Deep Tissue ') // "service:deep tissue"
 */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/**
 * Normalized, without blanks or repeats, sorted (so equal sets compare equal).
 *
 * @example normalizeTags([' VIP', 'vip', '']); // ['vip']
 */
export function normalizeTags(tags: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const tag of tags) {
    const normalized = normalizeTag(tag);
    if (normalized !== '') set.add(normalized);
  }
  return [...set].sort();
}

/**
 * The tags a customer should carry now, from their stats and the current version of each of
 * their bookings.
 *
 * Only *confirmed* bookings earn `service:` and `payment:` tags: a cancelled booking's service
 * was not delivered, so on cancel the previous booking's service and payment tags go unless
 * another current booking still earns them (docs/booking-events.md#cancellation). The status tag
 * follows the latest booking (`stats.latestBooking`), so `booking:cancelled` appears only when
 * no booking is confirmed.
 *
 * @example
 * desiredTags(stats, bookings) // ['booking:confirmed', 'payment:paid', 'repeat-client', 'service:deep tissue massage']
 */
export function desiredTags(
  stats: CustomerStats,
  currentBookings: readonly LedgerBooking[],
  names: Partial<TagNames> = {},
): string[] {
  const tagNames = { ...DEFAULT_TAG_NAMES, ...names };
  const tags: string[] = [];
  if (stats.latestBooking) tags.push(tagNames.bookingStatusPrefix + stats.latestBooking.status);
  for (const booking of currentBookings) {
    if (booking.status !== 'confirmed') continue;
    tags.push(tagNames.servicePrefix + booking.service.name);
    if (booking.payment) tags.push(tagNames.paymentPrefix + booking.payment.status);
  }
  if (stats.isRepeatClient) tags.push(tagNames.repeatClient);
  return normalizeTags(tags);
}

export interface TagDiffInput {
  /** What the customer should carry now (`desiredTags`). */
  desired: Iterable<string>;
  /** The tags ghl-bridge applied to this contact and has not removed since. */
  appliedByUs: Iterable<string>;
  /**
   * The contact's tags, when known without an extra call (the contact write returns them). With
   * them the diff skips adding what is there, skips removing what is gone, restores a tag of
   * ours that someone removed, and never claims a tag a person had set already.
   */
  onContact?: Iterable<string>;
}

export interface TagDiff {
  /** For `POST /contacts/{id}/tags`; empty means no call. */
  add: string[];
  /** For `DELETE /contacts/{id}/tags`; always a subset of `appliedByUs`. */
  remove: string[];
  /** What to remember as applied by ghl-bridge once both calls succeeded. */
  nextApplied: string[];
}

/**
 * The tag calls that take a contact from what ghl-bridge applied to what it should carry.
 * Tags ghl-bridge did not apply are never removed, tags already there are never added again,
 * and an unchanged set gives an empty diff, i.e. no tag call at all.
 *
 * @example
 * tagDiff({ desired: ['booking:cancelled'], appliedByUs: ['booking:confirmed'], onContact: ['vip', 'booking:confirmed'] })
 * // { add: ['booking:cancelled'], remove: ['booking:confirmed'], nextApplied: ['booking:cancelled'] }
 */
export function tagDiff(input: TagDiffInput): TagDiff {
  const desired = new Set(normalizeTags(input.desired));
  const applied = new Set(normalizeTags(input.appliedByUs));
  const onContact = input.onContact ? new Set(normalizeTags(input.onContact)) : undefined;
  const present = (tag: string) => (onContact ? onContact.has(tag) : applied.has(tag));

  const add = [...desired].filter((tag) => !present(tag));
  const remove = [...applied].filter((tag) => !desired.has(tag) && (onContact?.has(tag) ?? true));
  // Ours: what we keep of our own plus what we add now; a desired tag a person had already set
  // stays theirs, so a later diff will not take it away.
  const nextApplied = [...desired].filter((tag) => applied.has(tag) || add.includes(tag));
  return { add, remove, nextApplied: nextApplied.sort() };
}
