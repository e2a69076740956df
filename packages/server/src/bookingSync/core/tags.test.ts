import { describe, expect, it } from 'vitest';
import type { BookingEvent } from './bookingEvent.js';
import { customerStats } from './stats.js';
import { desiredTags, normalizeTag, normalizeTags, tagDiff, type TagDiffInput } from './tags.js';
import { booking } from './testing.js';

const tagsFor = (bookings: BookingEvent[]) => desiredTags(customerStats(bookings), bookings);

describe('normalizeTag(s)', () => {
  it.each([
    ['  Service:Deep Tissue ', 'service:deep tissue'],
    ['VIP', 'vip'],
    ['repeat-client', 'repeat-client'],
  ])('%j is stored as %j', (tag, stored) => {
    expect(normalizeTag(tag)).toBe(stored);
  });

  it('drops blanks and repeats and sorts', () => {
    expect(normalizeTags(['b', ' B ', '', '  ', 'a'])).toEqual(['a', 'b']);
  });
});

describe('desiredTags', () => {
  it.each<[string, BookingEvent[], string[]]>([
    [
      'one confirmed paid booking',
      [booking()],
      ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
    ],
    [
      'a cancelled booking earns only the status',
      [booking({ status: 'cancelled', payment: 'refunded' })],
      ['booking:cancelled'],
    ],
    [
      'two confirmed bookings: every service and payment, and repeat-client',
      [
        booking({ id: 'a', service: 'Facial', payment: 'unpaid' }),
        booking({ id: 'b', startsAt: '2026-12-09T10:00:00Z' }),
      ],
      [
        'booking:confirmed',
        'payment:paid',
        'payment:unpaid',
        'repeat-client',
        'service:deep tissue massage',
        'service:facial',
      ],
    ],
    [
      'a cancelled booking loses its service tag unless another booking earns it',
      [
        booking({ id: 'a', service: 'Facial', status: 'cancelled' }),
        booking({
          id: 'b',
          service: 'Facial',
          payment: 'pending',
          startsAt: '2026-11-01T10:00:00Z',
        }),
        booking({ id: 'c', service: 'Massage', status: 'cancelled', payment: 'paid' }),
      ],
      ['booking:confirmed', 'payment:pending', 'service:facial'],
    ],
    [
      'a later cancelled booking does not flip the status while one is confirmed',
      [
        booking({ id: 'a' }),
        booking({ id: 'b', status: 'cancelled', startsAt: '2027-01-01T10:00:00Z' }),
      ],
      ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
    ],
    [
      'no payment info: no payment tag',
      [booking({ payment: null })],
      ['booking:confirmed', 'service:deep tissue massage'],
    ],
  ])('%s', (_case, bookings, tags) => {
    expect(tagsFor(bookings)).toEqual(tags);
  });

  it('uses the workspace tag names', () => {
    const bookings = [booking({ id: 'a' }), booking({ id: 'b', startsAt: '2027-01-01T10:00:00Z' })];
    const tags = desiredTags(customerStats(bookings), bookings, {
      bookingStatusPrefix: 'GB Status ',
      servicePrefix: 'gb-svc:',
      paymentPrefix: 'gb-pay:',
      repeatClient: 'GB Regular',
    });
    expect(tags).toEqual([
      'gb regular',
      'gb status confirmed',
      'gb-pay:paid',
      'gb-svc:deep tissue massage',
    ]);
  });
});

describe('tagDiff', () => {
  it.each<[string, TagDiffInput, { add: string[]; remove: string[]; nextApplied: string[] }]>([
    [
      'first sync adds everything',
      { desired: ['booking:confirmed', 'service:facial'], appliedByUs: [] },
      {
        add: ['booking:confirmed', 'service:facial'],
        remove: [],
        nextApplied: ['booking:confirmed', 'service:facial'],
      },
    ],
    [
      'an unchanged set costs no call',
      {
        desired: ['booking:confirmed', 'service:facial'],
        appliedByUs: ['service:facial', 'booking:confirmed'],
      },
      { add: [], remove: [], nextApplied: ['booking:confirmed', 'service:facial'] },
    ],
    [
      'an unchanged set with other casing costs no call',
      {
        desired: ['Booking:Confirmed'],
        appliedByUs: [' booking:confirmed'],
        onContact: ['BOOKING:CONFIRMED', 'VIP'],
      },
      { add: [], remove: [], nextApplied: ['booking:confirmed'] },
    ],
    [
      'a cancel flips the status and drops a stale service tag',
      { desired: ['booking:cancelled'], appliedByUs: ['booking:confirmed', 'service:facial'] },
      {
        add: ['booking:cancelled'],
        remove: ['booking:confirmed', 'service:facial'],
        nextApplied: ['booking:cancelled'],
      },
    ],
    [
      'never removes a tag ghl-bridge did not apply, even one that looks like ours',
      {
        desired: [],
        appliedByUs: ['booking:confirmed'],
        onContact: ['vip', 'service:facial', 'booking:confirmed'],
      },
      { add: [], remove: ['booking:confirmed'], nextApplied: [] },
    ],
    [
      'does not add a tag a person already set, nor claim it',
      { desired: ['repeat-client'], appliedByUs: [], onContact: ['Repeat-Client'] },
      { add: [], remove: [], nextApplied: [] },
    ],
    [
      'restores a tag of ours that someone removed',
      { desired: ['booking:confirmed'], appliedByUs: ['booking:confirmed'], onContact: ['vip'] },
      { add: ['booking:confirmed'], remove: [], nextApplied: ['booking:confirmed'] },
    ],
    [
      'does not remove a tag of ours that is already gone',
      { desired: [], appliedByUs: ['service:facial'], onContact: ['vip'] },
      { add: [], remove: [], nextApplied: [] },
    ],
  ])('%s', (_case, input, expected) => {
    expect(tagDiff(input)).toEqual(expected);
  });

  it('never touches a user tag over a long sequence of syncs', () => {
    const userTags = ['vip', 'booking:vip', 'service:hair', 'newsletter'];
    let onContact = [...userTags];
    let applied: string[] = [];
    const sequence = [
      ['booking:confirmed', 'service:facial'],
      ['booking:confirmed', 'service:facial', 'service:hair', 'repeat-client'],
      ['booking:cancelled'],
      [],
      ['booking:confirmed', 'service:hair'],
    ];
    for (const desired of sequence) {
      const diff = tagDiff({ desired, appliedByUs: applied, onContact });
      for (const tag of diff.remove) expect(userTags).not.toContain(tag);
      onContact = normalizeTags([...onContact, ...diff.add]).filter(
        (t) => !diff.remove.includes(t),
      );
      applied = diff.nextApplied;
      for (const tag of userTags) expect(onContact).toContain(tag);
      for (const tag of desired) expect(onContact).toContain(tag);
    }
    // `service:hair` was the user's before ghl-bridge wanted it; it stays theirs.
    expect(applied).toEqual(['booking:confirmed']);
  });
});
