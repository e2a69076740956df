import { describe, expect, it } from 'vitest';
import {
  applyRules,
  slotProblem,
  type BusyInterval,
  type SlotProblem,
} from './availabilityRules.js';
import { nearestDaysWithSlots, pickSlotsToOffer, slotsBetween } from './slotsToOffer.js';
import { availabilityRulesSchema, type AvailabilityRules } from './settings.js';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
/** Monday 2026-11-30, 7 AM in New York. */
const MONDAY_MORNING = new Date('2026-11-30T12:00:00Z');

type RulesInput = Partial<Omit<AvailabilityRules, 'workingHours'>> & {
  workingHours?: Array<{ days: string[]; start: string; end: string }>;
};
const rules = (input: RulesInput = {}): AvailabilityRules =>
  availabilityRulesSchema.parse({ minLeadMinutes: 0, ...input });

const ALL_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Case {
  rules?: RulesInput;
  timezone?: string;
  now?: Date;
  slotMinutes?: number;
  busy?: BusyInterval[];
}

function problem(slot: string, c: Case = {}): SlotProblem | undefined {
  return slotProblem(slot, {
    rules: rules(c.rules),
    timezone: c.timezone ?? NY,
    now: c.now ?? MONDAY_MORNING,
    slotMinutes: c.slotMinutes ?? 30,
    busy: c.busy ?? [],
  });
}

describe('working hours (weekdays 9-5 in New York, 30-minute slots)', () => {
  const split = {
    workingHours: [
      { days: ['tue'], start: '09:00', end: '12:00' },
      { days: ['tue'], start: '13:00', end: '17:00' },
    ],
  };
  it.each<[string, string, Case, SlotProblem | undefined]>([
    ['opening time', '2026-12-01T09:00:00-05:00', {}, undefined],
    ['before opening', '2026-12-01T08:30:00-05:00', {}, 'outside_working_hours'],
    ['last slot ends at closing', '2026-12-01T16:30:00-05:00', {}, undefined],
    ['starts inside, ends after closing', '2026-12-01T16:45:00-05:00', {}, 'outside_working_hours'],
    [
      'a 60-minute service in the last half hour',
      '2026-12-01T16:30:00-05:00',
      { rules: { slotMinutes: 60 } },
      'outside_working_hours',
    ],
    [
      'the calendar slot length when the rules set none',
      '2026-12-01T16:30:00-05:00',
      { slotMinutes: 60 },
      'outside_working_hours',
    ],
    [
      'the rules slot length wins over the calendar',
      '2026-12-01T16:30:00-05:00',
      { slotMinutes: 60, rules: { slotMinutes: 30 } },
      undefined,
    ],
    ['Saturday', '2026-12-05T10:00:00-05:00', {}, 'outside_working_hours'],
    ['a UTC slot judged in the workspace zone (9 AM)', '2026-12-01T14:00:00Z', {}, undefined],
    [
      'a UTC slot judged in the workspace zone (3 AM)',
      '2026-12-01T08:00:00Z',
      {},
      'outside_working_hours',
    ],
    [
      'the same instant is 2 PM for a London workspace',
      '2026-12-01T09:00:00-05:00',
      { timezone: LONDON },
      undefined,
    ],
    [
      'a slot across the lunch gap',
      '2026-12-01T11:45:00-05:00',
      { rules: split },
      'outside_working_hours',
    ],
    ['inside lunch', '2026-12-01T12:00:00-05:00', { rules: split }, 'outside_working_hours'],
    ['after lunch', '2026-12-01T13:00:00-05:00', { rules: split }, undefined],
    [
      'ends at a 24:00 close',
      '2026-12-05T23:30:00-05:00',
      { rules: { workingHours: [{ days: ['sat'], start: '18:00', end: '24:00' }] } },
      undefined,
    ],
    [
      'runs past midnight',
      '2026-12-05T23:45:00-05:00',
      { rules: { workingHours: [{ days: ['sat'], start: '18:00', end: '24:00' }] } },
      'outside_working_hours',
    ],
    [
      'no working hours at all',
      '2026-12-01T10:00:00-05:00',
      { rules: { workingHours: [] } },
      'outside_working_hours',
    ],
    ['unreadable text', 'tomorrow at 9', {}, 'unreadable'],
  ])('%s', (_name, slot, c, expected) => {
    expect(problem(slot, c)).toBe(expected);
  });
});

describe('blackout dates, lead time and days ahead', () => {
  const allDay = { workingHours: [{ days: ALL_WEEK, start: '00:00', end: '24:00' }] };
  it.each<[string, string, Case, SlotProblem | undefined]>([
    [
      'a blackout date',
      '2026-12-25T10:00:00-05:00',
      { rules: { blackoutDates: ['2026-12-25'] } },
      'blackout_date',
    ],
    [
      'the day after a blackout',
      '2026-12-28T10:00:00-05:00',
      { rules: { blackoutDates: ['2026-12-25'] } },
      undefined,
    ],
    // 00:30 UTC on the 25th is still the evening of the 24th in New York.
    [
      'blackout by the local date, not the UTC date',
      '2026-12-25T00:30:00Z',
      { rules: { ...allDay, blackoutDates: ['2026-12-24'] } },
      'blackout_date',
    ],
    [
      'not blacked out by the UTC date',
      '2026-12-25T00:30:00Z',
      { rules: { ...allDay, blackoutDates: ['2026-12-25'] } },
      undefined,
    ],
    [
      'inside the lead time',
      '2026-11-30T10:30:00-05:00',
      { now: new Date('2026-11-30T14:00:00Z'), rules: { minLeadMinutes: 120 } },
      'too_soon',
    ],
    [
      'exactly at the lead time',
      '2026-11-30T11:00:00-05:00',
      { now: new Date('2026-11-30T14:00:00Z'), rules: { minLeadMinutes: 120 } },
      undefined,
    ],
    ['in the past', '2026-11-27T10:00:00-05:00', {}, 'too_soon'],
    [
      'the last day allowed',
      '2026-12-07T16:30:00-05:00',
      { rules: { maxDaysAhead: 7 } },
      undefined,
    ],
    ['a day too far', '2026-12-08T09:00:00-05:00', { rules: { maxDaysAhead: 7 } }, 'too_far_ahead'],
    ['today only', '2026-12-01T09:00:00-05:00', { rules: { maxDaysAhead: 0 } }, 'too_far_ahead'],
    // 11:30 PM Monday in New York is already Tuesday in UTC: "1 day ahead" means Tuesday, not Wednesday.
    [
      'days ahead counted in local days',
      '2026-12-02T09:00:00-05:00',
      { now: new Date('2026-12-01T04:30:00Z'), rules: { maxDaysAhead: 1 } },
      'too_far_ahead',
    ],
    [
      'the local tomorrow is allowed',
      '2026-12-01T16:00:00-05:00',
      { now: new Date('2026-12-01T04:30:00Z'), rules: { maxDaysAhead: 1 } },
      undefined,
    ],
  ])('%s', (_name, slot, c, expected) => {
    expect(problem(slot, c)).toBe(expected);
  });
});

describe('buffers around existing appointments', () => {
  const busy = [{ start: '2026-12-01T10:00:00-05:00', end: '2026-12-01T11:00:00-05:00' }];
  const after15 = { bufferAfterMinutes: 15 };
  const before10 = { bufferBeforeMinutes: 10 };
  it.each<[string, string, RulesInput, SlotProblem | undefined]>([
    [
      'overlapping the appointment',
      '2026-12-01T10:30:00-05:00',
      {},
      'too_close_to_another_appointment',
    ],
    ['back to back without buffers (before)', '2026-12-01T09:30:00-05:00', {}, undefined],
    ['back to back without buffers (after)', '2026-12-01T11:00:00-05:00', {}, undefined],
    [
      'right after, inside its 15-minute buffer',
      '2026-12-01T11:00:00-05:00',
      after15,
      'too_close_to_another_appointment',
    ],
    ['after its 15-minute buffer', '2026-12-01T11:15:00-05:00', after15, undefined],
    [
      'right before: the new one needs its own 15 minutes after',
      '2026-12-01T09:30:00-05:00',
      after15,
      'too_close_to_another_appointment',
    ],
    ['ending 15 minutes before', '2026-12-01T09:15:00-05:00', after15, undefined],
    [
      "right after, inside the next one's 10-minute preparation",
      '2026-12-01T11:00:00-05:00',
      before10,
      'too_close_to_another_appointment',
    ],
    ['ten minutes after', '2026-12-01T11:10:00-05:00', before10, undefined],
    [
      'right before, inside the preparation of the existing one',
      '2026-12-01T09:30:00-05:00',
      before10,
      'too_close_to_another_appointment',
    ],
    [
      'both buffers add up between appointments',
      '2026-12-01T11:20:00-05:00',
      { ...after15, ...before10 },
      'too_close_to_another_appointment',
    ],
    ['after both buffers', '2026-12-01T11:25:00-05:00', { ...after15, ...before10 }, undefined],
  ])('%s', (_name, slot, r, expected) => {
    expect(problem(slot, { rules: r, busy })).toBe(expected);
  });

  it("HighLevel's offset-less appointment times are wall-clock in the workspace zone", () => {
    const offsetless = [{ start: '2026-12-01 10:00:00', end: '2026-12-01 11:00:00' }];
    expect(problem('2026-12-01T11:00:00-05:00', { rules: after15, busy: offsetless })).toBe(
      'too_close_to_another_appointment',
    );
    expect(problem('2026-12-01T11:15:00-05:00', { rules: after15, busy: offsetless })).toBe(
      undefined,
    );
    // The same wall-clock times in a London workspace are five hours earlier in New York.
    const london = {
      rules: { ...after15, workingHours: [{ days: ALL_WEEK, start: '00:00', end: '24:00' }] },
      busy: offsetless,
      timezone: LONDON,
    };
    expect(problem('2026-12-01T05:30:00-05:00', london)).toBe('too_close_to_another_appointment');
    expect(problem('2026-12-01T11:00:00-05:00', london)).toBe(undefined);
  });

  it('a busy interval written in UTC counts the same', () => {
    const utc = [{ start: '2026-12-01T15:00:00Z', end: '2026-12-01T16:00:00Z' }];
    expect(problem('2026-12-01T11:00:00-05:00', { rules: after15, busy: utc })).toBe(
      'too_close_to_another_appointment',
    );
  });
});

/**
 * The days clocks change. Each case is chosen so that adding minutes to the wall clock (instead
 * of to the instant) gives the wrong answer.
 */
describe('DST: New York and London, spring and autumn', () => {
  const sunday = (start: string, end: string) => ({
    workingHours: [{ days: ['sun'], start, end }],
  });
  const early = new Date('2026-03-01T00:00:00Z');
  const autumn = new Date('2026-10-20T00:00:00Z');
  it.each<[string, string, string, Case, SlotProblem | undefined]>([
    // New York springs forward 2026-03-08 at 2 AM EST -> 3 AM EDT.
    [
      'NY spring: 1:00 EST + 60 min ends 3:00 EDT, at closing',
      NY,
      '2026-03-08T01:00:00-05:00',
      { now: early, slotMinutes: 60, rules: sunday('00:00', '03:00') },
      undefined,
    ],
    [
      'NY spring: 1:30 EST + 60 min ends 3:30 EDT, after closing',
      NY,
      '2026-03-08T01:30:00-05:00',
      { now: early, slotMinutes: 60, rules: sunday('00:00', '03:00') },
      'outside_working_hours',
    ],
    ['NY spring: Monday 9 AM EDT', NY, '2026-03-09T09:00:00-04:00', { now: early }, undefined],
    [
      'NY spring: 8:30 EDT is before opening',
      NY,
      '2026-03-09T08:30:00-04:00',
      { now: early },
      'outside_working_hours',
    ],
    [
      'NY spring: a stale -05:00 offset is judged by its instant (9:30 EDT)',
      NY,
      '2026-03-09T08:30:00-05:00',
      { now: early },
      undefined,
    ],
    // New York falls back 2026-11-01 at 2 AM EDT -> 1 AM EST.
    [
      'NY autumn: 0:30 EDT + 120 min ends 1:30 EST, before closing',
      NY,
      '2026-11-01T00:30:00-04:00',
      { now: autumn, slotMinutes: 120, rules: sunday('00:00', '02:00') },
      undefined,
    ],
    [
      'NY autumn: the second 1:30 (EST) + 120 min ends 3:30',
      NY,
      '2026-11-01T01:30:00-05:00',
      { now: autumn, slotMinutes: 120, rules: sunday('00:00', '02:00') },
      'outside_working_hours',
    ],
    ['NY autumn: Monday 9 AM EST', NY, '2026-11-02T09:00:00-05:00', { now: autumn }, undefined],
    // London springs forward 2026-03-29 at 1 AM GMT -> 2 AM BST.
    [
      'London spring: 0:00 GMT + 60 min ends 2:00 BST, at closing',
      LONDON,
      '2026-03-29T00:00:00+00:00',
      { now: early, slotMinutes: 60, rules: sunday('00:00', '02:00') },
      undefined,
    ],
    [
      'London spring: 0:30 GMT + 60 min ends 2:30 BST, after closing',
      LONDON,
      '2026-03-29T00:30:00+00:00',
      { now: early, slotMinutes: 60, rules: sunday('00:00', '02:00') },
      'outside_working_hours',
    ],
    [
      'London spring: Monday 9 AM BST',
      LONDON,
      '2026-03-30T09:00:00+01:00',
      { now: early },
      undefined,
    ],
    [
      'London spring: Monday 8 AM GMT is 9 AM BST',
      LONDON,
      '2026-03-30T08:00:00Z',
      { now: early },
      undefined,
    ],
    // London falls back 2026-10-25 at 2 AM BST -> 1 AM GMT.
    [
      'London autumn: 0:30 BST + 120 min ends 1:30 GMT, before closing',
      LONDON,
      '2026-10-25T00:30:00+01:00',
      { now: autumn, slotMinutes: 120, rules: sunday('00:00', '02:00') },
      undefined,
    ],
    [
      'London autumn: the second 1:30 (GMT) + 120 min ends 3:30',
      LONDON,
      '2026-10-25T01:30:00+00:00',
      { now: autumn, slotMinutes: 120, rules: sunday('00:00', '02:00') },
      'outside_working_hours',
    ],
    [
      'London autumn: 23:30 UTC on Saturday is Sunday 0:30 BST, a blackout',
      LONDON,
      '2026-10-24T23:30:00Z',
      { now: autumn, rules: { ...sunday('00:00', '02:00'), blackoutDates: ['2026-10-25'] } },
      'blackout_date',
    ],
    [
      'London autumn: Monday 9 AM GMT',
      LONDON,
      '2026-10-26T09:00:00+00:00',
      { now: autumn },
      undefined,
    ],
  ])('%s', (_name, timezone, slot, c, expected) => {
    expect(problem(slot, { ...c, timezone })).toBe(expected);
  });

  it.each<[string, string, Date, string, SlotProblem | undefined]>([
    // 11:30 PM EST Saturday; "1 day ahead" is Sunday the 8th, a 23-hour day.
    [
      'NY: the end of the short day is still 1 day ahead',
      NY,
      new Date('2026-03-08T04:30:00Z'),
      '2026-03-08T23:30:00-04:00',
      undefined,
    ],
    [
      'NY: the next midnight is 2 days ahead',
      NY,
      new Date('2026-03-08T04:30:00Z'),
      '2026-03-09T00:30:00-04:00',
      'too_far_ahead',
    ],
    [
      'London: the end of the 25-hour day is 1 day ahead',
      LONDON,
      new Date('2026-10-24T22:30:00Z'),
      '2026-10-25T23:30:00Z',
      undefined,
    ],
    [
      'London: the next day is 2 days ahead',
      LONDON,
      new Date('2026-10-24T22:30:00Z'),
      '2026-10-26T00:30:00Z',
      'too_far_ahead',
    ],
  ])('%s', (_name, timezone, now, slot, expected) => {
    const allDay = {
      workingHours: [{ days: ALL_WEEK, start: '00:00', end: '24:00' }],
      maxDaysAhead: 1,
    };
    expect(problem(slot, { timezone, now, rules: allDay })).toBe(expected);
  });
});

describe('applyRules', () => {
  it('keeps the allowed slots in time order, each string exactly as HighLevel wrote it', () => {
    const slots = [
      '2026-12-01T14:00:00-05:00',
      '2026-12-01T08:00:00-05:00',
      '2026-12-01T14:30:00.000Z',
      '2026-12-25T10:00:00-05:00',
      '2026-12-01T10:00:00-05:00',
    ];
    expect(
      applyRules({
        slots,
        rules: rules({ blackoutDates: ['2026-12-25'] }),
        timezone: NY,
        now: MONDAY_MORNING,
        slotMinutes: 30,
        busy: [{ start: '2026-12-01T10:00:00-05:00', end: '2026-12-01T10:30:00-05:00' }],
      }),
    ).toEqual(['2026-12-01T14:30:00.000Z', '2026-12-01T14:00:00-05:00']);
  });

  it('applies the default one-hour lead time', () => {
    const input = {
      rules: availabilityRulesSchema.parse({}),
      timezone: NY,
      now: new Date('2026-12-01T14:00:00Z'),
      slotMinutes: 30,
    };
    expect(
      applyRules({ ...input, slots: ['2026-12-01T09:30:00-05:00', '2026-12-01T10:00:00-05:00'] }),
    ).toEqual(['2026-12-01T10:00:00-05:00']);
  });
});

describe('slotsBetween', () => {
  it('keeps slots starting in [from, to)', () => {
    const slots = [
      '2026-12-01T08:59:00-05:00',
      '2026-12-01T09:00:00-05:00',
      '2026-12-01T16:59:00-05:00',
      '2026-12-01T17:00:00-05:00',
    ];
    expect(slotsBetween(slots, '2026-12-01T14:00:00Z', '2026-12-01T22:00:00Z')).toEqual(
      slots.slice(1, 3),
    );
  });
});

/** Tuesday 9:00 to 16:30 every half hour, in New York. */
const tuesday = Array.from({ length: 16 }, (_, i) => {
  const minutes = 9 * 60 + i * 30;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `2026-12-01T${hh}:${mm}:00-05:00`;
});
const at = (day: string, time: string) => `2026-12-${day}T${time}:00-05:00`;

describe('pickSlotsToOffer', () => {
  it.each<[string, string[], number, Parameters<typeof pickSlotsToOffer>[2], string[]]>([
    [
      'spread across the first day',
      tuesday,
      3,
      {},
      [at('01', '09:00'), at('01', '13:00'), at('01', '16:30')],
    ],
    ['the soonest when one is asked', tuesday, 1, {}, [at('01', '09:00')]],
    ['all when there are few', tuesday.slice(0, 2), 3, {}, tuesday.slice(0, 2)],
    [
      'a thin first day, then the next',
      [
        at('01', '16:00'),
        at('01', '16:30'),
        at('02', '09:00'),
        at('02', '12:00'),
        at('02', '16:00'),
      ],
      3,
      {},
      [at('01', '16:00'), at('01', '16:30'), at('02', '09:00')],
    ],
    [
      'spread across the rest of the second day',
      [
        at('01', '16:30'),
        at('02', '09:00'),
        at('02', '10:00'),
        at('02', '12:00'),
        at('02', '16:00'),
      ],
      3,
      {},
      [at('01', '16:30'), at('02', '09:00'), at('02', '16:00')],
    ],
    [
      'afternoon only',
      tuesday,
      2,
      { timezone: 'America/New_York', partOfDay: 'afternoon' },
      [at('01', '12:00'), at('01', '16:30')],
    ],
    [
      'evening has nothing: the whole day instead',
      tuesday,
      2,
      { partOfDay: 'evening' },
      [at('01', '09:00'), at('01', '16:30')],
    ],
    [
      'near 3:10 PM',
      tuesday,
      3,
      { near: '2026-12-01T20:10:00Z' },
      [at('01', '14:30'), at('01', '15:00'), at('01', '15:30')],
    ],
    [
      "evening in the caller's zone: noon in New York is 5 PM in London",
      tuesday,
      1,
      { timezone: 'Europe/London', partOfDay: 'evening' },
      [at('01', '12:00')],
    ],
  ])('%s', (_name, slots, n, preference, expected) => {
    expect(pickSlotsToOffer(slots, n, preference)).toEqual(expected);
  });

  it("returns HighLevel's strings untouched and in time order", () => {
    const mixed = [
      '2026-12-01T20:00:00Z',
      '2026-12-01T10:00:00-05:00',
      '2026-12-01T14:00:00.000+01:00',
    ];
    expect(pickSlotsToOffer(mixed, 3)).toEqual([
      '2026-12-01T14:00:00.000+01:00',
      '2026-12-01T10:00:00-05:00',
      '2026-12-01T20:00:00Z',
    ]);
  });
});

describe('nearestDaysWithSlots', () => {
  it.each<[string, string[], string, number, Array<[string, number]>]>([
    [
      'one day on each side',
      [at('01', '09:00'), at('03', '09:00'), at('03', '10:00'), at('05', '09:00')],
      '2026-12-02',
      2,
      [
        ['2026-12-01', 1],
        ['2026-12-03', 2],
      ],
    ],
    [
      'a tie goes to the earlier day',
      [at('01', '09:00'), at('03', '09:00')],
      '2026-12-02',
      1,
      [['2026-12-01', 1]],
    ],
    [
      'the nearer day first, then date order',
      [at('04', '09:00'), at('01', '09:00'), at('08', '09:00')],
      '2026-12-02',
      2,
      [
        ['2026-12-01', 1],
        ['2026-12-04', 1],
      ],
    ],
    ['nothing anywhere', [], '2026-12-02', 2, []],
    // 10 PM on the 2nd in New York is the 3rd in UTC: it belongs to the 2nd, the day asked.
    [
      'days are local to the zone',
      ['2026-12-03T03:00:00Z', at('05', '09:00')],
      '2026-12-03',
      2,
      [
        ['2026-12-02', 1],
        ['2026-12-05', 1],
      ],
    ],
  ])('%s', (_name, slots, day, count, expected) => {
    const days = nearestDaysWithSlots({ slots, day, timezone: NY, count });
    expect(days.map((d) => [d.date, d.slots.length])).toEqual(expected);
  });
});
