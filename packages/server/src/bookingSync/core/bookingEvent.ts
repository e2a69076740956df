/**
 * The booking event a booking app posts, validated and normalized at the edge so
 * everything after it works on one clean shape: E.164 phones, lower-case emails, instants that
 * carry their offset, an IANA timezone, and money as a decimal string of the right precision.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  readPhone,
  unreadablePhoneProblem,
  unreadablePhoneRefusal,
  type BookingProblem,
  type PhoneCountry,
} from './customerPhone.js';
import {
  amountLimitProblem,
  decimalAmountProblem,
  isCurrencyCode,
  toDecimalString,
  toMinorUnits,
} from './money.js';
import { isTimeZone } from '../../core/timeZones.js';

export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export const PAYMENT_STATUSES = [
  'paid',
  'unpaid',
  'pending',
  'refunded',
  'partially_paid',
] as const;

export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface BookingEventOptions {
  /**
   * The country phone numbers written without a country code are read in, and where it came from
   * (`phoneCountry(…)`: the workspace's `defaultCountry`, else its Location's). None: such
   * numbers cannot be read.
   */
  phoneCountry?: PhoneCountry | undefined;
}

/**
 * Booking ids go verbatim into the note marker (`[ghl-bridge booking <id> v<n>]`) that a retried
 * job searches for. Whitespace and brackets would make that marker ambiguous, and characters
 * HighLevel may escape in a note body (`<`, `>`, `&`, quotes) would hide it, so they are refused.
 */
const BOOKING_ID = /^[\w.:@/+=-]{1,200}$/;

/** ISO 8601 date-time that names its offset (`Z` or `±hh:mm`), so it is one instant. */
const WITH_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** An ISO 8601 date-time with its offset: one instant, whatever zone it is written in. */
export const instant = z
  .string()
  .refine(
    (value) => WITH_OFFSET.test(value) && DateTime.fromISO(value, { setZone: true }).isValid,
    { message: 'expected an ISO 8601 date-time with an offset, like 2026-12-01T15:00:00-05:00' },
  );

/** Blank strings from form-backed booking apps mean "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

const email = z.preprocess(
  (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
  z.email({ error: 'expected an email address' }).optional(),
);

/** The phone as typed; `customer` reads it once it knows whether there is an email. */
const typedPhone = z.preprocess(blankToUndefined, z.string().trim().optional());

interface ReadCustomer {
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  /** E.164. */
  phone?: string;
  phoneProblem?: BookingProblem;
}

/**
 * The customer with the phone read as E.164. The phone is read here, when the booking is accepted,
 * not when it is synced: the customer's identity (`customerKey`: the email, else the phone) is
 * stored with each version in the ledger, and the stats, the former-customer sync of a moved
 * booking and the one-job-per-customer queue key all compare those stored keys. Read later, in
 * whatever country the workspace has by then, `(415) 555-0132` and `+14155550132` would be two
 * customers until the sync, and a stored booking could change customers when the country does.
 *
 * A phone that cannot be read is left out, with a problem kept on the booking (`phoneProblem`,
 * lifted to the event's `problems`), when there is an email to sync by; without one the
 * booking is refused, saying in which country the phone was read and what to send instead.
 */
function customer(country: PhoneCountry | undefined) {
  return z
    .object({
      firstName: optionalText(100),
      lastName: optionalText(100),
      email,
      phone: typedPhone,
    })
    .transform((input, ctx): ReadCustomer => {
      const { phone: typed, ...rest } = input;
      if (typed === undefined) {
        if (rest.email === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'expected an email or a phone number (or both)',
          });
          return z.NEVER;
        }
        return rest;
      }
      const reading = readPhone(typed, country);
      if (reading.ok) return { ...rest, phone: reading.phone };
      if (rest.email === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['phone'],
          message: unreadablePhoneRefusal(reading),
        });
        return z.NEVER;
      }
      return { ...rest, phoneProblem: unreadablePhoneProblem(reading) };
    });
}

const price = z
  .object({
    amount: z.string().trim(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { message: 'expected an ISO 4217 currency code, like USD' }),
  })
  .superRefine((value, ctx) => {
    if (!isCurrencyCode(value.currency)) return;
    const problem =
      decimalAmountProblem(value.amount, value.currency) ??
      amountLimitProblem(value.amount, value.currency);
    if (problem || value.amount.startsWith('-')) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: problem ?? 'expected an amount of zero or more',
      });
    }
  })
  // One canonical form ("120.5" -> "120.50") so two versions with the same price compare equal.
  .transform((value) => ({
    ...value,
    amount: toDecimalString(toMinorUnits(value.amount, value.currency), value.currency),
  }));

/**
 * The booking event schema. Field errors carry their path (`customer.phone`, `endsAt`); a
 * customer with neither email nor phone is one error on `customer`.
 *
 * @example
 * const result = bookingEventSchema({ phoneCountry: { country: 'US', source: 'location' } }).safeParse(body);
 * if (result.success) customerKey(result.data.customer);
 */
export function bookingEventSchema(options: BookingEventOptions = {}) {
  return z
    .object({
      id: z.string().trim().regex(BOOKING_ID, {
        message: 'expected 1-200 letters, digits or . _ : @ / + = - (no spaces or brackets)',
      }),
      version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      status: z.enum(BOOKING_STATUSES),
      startsAt: instant,
      endsAt: instant,
      timezone: z.string().trim().refine(isTimeZone, {
        message: 'expected an IANA timezone, like America/New_York',
      }),
      service: z.object({ id: optionalText(200), name: z.string().trim().min(1).max(200) }),
      price: price.optional(),
      payment: z.object({ status: z.enum(PAYMENT_STATUSES) }).optional(),
      customer: customer(options.phoneCountry),
      notes: optionalText(5000),
      metadata: z.record(z.string(), z.string()).optional(),
    })
    .superRefine((event, ctx) => {
      if (startMillis(event.endsAt) <= startMillis(event.startsAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['endsAt'],
          message: 'expected a time after startsAt',
        });
      }
    })
    .transform(({ customer: { phoneProblem, ...customer }, ...event }) => {
      const problems: BookingProblem[] = phoneProblem ? [phoneProblem] : [];
      return { ...event, customer, ...(problems.length > 0 ? { problems } : {}) };
    });
}

function startMillis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/** A validated, normalized booking event. */
export type BookingEvent = z.output<ReturnType<typeof bookingEventSchema>>;
export type BookingCustomer = BookingEvent['customer'];

/**
 * Who a booking belongs to: the normalized email, else the E.164 phone, so bookings that share an
 * email are one customer whatever phones they carry (docs/booking-events.md#customer).
 *
 * @example customerKey({ email: 'ada@example.com', phone: '+14155550100' }) // "ada@example.com"
 */
export function customerKey(customer: Pick<BookingCustomer, 'email' | 'phone'>): string {
  const key = customer.email ?? customer.phone;
  if (key === undefined) throw new Error('A booking customer needs an email or a phone number');
  return key;
}
