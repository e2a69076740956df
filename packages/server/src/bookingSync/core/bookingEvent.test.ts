import { describe, expect, it } from 'vitest';
import { bookingEventSchema, customerKey } from './bookingEvent.js';

const base = {
  id: 'bk_123',
  version: 3,
  status: 'confirmed',
  startsAt: '2026-12-01T15:00:00-05:00',
  endsAt: '2026-12-01T16:00:00-05:00',
  timezone: 'America/New_York',
  service: { id: 'svc_1', name: 'Deep Tissue Massage' },
  price: { amount: '120.00', currency: 'USD' },
  payment: { status: 'paid' },
  customer: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+1 415 555 0100',
  },
  notes: 'optional',
  metadata: { any: 'string' },
};

const us = bookingEventSchema({ phoneCountry: { country: 'US', source: 'location' } });
const gb = bookingEventSchema({ phoneCountry: { country: 'GB', source: 'workspace' } });

function withCustomer(customer: Record<string, unknown>) {
  return { ...base, customer };
}

/** `path -> message` of every issue, for one-line expectations. */
function errorPaths(input: unknown): string[] {
  const result = us.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('bookingEventSchema', () => {
  it('accepts the example of docs/booking-events.md and normalizes it', () => {
    const event = us.parse(base);
    expect(event.customer).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+14155550100',
    });
    expect(event.price).toEqual({ amount: '120.00', currency: 'USD' });
    expect(event.metadata).toEqual({ any: 'string' });
  });

  it.each([
    ['(415) 555-0100', '+14155550100'],
    ['+14155550100', '+14155550100'],
    ['415.555.0100', '+14155550100'],
    ['1 415 555 0100', '+14155550100'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalizes phone %s to %s with default country US', (phone, e164) => {
    expect(us.parse(withCustomer({ phone })).customer.phone).toBe(e164);
  });

  it('needs a country code when no default country is set', () => {
    const noCountry = bookingEventSchema();
    expect(noCountry.safeParse(withCustomer({ phone: '(415) 555-0100' })).success).toBe(false);
    expect(noCountry.parse(withCustomer({ phone: '+1 (415) 555-0100' })).customer.phone).toBe(
      '+14155550100',
    );
  });

  it('reads national numbers in the given country', () => {
    expect(gb.parse(withCustomer({ phone: '020 7946 0018' })).customer.phone).toBe('+442079460018');
    expect(gb.parse(withCustomer({ phone: '+1 415 555 0132' })).customer.phone).toBe(
      '+14155550132',
    );
  });

  it('keeps a booking with an email whose phone cannot be read, with the problem on it', () => {
    const event = us.parse(withCustomer({ email: 'ada@example.com', phone: '(415) 555-013' }));
    expect(event.customer).toEqual({ email: 'ada@example.com' });
    expect(event.problems).toEqual([
      {
        field: 'customer.phone',
        code: 'unreadable_phone',
        message: expect.stringContaining('read in US') as string,
        value: '(415) 555-013',
      },
    ]);
  });

  it('has no problems when the phone is read', () => {
    expect(us.parse(base)).not.toHaveProperty('problems');
  });

  it('refuses an unreadable phone without an email, naming the country it was read in', () => {
    const result = gb.safeParse(withCustomer({ phone: '(415) 555-0132' }));
    expect(result.success).toBe(false);
    const [issue, ...others] = result.error!.issues;
    expect(others).toEqual([]);
    expect(issue!.path).toEqual(['customer', 'phone']);
    expect(issue!.message).toMatch(/read in GB: the workspace's defaultCountry/);
    expect(issue!.message).toMatch(/\+44 for GB/);
    expect(issue!.message).toMatch(/customer\.email/);
  });

  it('reports an unreadable phone alongside the other wrong fields', () => {
    const input = { ...withCustomer({ phone: 'call me' }), id: 'bk 1' };
    expect(errorPaths(input).sort()).toEqual(['customer.phone', 'id']);
  });

  it('trims and lower-cases the email', () => {
    const event = us.parse(withCustomer({ email: '  Ada.Lovelace@Example.COM ' }));
    expect(event.customer.email).toBe('ada.lovelace@example.com');
  });

  it('treats blank email and phone as absent', () => {
    const event = us.parse(withCustomer({ email: ' ', phone: '(415) 555-0100' }));
    expect(event.customer).toEqual({ phone: '+14155550100' });
  });

  it.each([
    ['120.5', 'USD', '120.50'],
    ['0120', 'usd', '120.00'],
    ['1500', 'JPY', '1500'],
    ['1.250', 'KWD', '1.250'],
    ['7.100', 'EUR', '7.10'],
    ['9999999999.99', 'USD', '9999999999.99'],
    ['999999999999', 'JPY', '999999999999'],
  ])('stores price %s %s as %s', (amount, currency, canonical) => {
    const event = us.parse({ ...base, price: { amount, currency } });
    expect(event.price).toEqual({ amount: canonical, currency: currency.toUpperCase() });
  });

  it.each<[string, unknown, string[]]>([
    ['no email and no phone', withCustomer({ firstName: 'Ada' }), ['customer']],
    ['blank email and phone', withCustomer({ email: '', phone: ' ' }), ['customer']],
    ['an unparseable phone', withCustomer({ phone: 'call me' }), ['customer.phone']],
    ['a too short phone', withCustomer({ phone: '555-0100' }), ['customer.phone']],
    ['a bad email', withCustomer({ email: 'ada@' }), ['customer.email']],
    ['endsAt before startsAt', { ...base, endsAt: '2026-12-01T14:00:00-05:00' }, ['endsAt']],
    ['endsAt equal to startsAt', { ...base, endsAt: '2026-12-01T20:00:00Z' }, ['endsAt']],
    ['a start without offset', { ...base, startsAt: '2026-12-01T15:00:00' }, ['startsAt']],
    ['an impossible date', { ...base, startsAt: '2026-02-30T15:00:00Z' }, ['startsAt']],
    ['an unknown timezone', { ...base, timezone: 'Mars/Olympus_Mons' }, ['timezone']],
    ['version 0', { ...base, version: 0 }, ['version']],
    ['a fractional version', { ...base, version: 1.5 }, ['version']],
    ['an unknown status', { ...base, status: 'pending' }, ['status']],
    ['an unknown payment status', { ...base, payment: { status: 'free' } }, ['payment.status']],
    ['a float amount', { ...base, price: { amount: 120, currency: 'USD' } }, ['price.amount']],
    [
      'too many decimals',
      { ...base, price: { amount: '1.005', currency: 'USD' } },
      ['price.amount'],
    ],
    ['decimals for yen', { ...base, price: { amount: '1.5', currency: 'JPY' } }, ['price.amount']],
    [
      'a negative price',
      { ...base, price: { amount: '-5.00', currency: 'USD' } },
      ['price.amount'],
    ],
    [
      'an amount HighLevel cannot hold exactly',
      { ...base, price: { amount: '99999999999999.99', currency: 'USD' } },
      ['price.amount'],
    ],
    [
      'an amount past the maximum',
      { ...base, price: { amount: '10000000000.00', currency: 'USD' } },
      ['price.amount'],
    ],
    [
      'a yen amount past the maximum',
      { ...base, price: { amount: '1000000000000', currency: 'JPY' } },
      ['price.amount'],
    ],
    [
      'a made-up currency',
      { ...base, price: { amount: '5', currency: 'XYZ' } },
      ['price.currency'],
    ],
    ['a blank service name', { ...base, service: { name: ' ' } }, ['service.name']],
    ['an id with a space', { ...base, id: 'bk 123' }, ['id']],
    ['an id with brackets', { ...base, id: 'bk_[1]' }, ['id']],
    ['non-string metadata', { ...base, metadata: { count: 3 } }, ['metadata.count']],
  ])('refuses %s', (_case, input, paths) => {
    expect(errorPaths(input)).toEqual(paths);
  });

  it('accepts a booking without price, payment, notes or metadata', () => {
    const {
      price: _price,
      payment: _payment,
      notes: _notes,
      metadata: _metadata,
      ...minimal
    } = base;
    expect(us.parse(minimal)).not.toHaveProperty('price');
  });

  it('accepts UTC instants and minutes-only times', () => {
    const event = us.parse({
      ...base,
      startsAt: '2026-12-01T20:00Z',
      endsAt: '2026-12-01T21:30:00.000+00:00',
    });
    expect(event.startsAt).toBe('2026-12-01T20:00Z');
  });
});

describe('customerKey', () => {
  it.each([
    [{ email: 'ada@example.com', phone: '+14155550100' }, 'ada@example.com'],
    [{ phone: '+14155550100' }, '+14155550100'],
  ])('identifies %o as %s', (customer, key) => {
    expect(customerKey(customer)).toBe(key);
  });

  it('gives one key for one person however they typed their details', () => {
    const a = us.parse(withCustomer({ email: 'ADA@example.com ' })).customer;
    const b = us.parse(withCustomer({ email: 'ada@EXAMPLE.com' })).customer;
    const c = us.parse(withCustomer({ phone: '(415) 555-0100' })).customer;
    const d = us.parse(withCustomer({ phone: '415.555.0100' })).customer;
    const e = us.parse(withCustomer({ phone: '+14155550100' })).customer;
    expect(customerKey(a)).toBe(customerKey(b));
    expect(customerKey(c)).toBe(customerKey(d));
    expect(customerKey(c)).toBe(customerKey(e));
    expect(customerKey(c)).toBe('+14155550100');
  });

  it('refuses a customer with neither', () => {
    expect(() => customerKey({})).toThrow(/email or a phone/);
  });
});
