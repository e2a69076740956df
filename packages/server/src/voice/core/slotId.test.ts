import { describe, expect, it } from 'vitest';
import { decodeSlotId, encodeSlotId, idempotencyKey } from './slotId.js';

const SECRET = 'server-secret-for-slot-ids';

describe('slot ids', () => {
  it.each([
    ['New York offset', 'cal_123', '2026-12-01T14:30:00-05:00'],
    ['London in summer', 'cal_123', '2026-07-01T09:00:00+01:00'],
    ['UTC with milliseconds', 'cal_x', '2026-12-01T19:30:00.000Z'],
    ['a calendar id with odd characters', 'cal/"é"', '2026-12-01T14:30:00-05:00'],
  ])('round-trip the calendar and the verbatim slot: %s', (_name, calendarId, slot) => {
    const id = encodeSlotId({ calendarId, slot }, SECRET);
    expect(id).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{12}$/);
    expect(decodeSlotId(id, SECRET)).toEqual({ ok: true, calendarId, slot });
  });

  it('carries the timezone the slot was offered in', () => {
    const ref = {
      calendarId: 'cal_123',
      slot: '2026-12-01T20:30:00+01:00',
      timezone: 'Europe/Berlin',
    };
    expect(decodeSlotId(encodeSlotId(ref, SECRET), SECRET)).toEqual({ ok: true, ...ref });
  });

  it('is stable for the same slot (the model may be shown it twice)', () => {
    const ref = { calendarId: 'cal_123', slot: '2026-12-01T14:30:00-05:00' };
    expect(encodeSlotId(ref, SECRET)).toBe(encodeSlotId(ref, SECRET));
  });

  const good = encodeSlotId({ calendarId: 'cal_123', slot: '2026-12-01T14:30:00-05:00' }, SECRET);
  const [payload = '', check = ''] = good.split('.');
  const forged = Buffer.from(JSON.stringify(['cal_123', '2026-12-01T15:30:00-05:00'])).toString(
    'base64url',
  );
  const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);

  it.each<[string, string, string, 'malformed' | 'tampered']>([
    ['another time with the old check', `${forged}.${check}`, SECRET, 'tampered'],
    ['an altered check', `${payload}.${flip(check)}`, SECRET, 'tampered'],
    ['a shortened check', `${payload}.${check.slice(0, 8)}`, SECRET, 'tampered'],
    ["another server's secret", good, 'some-other-server-secret', 'tampered'],
    ['a time instead of an id', '2026-12-01T14:30:00-05:00', SECRET, 'malformed'],
    ['an invented id', 'slot_1', SECRET, 'malformed'],
    ['empty', '', SECRET, 'malformed'],
  ])('refuses %s', (_name, id, secret, problem) => {
    expect(decodeSlotId(id, secret)).toEqual({ ok: false, problem });
  });

  it('tolerates spaces the model adds around an id', () => {
    expect(decodeSlotId(` ${good} `, SECRET).ok).toBe(true);
  });
});

describe('idempotencyKey', () => {
  it.each<[string, [string, string, string?], [string, string, string?], boolean]>([
    [
      'the same call and slot',
      ['call_1', '2026-12-01T14:30:00-05:00'],
      ['call_1', '2026-12-01T14:30:00-05:00'],
      true,
    ],
    [
      'the same instant written in UTC',
      ['call_1', '2026-12-01T14:30:00-05:00'],
      ['call_1', '2026-12-01T19:30:00Z'],
      true,
    ],
    [
      'the same instant with milliseconds',
      ['call_1', '2026-12-01T19:30:00Z'],
      ['call_1', '2026-12-01T19:30:00.000Z'],
      true,
    ],
    [
      'another call',
      ['call_1', '2026-12-01T14:30:00-05:00'],
      ['call_2', '2026-12-01T14:30:00-05:00'],
      false,
    ],
    [
      'another slot',
      ['call_1', '2026-12-01T14:30:00-05:00'],
      ['call_1', '2026-12-01T15:00:00-05:00'],
      false,
    ],
    [
      'a reschedule of the same slot',
      ['call_1', '2026-12-01T14:30:00-05:00'],
      ['call_1', '2026-12-01T14:30:00-05:00', 'reschedule:apt_1'],
      false,
    ],
    [
      'reschedules of two appointments',
      ['call_1', '2026-12-01T14:30:00-05:00', 'reschedule:apt_1'],
      ['call_1', '2026-12-01T14:30:00-05:00', 'reschedule:apt_2'],
      false,
    ],
    // Without an offset the text is not an instant; it must not be read in the server's zone.
    [
      'an offset-less time vs the UTC instant',
      ['call_1', '2026-12-01T19:30:00'],
      ['call_1', '2026-12-01T19:30:00Z'],
      false,
    ],
  ])('%s', (_name, a, b, same) => {
    expect(idempotencyKey(...a) === idempotencyKey(...b)).toBe(same);
  });

  it('is short and names the operation', () => {
    expect(idempotencyKey('call_1', '2026-12-01T14:30:00-05:00')).toMatch(
      /^voice:book:[A-Za-z0-9_-]{22}$/,
    );
  });
});
