/**
 * What naming a team member and confirming by SMS cost a voice booking, side by side with a plain
 * booking in one run: the answer's latency (p50/p99, and added to the plain booking's), HighLevel
 * calls before the answer and in all (with the work left in the background), SMS sent per
 * booking, 429s, and, with confirmations on, the time from the answer until the SMS is recorded
 * as sent. Set up and measured as the voice bench does (voiceCalls.ts): the emulator in its own
 * process answering every HighLevel request after 150 ms, `book_appointment` posted to the real
 * Vapi route in-process, one tool call at a time, each after the previous one's background work.
 *
 * Each case has its own Location, calendar and workspace: a plain calendar (one owner), a
 * round-robin calendar of three (Ann Lee, Sam Ortiz, Kim Park) booked for "anyone" or for
 * "Dr. Lee", and the plain calendar with SMS confirmations on. Slot ids come from
 * `check_availability` with the same `provider`, as a call makes them; the booking passes the
 * `provider` again. The warm cases are measured in rounds (one booking of each per round, the
 * order turning), so a busy spell on the machine falls on all of them alike. The bridge keeps a
 * calendar and a member's name for 10 minutes (voice/team.ts); the bench runs the bridge on a
 * clock it can move forward to make that happen on purpose: before the rounds and every 5
 * minutes of them, the clock goes 10 minutes on and each case checks and books once, untimed, so
 * every timed warm booking finds its calendar and names read less than 10 minutes before. The cold cases
 * then move the clock 10 minutes on before each booking.
 *
 * `npm run bench -- voiceTeam`; `BENCH_VOICE_TEAM_BOOKINGS` (default 200) bookings per case;
 * `BENCH_DATABASE_URL=postgres://…` adds the PostgreSQL rows (a fresh database, dropped after).
 */
import { cpus } from 'node:os';
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { withEmulatorProcess, type EmulatorProcess } from './emulatorProcess.js';
import { onEachBackend, type Backend } from './freshDatabase.js';
import type { Bench } from './report.js';
import {
  UNLIMITED,
  VAPI_SECRET,
  ZONE,
  callerName,
  measure,
  percentile,
  startVoiceRuntime,
  vapi,
  weekdaysAhead,
  type Sample,
  type ToolAnswer,
  type VoiceRuntime,
} from './voiceCalls.js';
import { loadAverages } from './processStats.js';

const HIGHLEVEL_LATENCY_MS = 150;
const BOOKINGS = Number(process.env.BENCH_VOICE_TEAM_BOOKINGS ?? 200);
/** The note is looked for before it is written: a gap longer than the default quiet time. */
const AFTER_BOOKING_QUIET_MS = 300;
/** How long the bridge keeps a calendar and a member's name (voice/team.ts). */
const KEPT_MS = 10 * 60_000;
const REWARM_EVERY_MS = 5 * 60_000;
/** The settings' maximum, used only to collect slots to book. */
const MOST_SLOTS_OFFERED = 10;
const SMS_PATH = '/conversations/messages';
const TEAM = [
  { firstName: 'Ann', lastName: 'Lee' },
  { firstName: 'Sam', lastName: 'Ortiz' },
  { firstName: 'Kim', lastName: 'Park' },
];

interface Case {
  label: string;
  team: boolean;
  provider?: string;
  /** The member the answer must name, when one was asked for. */
  expectName?: string;
  sms: boolean;
  cold: boolean;
}

const BASELINE: Case = {
  label: '1. plain calendar (baseline)',
  team: false,
  sms: false,
  cold: false,
};
const WARM: Case[] = [
  BASELINE,
  { label: '2. round robin, "anyone"', team: true, provider: 'anyone', sms: false, cold: false },
  {
    label: '3. round robin, "Dr. Lee", warm cache',
    team: true,
    provider: 'Dr. Lee',
    expectName: 'Ann Lee',
    sms: false,
    cold: false,
  },
  { label: '5. plain calendar + SMS confirmation', team: false, sms: true, cold: false },
];
const COLD: Case[] = [
  {
    label: '4. round robin, "Dr. Lee", cold cache',
    team: true,
    provider: 'Dr. Lee',
    expectName: 'Ann Lee',
    sms: false,
    cold: true,
  },
  { label: '4b. plain calendar, cold cache', team: false, sms: false, cold: true },
];

/** The bridge's clock: the system's, plus whatever the bench moved it on by. */
function movableClock() {
  let ahead = 0;
  return { now: () => Date.now() + ahead, forward: (ms: number) => void (ahead += ms) };
}
type Clock = ReturnType<typeof movableClock>;

/** One case's workspace, the slot ids it books, and what its timed bookings measured. */
interface Desk {
  case: Case;
  ws: string;
  locationId: string;
  slotIds: string[];
  booked: number;
  samples: Sample[];
  sms: number[];
  /** Answer → SMS recorded as sent, ms, for each timed booking with a confirmation. */
  toSms: number[];
}

async function newLocation(emulator: EmulatorProcess, name: string) {
  return emulator.control<{ locationId: string; token: string }>('POST', '/_emulator/locations', {
    name,
    timezone: ZONE,
  });
}

/** The case's calendar: one owner's, or a round robin of the three members. */
async function calendarFor(emulator: EmulatorProcess, locationId: string, team: boolean) {
  const user = (body: object) =>
    emulator.control<{ id: string }>('POST', `/_emulator/locations/${locationId}/users`, body);
  const owners = team
    ? await Promise.all(TEAM.map(user))
    : [await user({ firstName: 'Olive', lastName: 'Owner' })];
  const body = team
    ? {
        ...weekdayCalendar(owners[0]!.id),
        name: 'Team',
        calendarType: 'round_robin',
        teamMembers: owners.map((o) => ({ userId: o.id })),
      }
    : weekdayCalendar(owners[0]!.id);
  const calendar = await emulator.control<{ id: string }>(
    'POST',
    `/_emulator/locations/${locationId}/calendars`,
    body,
  );
  return calendar.id;
}

const settingsFor = (c: Case, calendarId: string, slotsToOffer?: number) => ({
  calendarId,
  timezone: ZONE,
  rules: { minLeadMinutes: 0 },
  ...(slotsToOffer ? { slotsToOffer } : {}),
  ...(c.sms ? { confirmations: { channels: ['sms'] } } : {}),
  auth: { type: 'bearer', secret: VAPI_SECRET },
});

/** Every slot the case's checks offer in the next four weeks, morning and afternoon of each day. */
async function slotIdsOf(bridge: VoiceRuntime, ws: string, c: Case): Promise<string[]> {
  const ids: string[] = [];
  for (const day of weekdaysAhead()) {
    for (const [from, to] of [
      ['09:00', '13:00'],
      ['13:00', '17:00'],
    ]) {
      const args = {
        from: `${day}T${from}:00`,
        to: `${day}T${to}:00`,
        ...(c.provider ? { provider: c.provider } : {}),
      };
      const answer = await vapi(bridge.send, ws, 'check_availability', args, { id: `pool-${ws}` });
      ids.push(...(answer.slots ?? []).map((slot) => slot.id));
    }
  }
  return ids;
}

async function openDesk(bridge: VoiceRuntime, emulator: EmulatorProcess, c: Case): Promise<Desk> {
  const { locationId, token } = await newLocation(emulator, c.label);
  const calendarId = await calendarFor(emulator, locationId, c.team);
  const { id: ws } = (await bridge.send('POST', '/v1/workspaces', { name: c.label })) as {
    id: string;
  };
  await bridge.send('PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
    apiKey: token,
    locationId,
  });
  const voice = `/v1/workspaces/${ws}/voice`;
  await bridge.send('PUT', voice, settingsFor(c, calendarId, MOST_SLOTS_OFFERED));
  const slotIds = await slotIdsOf(bridge, ws, c);
  await bridge.send('PUT', voice, settingsFor(c, calendarId));
  return { case: c, ws, locationId, slotIds, booked: 0, samples: [], sms: [], toSms: [] };
}

const TEAM_NAMES = TEAM.map((m) => `${m.firstName} ${m.lastName}`);

function bookedAsAsked(c: Case) {
  return (a: ToolAnswer) =>
    a.status === 'booked' &&
    Boolean(a.appointmentId) &&
    (c.expectName
      ? a.provider?.name === c.expectName
      : !c.team || TEAM_NAMES.includes(a.provider?.name ?? ''));
}

interface Confirmation {
  status: string;
  sentAt: string | null;
}

/** The booking's confirmation once it is settled (sent, failed or skipped), if it has one. */
async function settledConfirmation(bridge: VoiceRuntime, desk: Desk, appointmentId: string) {
  const path = `/v1/workspaces/${desk.ws}/voice/confirmations?appointmentId=${appointmentId}`;
  for (let tries = 0; tries < 200; tries++) {
    const { confirmations = [] } = (await bridge.send('GET', path)) as {
      confirmations?: Confirmation[];
    };
    const [row] = confirmations;
    if (row && !['sending', 'waiting'].includes(row.status)) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return undefined;
}

/** Books the desk's next slot as a new caller; timed, it adds a sample. */
async function book(bridge: VoiceRuntime, clock: Clock, desk: Desk, timed: boolean) {
  const i = desk.booked++;
  const slotId = desk.slotIds[i];
  if (!slotId) throw new Error(`${desk.case.label}: no slot left to book (${i} booked)`);
  const c = desk.case;
  const args = {
    slotId,
    name: callerName(i),
    email: `caller${i}@example.com`,
    ...(c.provider ? { provider: c.provider } : {}),
  };
  const call = { id: `team-call-${i}`, number: `+1415555${String(1000 + i)}` };
  const send = () => vapi(bridge.send, desk.ws, 'book_appointment', args, call);
  const { sample, answer, answeredAt, mine } = await measure(
    bridge.recorder,
    send,
    bookedAsAsked(c),
    AFTER_BOOKING_QUIET_MS,
  );
  if (!timed) return;
  const sms = mine.filter((e) => e.method === 'POST' && e.path === SMS_PATH && e.status < 300);
  desk.sms.push(sms.length);
  if (c.sms && answer.appointmentId) {
    // The row's sentAt is on the bridge's clock, which may be ahead of the system's.
    const answeredOnBridge = answeredAt + (clock.now() - Date.now());
    const row = await settledConfirmation(bridge, desk, answer.appointmentId);
    if (row?.status === 'sent' && row.sentAt) {
      desk.toSms.push(Date.parse(row.sentAt) - answeredOnBridge);
    } else {
      sample.expected = false;
    }
  }
  desk.samples.push(sample);
}

/**
 * Moves the clock past every kept calendar and name, then each warm case does what a call does,
 * untimed: a check with its provider (a team's names are read there), and a booking.
 */
async function rewarm(bridge: VoiceRuntime, clock: Clock, desks: Desk[]) {
  clock.forward(KEPT_MS + 1_000);
  const [day] = weekdaysAhead();
  for (const desk of desks) {
    const args = { date: day, ...(desk.case.provider ? { provider: desk.case.provider } : {}) };
    await vapi(bridge.send, desk.ws, 'check_availability', args, { id: `rewarm-${desk.ws}` });
    await book(bridge, clock, desk, false);
  }
}

/** The warm cases, one booking each per round, in turning order. */
async function warmRounds(bridge: VoiceRuntime, clock: Clock, desks: Desk[]) {
  await rewarm(bridge, clock, desks);
  let warmedAt = clock.now();
  for (let round = 0; round < BOOKINGS; round++) {
    if (clock.now() - warmedAt >= REWARM_EVERY_MS) {
      await rewarm(bridge, clock, desks);
      warmedAt = clock.now();
    }
    for (let k = 0; k < desks.length; k++) {
      await book(bridge, clock, desks[(round + k) % desks.length]!, true);
    }
  }
}

/** The cold cases: before each booking the clock moves past every kept calendar and name. */
async function coldRounds(bridge: VoiceRuntime, clock: Clock, desks: Desk[]) {
  for (let round = 0; round < BOOKINGS; round++) {
    for (const desk of desks) {
      clock.forward(KEPT_MS + 1_000);
      await book(bridge, clock, desk, true);
    }
  }
}

function row(backend: Backend, desk: Desk, baseline: Desk) {
  const wall = (d: Desk) => d.samples.map((s) => s.wallMs);
  const p = (values: number[], q: number) => percentile(values, q);
  const mean = (of: (s: Sample) => number) =>
    desk.samples.reduce((sum, s) => sum + of(s), 0) / desk.samples.length;
  const own = desk.samples.map((s) => s.wallMs - s.highLevelMs);
  const sms = desk.sms.reduce((a, b) => a + b, 0) / desk.sms.length;
  const toSms = (q: number) => (desk.toSms.length ? p(desk.toSms, q) : '–');
  return {
    database: backend,
    case: desk.case.label,
    n: desk.samples.length,
    'answer p50 ms': p(wall(desk), 50),
    'answer p99 ms': p(wall(desk), 99),
    'vs baseline p50 ms': p(wall(desk), 50) - p(wall(baseline), 50),
    'vs baseline p99 ms': p(wall(desk), 99) - p(wall(baseline), 99),
    'bridge’s own p50 / p99 ms': `${p(own, 50).toFixed(1)} / ${p(own, 99).toFixed(1)}`,
    'CPU ms (mean)': mean((s) => s.cpuMs),
    'HighLevel calls before answer (mean)': mean((s) => s.calls).toFixed(2),
    'HighLevel calls in all (mean)': mean((s) => s.calls + s.backgroundCalls).toFixed(2),
    'SMS per booking': sms.toFixed(2),
    '429s': desk.samples.reduce((sum, s) => sum + s.tooMany, 0),
    'answer → SMS sent p50 ms': toSms(50),
    'answer → SMS sent p99 ms': toSms(99),
    'unexpected answers': desk.samples.filter((s) => !s.expected).length,
  };
}

/** SMS the emulator stored for the desk's Location: every booking's, the untimed ones too. */
async function smsStored(emulator: EmulatorProcess, desk: Desk): Promise<number> {
  const state = await emulator.control<{ messages: Record<string, { messageType: string }> }>(
    'GET',
    `/_emulator/locations/${desk.locationId}/state`,
  );
  return Object.values(state.messages).filter((m) => m.messageType === 'TYPE_SMS').length;
}

function casesOn(backend: Backend, databaseUrl?: string) {
  const clock = movableClock();
  // The Locations' reconciliation polls are HighLevel requests no booking makes.
  const env = { GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0' };
  return withEmulatorProcess(
    UNLIMITED,
    (emulator) => startVoiceRuntime(emulator, databaseUrl, { clock, env }),
    (emulator, bridge) => casesWith(backend, clock, emulator, bridge),
  );
}

async function casesWith(
  backend: Backend,
  clock: Clock,
  emulator: EmulatorProcess,
  bridge: VoiceRuntime,
) {
  const warm: Desk[] = [];
  for (const c of WARM) warm.push(await openDesk(bridge, emulator, c));
  const cold: Desk[] = [];
  for (const c of COLD) cold.push(await openDesk(bridge, emulator, c));
  await emulator.control('PUT', '/_emulator/faults', [{ latencyMs: HIGHLEVEL_LATENCY_MS }]);
  await warmRounds(bridge, clock, warm);
  await coldRounds(bridge, clock, cold);
  const baseline = warm[0]!;
  const rows = [...warm, ...cold]
    .sort((a, b) => a.case.label.localeCompare(b.case.label))
    .map((desk) => row(backend, desk, baseline));
  const smsNotes = [];
  for (const desk of [...warm, ...cold]) {
    smsNotes.push(`${desk.case.label}: ${await smsStored(emulator, desk)} for ${desk.booked}`);
  }
  return { rows, smsNote: `${backend}: ${smsNotes.join('; ')}` };
}

const bench: Bench = async () => {
  const loadBefore = loadAverages();
  const runs = await onEachBackend('bench_voice_team', casesOn);
  return {
    name: `voice bookings on team calendars and with SMS confirmations (${BOOKINGS} per case, HighLevel ${HIGHLEVEL_LATENCY_MS} ms per request, emulator)`,
    rows: runs.flatMap((run) => run.rows),
    notes: [
      `The emulator in its own process on a real port, every HighLevel request delayed ${HIGHLEVEL_LATENCY_MS} ms by its fault rule; the bridge in this process, book_appointment posted to POST /v1/workspaces/:ws/voice/vapi in-process, request intervals recorded by a fetch wrapped around the bridge's (as in the voice bench).`,
      'answer: sending the Vapi message until its JSON answer is read; percentiles nearest-rank; vs baseline: the same percentile minus case 1’s. bridge’s own: answer minus the union of the HighLevel requests that completed before it. HighLevel calls before answer: requests completed before the answer; in all: with those still running or started after it (note, tags, the confirmation’s contact read and SMS), up to 300 ms with no request in flight.',
      'Each case its own Location, calendar and workspace. Team: a round-robin calendar of Ann Lee, Sam Ortiz and Kim Park; "Dr. Lee" must be answered as Ann Lee, "anyone" as one of the three. Slot ids from check_availability with the same provider (untimed); the booking passes the provider again, and the member comes from the slot id.',
      `Warm (1, 2, 3, 5): ${BOOKINGS} rounds of one booking per case, the order turning each round. The bridge keeps a calendar and a member's name 10 minutes (voice/team.ts) on its clock, which the bench moves: before the rounds and after every 5 minutes of them, 10 minutes on, then per case an untimed check (with its provider) and booking, so no timed warm booking finds its calendar or names out of date. Cold (4, 4b): afterwards, ${BOOKINGS} rounds, the clock 10 minutes on before each booking: the calendar and the member's name are read again, as on the first call of a process or after 10 quiet minutes.`,
      'SMS per booking: HighLevel sends of POST /conversations/messages answered 2xx during the booking and its background work. answer → SMS sent: the confirmation row’s sentAt (GET /v1/workspaces/:ws/voice/confirmations, stamped when HighLevel accepted the SMS, then stored) minus the time of the answer; a booking whose row is not sent counts as unexpected.',
      `SMS the emulator stored per Location, untimed bookings included: ${runs.map((run) => run.smsNote).join(' | ')}.`,
      `Rate limits raised on the emulator and on the bridge's limiter; the 429s column counts any HighLevel 429 anyway. Database: embedded PGlite in this process${process.env.BENCH_DATABASE_URL ? '; PostgreSQL: a fresh database on the server of BENCH_DATABASE_URL' : ' (set BENCH_DATABASE_URL for PostgreSQL rows)'}. ${process.version}, ${cpus().length} CPUs, load average (1/5/15 min) ${loadBefore} before and ${loadAverages()} after: latencies taken on a busy machine are inflated by waiting for a core; the calls counts are not.`,
    ],
  };
};
export default bench;
