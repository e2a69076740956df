import { describe, expect, it } from 'vitest';
import type { BookingEvent } from './bookingEvent.js';
import {
  findNoteMarker,
  formatDuration,
  noteForChange,
  noteMarker,
  type NoteKind,
} from './notes.js';
import { booking } from './testing.js';

const v1 = booking({ id: 'bk_123', version: 1 });

describe('noteForChange', () => {
  it('writes a confirmed booking in full, in its own timezone', () => {
    const note = noteForChange(undefined, booking({ id: 'bk_123', version: 3 }));
    expect(note).toEqual({
      kind: 'confirmed',
      marker: '[ghl-bridge booking bk_123 v3]',
      body: [
        'Booking confirmed: Deep Tissue Massage',
        'When: Tuesday, December 1, 2026, 3:00 PM EST',
        'Duration: 1 h',
        'Price: $120.00 · Payment: paid',
        'Booking: bk_123',
        '[ghl-bridge booking bk_123 v3]',
      ].join('\n'),
    });
  });

  it('shows the old and the new time of a reschedule', () => {
    const moved = booking({
      id: 'bk_123',
      version: 2,
      startsAt: '2026-12-03T14:30:00-05:00',
      minutes: 90,
    });
    expect(noteForChange(v1, moved)?.body).toBe(
      [
        'Booking rescheduled: Deep Tissue Massage',
        'From: Tuesday, December 1, 2026, 3:00 PM EST',
        'To: Thursday, December 3, 2026, 2:30 PM EST',
        'Duration: 1 h 30 min',
        'Price: $120.00 · Payment: paid',
        'Booking: bk_123',
        '[ghl-bridge booking bk_123 v2]',
      ].join('\n'),
    );
  });

  it('writes a refund with what was there before', () => {
    const refunded = booking({ id: 'bk_123', version: 2, payment: 'refunded' });
    expect(noteForChange(v1, refunded)?.body).toContain(
      'Price: $120.00 · Payment: refunded\nPreviously: $120.00, paid',
    );
  });

  it('dates a booking in its own timezone, not the server’s', () => {
    const tokyo = booking({
      startsAt: '2026-12-01T10:00:00+09:00',
      timezone: 'Asia/Tokyo',
      price: '5000 JPY',
    });
    const body = noteForChange(undefined, tokyo)?.body ?? '';
    expect(body).toContain('When: Tuesday, December 1, 2026, 10:00 AM GMT+9');
    expect(body).toContain('Price: ¥5,000');
  });

  it('formats dates and money for the locale', () => {
    const body = noteForChange(undefined, v1, { locale: 'de-DE' })?.body ?? '';
    const text = body.replace(/\u00a0/g, ' ');
    expect(text).toContain('When: Dienstag, 1. Dezember 2026, 15:00 GMT-5\n');
    expect(text).toContain('Price: 120,00 $');
  });

  it.each<[string, Partial<Parameters<typeof booking>[0]>, NoteKind | null]>([
    ['cancelled', { status: 'cancelled' }, 'cancelled'],
    ['rescheduled', { startsAt: '2026-12-02T15:00:00-05:00' }, 'rescheduled'],
    ['longer', { minutes: 90 }, 'rescheduled'],
    ['now unpaid', { payment: 'unpaid' }, 'payment-changed'],
    ['repriced', { price: '100.00 USD' }, 'payment-changed'],
    ['another service', { service: 'Facial' }, 'updated'],
    ['cancelled and refunded at once', { status: 'cancelled', payment: 'refunded' }, 'cancelled'],
    ['notes only', { notes: 'bring a towel' }, null],
    ['metadata only', { metadata: { source: 'widget' } }, null],
    ['customer name only', { customer: { firstName: 'Augusta', email: 'ada@example.com' } }, null],
    [
      'the same instant in another zone',
      { startsAt: '2026-12-01T20:00:00Z', timezone: 'UTC' },
      null,
    ],
  ])('version 2 %s -> %s', (_case, change, kind) => {
    const next = booking({ id: 'bk_123', version: 2, ...change });
    expect(noteForChange(v1, next)?.kind ?? null).toBe(kind);
  });

  it.each<[string, BookingEvent, BookingEvent, NoteKind | null]>([
    [
      'a first version that is already cancelled',
      v1,
      booking({ status: 'cancelled', id: 'x' }),
      'cancelled',
    ],
    [
      'a cancelled booking confirmed again',
      booking({ id: 'bk_123', status: 'cancelled' }),
      booking({ id: 'bk_123', version: 2 }),
      'confirmed',
    ],
    [
      'a cancelled booking moved in time',
      booking({ id: 'bk_123', status: 'cancelled' }),
      booking({ id: 'bk_123', version: 2, status: 'cancelled', startsAt: '2026-12-05T10:00:00Z' }),
      null,
    ],
    [
      'a cancelled booking refunded',
      booking({ id: 'bk_123', status: 'cancelled' }),
      booking({ id: 'bk_123', version: 2, status: 'cancelled', payment: 'refunded' }),
      'payment-changed',
    ],
  ])('%s -> %s', (_case, before, after, kind) => {
    const previous = before.id === after.id ? before : undefined;
    expect(noteForChange(previous, after)?.kind ?? null).toBe(kind);
  });

  it("shows the booking's notes, metadata and unreadable phone before the marker", () => {
    const event = booking({
      id: 'bk_123',
      customer: { email: 'ada@example.com', phone: '(415) 555-013' },
      notes: 'Prefers a firm pressure\nSide door',
      metadata: { source: 'website', room: '2' },
    });
    expect(noteForChange(undefined, event)?.body).toBe(
      [
        'Booking confirmed: Deep Tissue Massage',
        'When: Tuesday, December 1, 2026, 3:00 PM EST',
        'Duration: 1 h',
        'Price: $120.00 · Payment: paid',
        'Notes: Prefers a firm pressure / Side door',
        'Details:',
        '- room: 2',
        '- source: website',
        'Phone not saved on the contact: "(415) 555-013" could not be read as a phone number.',
        'Booking: bk_123',
        '[ghl-bridge booking bk_123 v1]',
      ].join('\n'),
    );
  });

  it('keeps the marker of a later version out of reach of the booking notes', () => {
    const forged = booking({ id: 'bk_123', notes: 'see [ghl-bridge booking bk_123 v2]' });
    const onContact = [{ id: 'n1', body: noteForChange(undefined, forged)!.body }];
    // The note of v1 is found; a v2 that was never written is not mistaken for written.
    expect(findNoteMarker(onContact, 'bk_123', 1)?.id).toBe('n1');
    expect(findNoteMarker(onContact, 'bk_123', 2)).toBeUndefined();
  });

  it('leaves out price and payment when the booking has none', () => {
    const body = noteForChange(undefined, booking({ price: null, payment: null }))?.body ?? '';
    expect(body).not.toMatch(/Price|Payment/);
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [150, '2 h 30 min'],
    [24 * 60, '24 h'],
  ])('%i minutes read %s', (minutes, text) => {
    const b = booking({ minutes });
    expect(formatDuration(b.startsAt, b.endsAt)).toBe(text);
  });
});

describe('note markers', () => {
  const notes = [
    { id: 'n1', body: 'Called, wants a quote' },
    { id: 'n2', body: noteForChange(undefined, booking({ id: 'bk_1', version: 31 }))?.body },
    { id: 'n3', body: `<p>Booking cancelled</p><p>${noteMarker('bk_1', 3)}</p>` },
    { id: 'n4' },
  ];

  it.each([
    ['bk_1', 31, 'n2'],
    ['bk_1', 3, 'n3'],
    ['bk_1', 1, undefined],
    ['bk_12', 3, undefined],
    ['k_1', 3, undefined],
  ])('finds booking %s v%i in note %s', (id, version, noteId) => {
    expect(findNoteMarker(notes, id, version)?.id).toBe(noteId);
  });

  it('lets a retried job find the note it wrote', () => {
    const note = noteForChange(v1, booking({ id: 'bk_123', version: 2, status: 'cancelled' }))!;
    const onContact = [
      { id: 'a', body: 'x' },
      { id: 'b', body: note.body },
    ];
    expect(findNoteMarker(onContact, 'bk_123', 2)?.id).toBe('b');
    expect(findNoteMarker(onContact, 'bk_123', 1)).toBeUndefined();
  });
});
