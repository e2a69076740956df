/**
 * The booking event a booking app posts (design §3.4), validated and normalized at the edge so
 * everything after it works on one clean shape: E.164 phones, lower-case emails, instants that
 * carry their offset, an IANA timezone, and money as a decimal string of the right precision.
 */
import type { CountryCode } from 'libphonenumber-js';
import { toE164 } from '../phone.js';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { decimalAmountProblem, isCurrencyCode, toDecimalString, toMinorUnits } from './money.js';
import { isTimeZone } from '../timeZones.js';

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
  /** Country for phone numbers written without a country code, e.g. the workspace's ("US"). */
  defaultCountry?: CountryCode;
}

/**
 * Booking ids go verbatim into the note marker (`[ghl-bridge booking <id> v<n>]`) that a retried
 * job searches for. Whitespace and brackets would make that marker ambiguous, and characters
 * HighLevel may escape in a note body (`<`, `>`, `&`, quotes) would hide it, so they are refused.
 */
const BOOKING_ID = /^[\w.:@/+=-]{1,200}$/;

/** ISO 8601 date-time that names its offset (`Z` or `±hh:mm`), so it is one instant. */
const WITH_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const instant = z
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

function phone(defaultCountry: CountryCode | undefined) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value, ctx) => {
        const e164 = toE164(value, defaultCountry);
        if (e164) return e164;
        ctx.addIssue({
          code: 'custom',
          message: defaultCountry
            ? `expected a phone number valid in ${defaultCountry} or with a +country code`
            : 'expected a phone number with a +country code, like +1 415 555 0100',
        });
        return z.NEVER;
      })
      .optional(),
  );
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
    const problem = decimalAmountProblem(value.amount, value.currency);
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
 * const result = bookingEventSchema({ defaultCountry: 'US' }).safeParse(body);
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
      customer: z
        .object({
          firstName: optionalText(100),
          lastName: optionalText(100),
          email,
          phone: phone(options.defaultCountry),
        })
        .refine((customer) => customer.email !== undefined || customer.phone !== undefined, {
          message: 'expected an email or a phone number (or both)',
        }),
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
    });
}

function startMillis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/** A validated, normalized booking event. */
export type BookingEvent = z.output<ReturnType<typeof bookingEventSchema>>;
export type BookingCustomer = BookingEvent['customer'];

/**
 * Who a booking belongs to: the normalized email, else the E.164 phone (issue #5, "a customer is
 * identified by normalized email, else E.164 phone").
 *
 * @example customerKey({ email: 'ada@example.com', phone: '+14155550100' }) // "ada@example.com"
 */
export function customerKey(customer: Pick<BookingCustomer, 'email' | 'phone'>): string {
  const key = customer.email ?? customer.phone;
  if (key === undefined) throw new Error('A booking customer needs an email or a phone number');
  return key;
}
