/**
 * Voice availability and booking on the days the clocks change, end to end: HTTP and Vapi tool
 * calls in, the emulator's free slots and appointments out, in New York and Berlin (whose changes
 * fall on different Sundays, so for a few weeks a year the two are 5 hours apart, not 6). The
 * pure rules are unit-tested in voice/availability.test.ts; here is what a caller hears and books.
 * The bridge and the emulator share one clock, set to mid-January 2027 before each test, so the
 * changes asked about are always the same days (`nextClockChange` from that date) and ahead.
 */
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import {
  NY,
  nextClockChange,
  toolCall,
  vapi,
  voiceWorkspaceIn,
  type Result,
  type Slot,
  type ZonedVoice,
} from '../../../test/voice.js';

const BERLIN = 'Europe/Berlin';
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const OFFICE_HOURS = {
  maxDaysAhead: 365,
  workingHours: [{ days: EVERY_DAY, start: '09:00', end: '17:00' }],
};
/** HighLevel's calendar hours around the working hours: the rules, not HighLevel, cut at 9 and 5. */
const EARLY_TO_LATE = [6, 20] as const;
const AROUND_THE_CLOCK = {
  maxDaysAhead: 365,
  workingHours: [{ days: EVERY_DAY, start: '00:00', end: '24:00' }],
};

/** Each zone's UTC offsets before and after each change, and the local hour skipped or repeated. */
const ZONES = [
  {
    zone: NY,
    forward: ['-05:00', '-04:00'],
    back: ['-04:00', '-05:00'],
    skippedHour: '02',
    repeatedHour: '01',
  },
  {
    zone: BERLIN,
    forward: ['+01:00', '+02:00'],
    back: ['+02:00', '+01:00'],
    skippedHour: '02',
    repeatedHour: '02',
  },
] as const;

/** "HH:mm" every half hour of a 24-hour day. */
const HALF_HOURS = Array.from({ length: 48 }, (_, i) =>
  DateTime.fromObject({ hour: Math.floor(i / 2), minute: (i % 2) * 30 }).toFormat('HH:mm'),
);
const OFFICE_HALF_HOURS = HALF_HOURS.slice(18, 34);
const OFFICE_LABELS = [
  ...['9 AM', '9:30 AM', '10 AM', '10:30 AM', '11 AM', '11:30 AM', '12 PM', '12:30 PM'],
  ...['1 PM', '1:30 PM', '2 PM', '2:30 PM', '3 PM', '3:30 PM', '4 PM', '4:30 PM'],
];

/**
 * Every slot offered in [from, to) through `GET /availability`, asked in 5-hour windows: at most
 * 10 half-hour slots each, all of which a 10-slot answer offers.
 */
async function everySlot(
  server: TestServer,
  voice: ZonedVoice,
  from: DateTime,
  to: DateTime,
  timezone: string = voice.timezone,
): Promise<Slot[]> {
  const windows: DateTime[] = [];
  for (let start = from; start < to; start = start.plus({ hours: 5 })) windows.push(start);
  const answers = await Promise.all(
    windows.map(async (start) => {
      const end = DateTime.min(start.plus({ hours: 5 }), to);
      const query = new URLSearchParams({
        from: start.toUTC().toISO()!,
        to: end.toUTC().toISO()!,
        timezone,
      });
      const res = await server.call(
        'GET',
        `/v1/workspaces/${voice.ws}/availability?${query.toString()}`,
      );
      expect(res.status).toBe(200);
      return res.body as unknown as Result;
    }),
  );
  return answers.flatMap((answer) => (answer.status === 'ok' ? answer.slots! : []));
}

/** The hours the calendar is open (`EARLY_TO_LATE`) on a local date, as instants. */
const openOn = (date: string, zone: string): [DateTime, DateTime] => {
  const [open, close] = EARLY_TO_LATE.map((hour) => DateTime.fromISO(date, { zone }).set({ hour }));
  return [open!, close!];
};
/** The wall-clock time as HighLevel wrote it in the slot, e.g. "09:30" (no conversion). */
const writtenClock = (slot: Slot) => slot.start.slice(11, 16);
const writtenOffset = (slot: Slot) => slot.start.slice(-6);
/** What the caller hears after the day, e.g. "9:30 AM". */
const spokenClock = (slot: Slot) => slot.label.split(' at ')[1];
const repeat = (count: number, value: string) => Array.from({ length: count }, () => value);
/** Real minutes between consecutive slots. */
const minutesBetween = (slots: Slot[]) =>
  slots.slice(1).map((slot, i) => (Date.parse(slot.start) - Date.parse(slots[i]!.start)) / 60_000);
const spokenDay = (date: string) =>
  DateTime.fromISO(date).toFormat('cccc, LLLL d', { locale: 'en-US' });
const appointmentAt = (server: TestServer, voice: ZonedVoice, id: string | undefined) =>
  server.emulator.control.locationState(voice.locationId).appointments.find((a) => a.id === id);

/** "Now" for both the bridge and HighLevel: the next changes are in March and October/November. */
const NOW = '2027-01-15T12:00:00Z';

describeOnBackends(
  'voice availability and booking on the days clocks change',
  (server) => {
    beforeEach(() => server().emulator.control.setClock(NOW));
    for (const { zone, skippedHour, repeatedHour, ...offsets } of ZONES) {
      describe(zone, () => {
        for (const change of ['forward', 'back'] as const) {
          it(`offers 9 AM to 4:30 PM local both the day before and the day the clocks go ${change}`, async () => {
            const day = nextClockChange(zone, change, new Date(NOW));
            const dayBefore = DateTime.fromISO(day, { zone }).minus({ days: 1 }).toISODate()!;
            const voice = await voiceWorkspaceIn(server(), zone, OFFICE_HOURS, {
              dates: [dayBefore, day],
              hours: EARLY_TO_LATE,
            });
            const [before, after] = offsets[change];
            for (const [date, offset] of [
              [dayBefore, before],
              [day, after],
            ] as const) {
              const slots = await everySlot(server(), voice, ...openOn(date, zone));
              expect(slots.map(writtenClock)).toEqual(OFFICE_HALF_HOURS);
              expect(slots.map(writtenOffset)).toEqual(repeat(16, offset));
              // The instants are 09:00 … 16:30 on that day's own wall clock.
              expect(slots.map((slot) => Date.parse(slot.start))).toEqual(
                OFFICE_HALF_HOURS.map((hhmm) =>
                  DateTime.fromISO(`${date}T${hhmm}`, { zone }).toMillis(),
                ),
              );
              expect(slots.map(spokenClock)).toEqual(OFFICE_LABELS);
              for (const slot of slots) {
                expect(slot.label).toMatch(new RegExp(`^${spokenDay(date)}(, \\d{4})? at `));
              }
            }
          });
        }

        it('offers no slot in the hour skipped when clocks go forward, around the clock', async () => {
          const day = nextClockChange(zone, 'forward', new Date(NOW));
          const voice = await voiceWorkspaceIn(server(), zone, AROUND_THE_CLOCK, { dates: [day] });
          const midnight = DateTime.fromISO(day, { zone });
          const slots = await everySlot(server(), voice, midnight, midnight.plus({ days: 1 }));
          // A 23-hour day: every half hour but the skipped ones, 30 real minutes apart throughout.
          expect(slots.map(writtenClock)).toEqual(
            HALF_HOURS.filter((hhmm) => !hhmm.startsWith(`${skippedHour}:`)),
          );
          expect(minutesBetween(slots)).toEqual(Array(45).fill(30));
          const [before, after] = offsets.forward;
          const firstAfter = slots.findIndex((slot) => writtenOffset(slot) === after);
          expect(slots.map(writtenOffset)).toEqual([
            ...repeat(firstAfter, before),
            ...repeat(46 - firstAfter, after),
          ]);
          const skipped = Number(skippedHour);
          expect(slots.slice(firstAfter - 1, firstAfter + 1).map(spokenClock)).toEqual([
            `${skipped - 1}:30 AM`,
            `${skipped + 1} AM`,
          ]);
          expect(slots.map(spokenClock)).not.toContain(`${skipped} AM`);
          expect(slots.map(spokenClock)).not.toContain(`${skipped}:30 AM`);
        });

        it('offers the repeated hour twice, at distinct instants, when clocks go back', async () => {
          const day = nextClockChange(zone, 'back', new Date(NOW));
          const voice = await voiceWorkspaceIn(server(), zone, AROUND_THE_CLOCK, { dates: [day] });
          const midnight = DateTime.fromISO(day, { zone });
          const slots = await everySlot(server(), voice, midnight, midnight.plus({ days: 1 }));
          // A 25-hour day: 50 slots 30 real minutes apart, none lost and none doubled.
          const repeated = [`${repeatedHour}:00`, `${repeatedHour}:30`];
          const at = HALF_HOURS.indexOf(repeated[0]!);
          expect(slots.map(writtenClock)).toEqual([
            ...HALF_HOURS.slice(0, at + 2),
            ...repeated,
            ...HALF_HOURS.slice(at + 2),
          ]);
          expect(minutesBetween(slots)).toEqual(Array(49).fill(30));
          const twice = slots.filter((slot) => repeated.includes(writtenClock(slot)));
          expect(twice.map(writtenOffset)).toEqual([...offsets.back.map((o) => [o, o])].flat());
          // Each says its wall-clock time, and no two say the same: the caller can tell them apart.
          expect(new Set(twice.map((slot) => slot.label)).size).toBe(4);
          const hour = Number(repeatedHour);
          expect(twice.map(spokenClock)).toEqual(
            [`${hour} AM`, `${hour}:30 AM`, `${hour} AM`, `${hour}:30 AM`].map((clock): unknown =>
              expect.stringMatching(new RegExp(`^${clock}`)),
            ),
          );
        });

        it('books on the change days at the instant the caller chose', async () => {
          const forward = nextClockChange(zone, 'forward', new Date(NOW));
          const back = nextClockChange(zone, 'back', new Date(NOW));
          const voice = await voiceWorkspaceIn(server(), zone, AROUND_THE_CLOCK, {
            dates: [forward, back],
          });
          const wallClock = (date: string, hhmm: string) =>
            DateTime.fromISO(`${date}T${hhmm}`, { zone }).toMillis();

          // The first slot after the skipped hour, by the id check_availability gave it.
          const midnight = DateTime.fromISO(forward, { zone });
          const night = await everySlot(server(), voice, midnight, midnight.plus({ hours: 4 }));
          const hourAfterGap = String(Number(skippedHour) + 1).padStart(2, '0');
          const firstAfterGap = night.find((slot) => writtenClock(slot) === `${hourAfterGap}:00`);
          expect(firstAfterGap).toBeDefined();
          const bySlot = await vapi(server(), voice, [
            toolCall('book_appointment', {
              slotId: firstAfterGap!.id,
              name: 'Ada Lovelace',
              email: 'ada@example.com',
            }),
          ]);
          expect(bySlot.parsed[0]).toMatchObject({ status: 'booked', start: firstAfterGap!.start });
          expect(bySlot.parsed[0]!.message).toMatch(
            new RegExp(` at ${Number(hourAfterGap)} AM\\.$`),
          );
          expect(appointmentAt(server(), voice, bySlot.parsed[0]!.appointmentId)?.startTime).toBe(
            wallClock(forward, `${hourAfterGap}:00`),
          );

          // A time said without an offset is the workspace's wall clock on that day.
          const byTime = await vapi(server(), voice, [
            toolCall('book_appointment', {
              startTime: `${forward}T09:00`,
              name: 'Alan Turing',
              email: 'alan@example.com',
            }),
          ]);
          expect(byTime.parsed[0]!.status).toBe('booked');
          expect(byTime.parsed[0]!.message).toMatch(/ at 9 AM\.$/);
          expect(appointmentAt(server(), voice, byTime.parsed[0]!.appointmentId)?.startTime).toBe(
            wallClock(forward, '09:00'),
          );

          // The second of the repeated half hours, named by its offset, through the REST API.
          const [first, second] = offsets.back;
          const later = `${back}T${repeatedHour}:30:00${second}`;
          const rest = await server().call('POST', `/v1/workspaces/${voice.ws}/appointments`, {
            json: { startTime: later, name: 'Grace Hopper', email: 'grace@example.com' },
            headers: { 'idempotency-key': `dst-${zone}` },
          });
          expect(rest.status).toBe(201);
          const booked = rest.body as unknown as Result;
          expect(booked.start).toBe(later);
          const earlier = `${back}T${repeatedHour}:30:00${first}`;
          expect(appointmentAt(server(), voice, booked.appointmentId)?.startTime).toBe(
            Date.parse(later),
          );
          expect(Date.parse(later) - Date.parse(earlier)).toBe(60 * 60_000);
          // The first one, an hour earlier on the real clock, is still free.
          const backMidnight = DateTime.fromISO(back, { zone });
          const stillOffered = (
            await everySlot(server(), voice, backMidnight, backMidnight.plus({ hours: 4 }))
          ).map((slot) => slot.start);
          expect(stillOffered).toContain(earlier);
          expect(stillOffered).not.toContain(later);
        });
      });
    }

    it('labels a New York spring-forward day for a Berlin caller, 5 hours apart, not 6', async () => {
      const day = nextClockChange(NY, 'forward', new Date(NOW));
      const voice = await voiceWorkspaceIn(server(), NY, OFFICE_HOURS, {
        dates: [day],
        hours: EARLY_TO_LATE,
      });
      const [inNewYork, inBerlin] = await Promise.all([
        everySlot(server(), voice, ...openOn(day, NY), NY),
        everySlot(server(), voice, ...openOn(day, NY), BERLIN),
      ]);
      expect(inBerlin.map((slot) => Date.parse(slot.start))).toEqual(
        inNewYork.map((slot) => Date.parse(slot.start)),
      );
      expect(inNewYork.map(writtenOffset)).toEqual(repeat(16, '-04:00'));
      // Berlin changes 1 to 3 weeks later: still +01:00, so 9 AM in New York is 2 PM there.
      expect(inBerlin.map(writtenOffset)).toEqual(repeat(16, '+01:00'));
      expect(inBerlin.map(spokenClock)).toEqual([
        ...['2 PM', '2:30 PM', '3 PM', '3:30 PM', '4 PM', '4:30 PM', '5 PM', '5:30 PM'],
        ...['6 PM', '6:30 PM', '7 PM', '7:30 PM', '8 PM', '8:30 PM', '9 PM', '9:30 PM'],
      ]);
      for (const slot of inBerlin)
        expect(slot.label).toMatch(new RegExp(`^${spokenDay(day)}(, \\d{4})? at `));
    });

    it('offers a Berlin fall-back day to a New York caller in New York time, and books it', async () => {
      const day = nextClockChange(BERLIN, 'back', new Date(NOW));
      const voice = await voiceWorkspaceIn(server(), BERLIN, OFFICE_HOURS, {
        dates: [day],
        hours: EARLY_TO_LATE,
      });
      const { parsed } = await vapi(server(), voice, [
        toolCall('check_availability', { date: day, timezone: NY }),
      ]);
      const offer = parsed[0]!;
      expect(offer.status).toBe('ok');
      // New York is still on summer time: 9 AM in Berlin (+01:00 after the change) is 4 AM there.
      expect(offer.message).toMatch(new RegExp(`^I have ${spokenDay(day)}(, \\d{4})? at 4 AM, `));
      expect(offer.slots!.map(spokenClock).at(-1)).toBe('11:30 AM');
      expect(offer.slots!.map(writtenOffset)).toEqual(repeat(offer.slots!.length, '-04:00'));
      const nine = DateTime.fromISO(`${day}T09:00`, { zone: BERLIN });
      expect(Date.parse(offer.slots![0]!.start)).toBe(nine.toMillis());

      const booked = await vapi(server(), voice, [
        toolCall('book_appointment', {
          slotId: offer.slots![0]!.id,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
        }),
      ]);
      expect(booked.parsed[0]!.status).toBe('booked');
      expect(appointmentAt(server(), voice, booked.parsed[0]!.appointmentId)?.startTime).toBe(
        nine.toMillis(),
      );
      // The confirmation names the time the caller chose, on the caller's clock.
      expect(booked.parsed[0]!.message).toMatch(/ at 4 AM\.$/);
    });
  },
  { sharedClock: true },
);
