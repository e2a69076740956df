/**
 * Opaque slot ids handed to the assistant with each offered slot. An id carries the calendar id and
 * HighLevel's slot string *verbatim* (HighLevel can reject a slot re-serialized to another offset,
 * docs/highlevel-behaviour.md#booking-a-slot), plus a short HMAC under a server secret so that an
 * id the model invented or garbled is refused instead of booking some other time.
 *
 * Format: `<base64url of JSON [calendarId, slot, timezone?]>.<first 9 bytes of HMAC-SHA256,
 * base64url>`.
 * Ids live for the length of a call; they are never stored, so a key rotation only costs the
 * assistant a fresh availability check.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SlotRef {
  calendarId: string;
  /** HighLevel's free-slot string, exactly as HighLevel wrote it. */
  slot: string;
  /** The caller's timezone the slot was offered in: answers about it are spoken in it. */
  timezone?: string;
  /** The team member the slot was offered for: the booking is given to them. */
  userId?: string;
}

export type SlotIdResult =
  ({ ok: true } & SlotRef) | { ok: false; problem: 'malformed' | 'tampered' };

const WITH_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** 72 bits: far past guessing within a call, short enough for a model to copy back. */
const TAG_BYTES = 9;

function tag(payload: string, secret: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`slot-id:${payload}`).digest().subarray(0, TAG_BYTES);
}

/**
 * The id to offer for one slot.
 *
 * @example encodeSlotId({ calendarId: 'cal_1', slot: '2026-12-01T14:30:00-05:00' }, secret); // 'WyJjYWxfMSIs….Xk3…'
 */
export function encodeSlotId(ref: SlotRef, secret: string | Uint8Array): string {
  const fields = ref.userId
    ? [ref.calendarId, ref.slot, ref.timezone ?? '', ref.userId]
    : ref.timezone
      ? [ref.calendarId, ref.slot, ref.timezone]
      : [ref.calendarId, ref.slot];
  const payload = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
  return `${payload}.${tag(payload, secret).toString('base64url')}`;
}

/**
 * The calendar, verbatim slot, offered timezone and team member inside an id, or why it can't be used: `malformed` (not one of
 * our ids) or `tampered` (the check does not match: invented, altered, or from another server).
 *
 * @example
 * const ref = decodeSlotId(args.slotId, secret);
 * if (ref.ok) book(ref.calendarId, ref.slot);
 */
export function decodeSlotId(id: string, secret: string | Uint8Array): SlotIdResult {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(id.trim());
  if (!match) return { ok: false, problem: 'malformed' };
  const [, payload = '', presented = ''] = match;
  const expected = tag(payload, secret);
  const given = Buffer.from(presented, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'tampered' };
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length >= 2 && parsed.length <= 4) {
      const [calendarId, slot, timezone, userId] = parsed as unknown[];
      if (typeof calendarId === 'string' && typeof slot === 'string') {
        return {
          ok: true,
          calendarId,
          slot,
          ...(typeof timezone === 'string' && timezone ? { timezone } : {}),
          ...(typeof userId === 'string' && userId ? { userId } : {}),
        };
      }
    }
  } catch {
    // Signed by us but unreadable: only possible with a bug in encodeSlotId.
  }
  return { ok: false, problem: 'malformed' };
}

/**
 * The idempotency key of a booking made during a call. It depends on the call, the operation
 * and the *instant* booked, not on the tool-call id or how the time was written, so a model that
 * re-issues `book_appointment` after a barge-in (new tool-call id, or the start written in UTC
 * instead of HighLevel's offset) gets the first answer instead of a second appointment.
 *
 * `operation` separates a booking from a reschedule of a given appointment in the same call,
 * e.g. `reschedule:<appointmentId>`.
 *
 * @example idempotencyKey('call_1', '2026-12-01T14:30:00-05:00') === idempotencyKey('call_1', '2026-12-01T19:30:00Z'); // true
 */
export function idempotencyKey(callId: string, slotOrStart: string, operation = 'book'): string {
  // Only a time that names its offset is one instant; anything else is keyed as written, never
  // read in the server's own timezone.
  const instant = WITH_OFFSET.test(slotOrStart.trim()) ? Date.parse(slotOrStart) : NaN;
  const when = Number.isNaN(instant) ? slotOrStart.trim() : new Date(instant).toISOString();
  const digest = createHash('sha256')
    .update(JSON.stringify([callId, operation, when]))
    .digest();
  return `voice:${operation}:${digest.subarray(0, 16).toString('base64url')}`;
}
