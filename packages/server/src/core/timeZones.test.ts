import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isTimeZone, timeZone } from './timeZones.js';

describe('timeZone', () => {
  it('reads every local time of both clock changes exactly as Luxon does, twice over', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe']) {
      for (const day of ['2027-03-14', '2027-03-28', '2027-04-04', '2027-10-03', '2027-11-07']) {
        for (let quarter = 0; quarter < 96; quarter++) {
          const local = DateTime.fromISO(day, { zone: 'UTC' }).plus({ minutes: quarter * 15 });
          const text = local.toISO({ includeOffset: false })!;
          const expected = DateTime.fromISO(text, { zone }).toISO();
          for (const _ of [1, 2]) {
            const read = DateTime.fromISO(text, { zone: timeZone(zone) });
            expect(read.toISO(), `${text} in ${zone}`).toBe(expected);
            expect(read.zoneName).toBe(zone);
          }
        }
      }
    }
  });

  it('says each instant of the repeated hour with its own offset name', () => {
    const zone = timeZone('America/New_York');
    const first = DateTime.fromISO('2027-11-07T05:30:00Z').setZone(zone);
    const second = DateTime.fromISO('2027-11-07T06:30:00Z').setZone(zone);
    expect([first.toFormat('h:mm a ZZZZ'), second.toFormat('h:mm a ZZZZ')]).toEqual([
      '1:30 AM EDT',
      '1:30 AM EST',
    ]);
  });

  it('is the same zone as the name to Luxon', () => {
    const a = DateTime.fromISO('2027-01-15T10:00', { zone: timeZone('Europe/Berlin') });
    const b = DateTime.fromISO('2027-01-15T10:00', { zone: 'Europe/Berlin' });
    expect(a.zone.equals(b.zone)).toBe(true);
    expect(a.hasSame(b, 'day')).toBe(true);
    expect(a.toLocaleString(DateTime.DATETIME_FULL)).toBe(b.toLocaleString(DateTime.DATETIME_FULL));
  });

  it('leaves fixed offsets and unknown names to Luxon', () => {
    expect(DateTime.now().setZone(timeZone('UTC')).offset).toBe(0);
    expect(DateTime.now().setZone(timeZone('UTC+3')).offset).toBe(180);
    expect(DateTime.now().setZone(timeZone('Mars/Olympus_Mons')).isValid).toBe(false);
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses the rest, asked again or not', () => {
    for (const _ of [1, 2]) {
      expect(isTimeZone('America/New_York')).toBe(true);
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(isTimeZone('')).toBe(false);
    }
  });
});
