import { describe, expect, it } from 'vitest';
import { NEW_YORK } from './testing.js';
import {
  addCalendarPeriod,
  durationMs,
  formatOffsetIso,
  formatWallClock,
  isValidTimeZone,
  nextLocalDate,
  parseInstant,
  wallClockToInstant,
  weekdayOf,
} from './times.js';

describe('formatOffsetIso', () => {
  it.each([
    ['2024-10-28T15:00:00Z', 'America/Chicago', '2024-10-28T10:00:00-05:00'],
    ['2026-07-01T13:00:00Z', 'America/New_York', '2026-07-01T09:00:00-04:00'],
    ['2026-03-09T03:30:00Z', 'Asia/Kolkata', '2026-03-09T09:00:00+05:30'],
    ['2026-01-15T09:00:00Z', 'Europe/London', '2026-01-15T09:00:00+00:00'],
    ['2026-07-15T08:00:00Z', 'Europe/London', '2026-07-15T09:00:00+01:00'],
    ['2026-01-15T09:00:00.789Z', 'UTC', '2026-01-15T09:00:00Z'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatOffsetIso(Date.parse(instant), zone)).toBe(expected);
  });
});

describe('formatWallClock', () => {
  it.each([
    ['2024-10-28T15:00:00Z', 'America/Chicago', '2024-10-28 10:00:00'],
    ['2026-03-09T03:30:00Z', 'Asia/Kolkata', '2026-03-09 09:00:00'],
    // Both 01:30s of the night New York falls back print alike: the offset is what is lost.
    ['2026-11-01T05:30:00Z', NEW_YORK, '2026-11-01 01:30:00'],
    ['2026-11-01T06:30:00Z', NEW_YORK, '2026-11-01 01:30:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatWallClock(Date.parse(instant), zone)).toBe(expected);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-03-09T09:00:00-04:00', 'UTC', '2026-03-09T13:00:00Z'],
    ['2026-03-09T13:00:00Z', 'America/New_York', '2026-03-09T13:00:00Z'],
    ['2026-03-09T13:00:00.000Z', 'Asia/Tokyo', '2026-03-09T13:00:00Z'],
    ['2026-03-09T18:30:00+05:30', 'UTC', '2026-03-09T13:00:00Z'],
    ['2026-03-09T09:00:00', 'America/New_York', '2026-03-09T13:00:00Z'],
    ['2026-03-09T09:00:00', 'Europe/London', '2026-03-09T09:00:00Z'],
  ])('%s (fallback zone %s) is %s', (text, zone, expected) => {
    expect(parseInstant(text, zone)).toBe(Date.parse(expected));
  });

  it.each(['2026-03-09', 'tomorrow at 9', '2026-02-30T09:00:00Z', '', '09:00'])(
    'refuses %j',
    (text) => {
      expect(parseInstant(text, 'UTC')).toBeUndefined();
    },
  );
});

describe('wallClockToInstant', () => {
  it.each([
    ['2026-03-07', '09:00', NEW_YORK, '2026-03-07T14:00:00Z'],
    ['2026-03-08', '09:00', NEW_YORK, '2026-03-08T13:00:00Z'],
    // 02:30 does not exist on the spring-forward night: it moves on by the gap.
    ['2026-03-08', '02:30', NEW_YORK, '2026-03-08T07:30:00Z'],
    ['2026-11-01', '09:00', NEW_YORK, '2026-11-01T14:00:00Z'],
    ['2026-11-01', '24:00', NEW_YORK, '2026-11-02T05:00:00Z'],
    ['2026-03-29', '09:00', 'Europe/London', '2026-03-29T08:00:00Z'],
    ['2026-03-28', '09:00', 'Europe/London', '2026-03-28T09:00:00Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    const [hour = 0, minute = 0] = time.split(':').map(Number);
    expect(wallClockToInstant(date, hour * 60 + minute, zone)).toBe(Date.parse(expected));
  });
});

describe('addCalendarPeriod', () => {
  it.each([
    ['2026-03-07T14:00:00Z', 1, 'days', '2026-03-08T13:00:00Z'], // 09:00 to 09:00 across DST: 23 h
    ['2026-03-07T14:00:00Z', 24, 'hours', '2026-03-08T14:00:00Z'], // 24 h later is 10:00 local
    ['2026-10-31T13:00:00Z', 1, 'weeks', '2026-11-07T14:00:00Z'],
    ['2026-01-31T14:00:00Z', 1, 'months', '2026-02-28T14:00:00Z'],
  ] as const)('%s + %d %s in New York is %s', (start, amount, unit, expected) => {
    expect(addCalendarPeriod(Date.parse(start), amount, unit, NEW_YORK)).toBe(Date.parse(expected));
  });
});

describe('zone, unit and date arithmetic', () => {
  it.each([
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isValidTimeZone(%j) is %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it.each([
    [30, 'mins', 1_800_000],
    [2, 'hours', 7_200_000],
  ] as const)('durationMs(%d, %s) is %d', (amount, unit, expected) => {
    expect(durationMs(amount, unit)).toBe(expected);
  });

  it.each([
    ['2026-03-08', 0],
    ['2026-03-09', 1],
    ['2026-03-14', 6],
  ])('weekdayOf(%s) is %d (0 = Sunday)', (date, expected) => {
    expect(weekdayOf(date)).toBe(expected);
  });

  it.each([
    ['2026-02-28', '2026-03-01'],
    ['2028-02-28', '2028-02-29'],
    ['2026-12-31', '2027-01-01'],
  ])('nextLocalDate(%s) is %s', (date, expected) => {
    expect(nextLocalDate(date)).toBe(expected);
  });
});
