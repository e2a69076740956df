/**
 * The latency the voice-booking backend adds on top of HighLevel's own, per Vapi tool call.
 * The emulator runs in its own process on a real port (set up through its control API), so its
 * work never runs on the bridge's event loop. Every HighLevel request the bridge makes goes over
 * the network, timed by a recorder wrapped around the bridge's fetch; the emulator answers each
 * one after a 150 ms delay (a fault rule), so HighLevel's part is realistic and known. For one
 * tool call, posted to the real `POST /v1/workspaces/:ws/voice/vapi` in-process: wall = from sending the Vapi message to having its JSON answer; HighLevel = the
 * length of the union of the intervals of the requests that completed before the answer
 * (parallel requests count once); added = wall − HighLevel. Requests still running when the
 * answer left (the booking's note and tags) are counted as background calls and kept out of the
 * union. Tool calls run one at a time, each after the previous one's background work finished.
 * On the embedded database always; also on PostgreSQL when `BENCH_DATABASE_URL` names a server
 * the bench may create a database on (a fresh one per run, dropped after; as in production, the
 * rate limiter's budget then lives there too): `BENCH_DATABASE_URL=postgres://… npm run bench -- voice`.
 */
import { cpus } from 'node:os';
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { withEmulatorProcess, type EmulatorProcess } from './emulatorProcess.js';
import { onEachBackend, type Backend } from './freshDatabase.js';
import type { Bench } from './report.js';
import {
  QUIET_MS,
  UNLIMITED,
  VAPI_SECRET,
  ZONE,
  callerName,
  measure,
  percentile,
  startVoiceRuntime,
  vapi,
  weekdaysAhead,
  type Recorder,
  type Sample,
  type Send,
  type Slot,
  type ToolAnswer,
} from './voiceCalls.js';
import { loadAverages } from './processStats.js';

const HIGHLEVEL_LATENCY_MS = 150;
const CHECKS = 120;
const BOOKINGS = 100;
/**
 * A booking's follow-ups (note, tags) can leave a longer gap between two requests than
 * `QUIET_MS`: the note is looked for before it is written, and each request first takes a
 * rate-limit grant (from the database, on PostgreSQL), slow on a busy machine.
 */
const AFTER_BOOKING_QUIET_MS = 300;
const TARGET_P99_ADDED_MS = 10;
/** The settings' maximum, used only to collect slots to book (checks measured offer the default). */
const MOST_SLOTS_OFFERED = 10;

/** A Location with a Mon–Fri 09:00–17:00 calendar of 30-minute slots, and a calendar maker. */
async function voiceLocation(emulator: EmulatorProcess) {
  const { locationId, token } = await emulator.control<{ locationId: string; token: string }>(
    'POST',
    '/_emulator/locations',
    { name: 'Bench', timezone: ZONE },
  );
  const owner = await emulator.control<{ id: string }>(
    'POST',
    `/_emulator/locations/${locationId}/users`,
    { firstName: 'Olive', lastName: 'Owner' },
  );
  const calendar = async () => {
    const created = await emulator.control<{ id: string }>(
      'POST',
      `/_emulator/locations/${locationId}/calendars`,
      weekdayCalendar(owner.id),
    );
    return created.id;
  };
  return { locationId, token, calendar };
}

/** The voice settings pointing at `calendarId`: default working hours, no lead time. */
const voiceSettings = (calendarId: string, slotsToOffer?: number) => ({
  calendarId,
  timezone: ZONE,
  rules: { minLeadMinutes: 0 },
  ...(slotsToOffer ? { slotsToOffer } : {}),
  auth: { type: 'bearer', secret: VAPI_SECRET },
});

function row(backend: Backend, name: string, samples: Sample[]) {
  const all = (of: (s: Sample) => number) => samples.map(of);
  const sum = (of: (s: Sample) => number) => all(of).reduce((a, b) => a + b, 0);
  const median = (of: (s: Sample) => number) => percentile(all(of), 50);
  const added = all((s) => s.wallMs - s.highLevelMs);
  return {
    database: backend,
    case: name,
    n: samples.length,
    'p50 added ms': percentile(added, 50),
    'p99 added ms': percentile(added, 99),
    'p50 wall ms': median((s) => s.wallMs),
    'p50 HighLevel ms': median((s) => s.highLevelMs),
    'CPU ms (mean)': sum((s) => s.cpuMs) / samples.length,
    'HighLevel calls (mean)': sum((s) => s.calls) / samples.length,
    'HighLevel calls (max)': Math.max(...all((s) => s.calls)),
    'background calls (mean)': sum((s) => s.backgroundCalls) / samples.length,
    '429s': sum((s) => s.tooMany),
    'unexpected answers': samples.filter((s) => !s.expected).length,
  };
}
type Row = ReturnType<typeof row>;

/** Whether each figure meets the targets, in words. */
function targetNotes(rows: Row[]): string[] {
  const over = rows.filter((r) => r['p99 added ms'] >= TARGET_P99_ADDED_MS);
  const warm = rows.filter((r) => r.case.startsWith('check_availability warm'));
  const warmCalls = Math.max(...warm.map((r) => r['HighLevel calls (max)']));
  return [
    `Target p99 added < ${TARGET_P99_ADDED_MS} ms: ${
      over.length === 0
        ? 'met by every case'
        : `missed by ${over.map((r) => `${r.case} on ${r.database} (${r['p99 added ms'].toFixed(1)} ms)`).join(', ')}`
    }.`,
    `Target at most one HighLevel call for a warm availability check: ${
      warm.length > 0 && warmCalls <= 1 ? 'met' : 'missed'
    } (max ${warmCalls}).`,
  ];
}

interface Bridge {
  send: Send;
  recorder: Recorder;
  ws: string;
  /** Makes a new calendar on the Location and points the voice settings at it. */
  useNewCalendar(): Promise<string>;
  /** Points the voice settings at `calendarId`; `slotsToOffer` default the settings' own. */
  useCalendar(calendarId: string, slotsToOffer?: number): Promise<unknown>;
  stop(): Promise<void>;
}

/** The backends to run on: PostgreSQL only when BENCH_DATABASE_URL is set. */
/** The server on `databaseUrl` or the embedded database, a voice workspace connected to the emulator. */
async function startBridge(emulator: EmulatorProcess, databaseUrl?: string): Promise<Bridge> {
  const { send, recorder, stop } = await startVoiceRuntime(emulator, databaseUrl);
  try {
    const { id: ws } = (await send('POST', '/v1/workspaces', { name: 'Bench' })) as { id: string };
    const { locationId, token, calendar } = await voiceLocation(emulator);
    await send('PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
      apiKey: token,
      locationId,
    });
    const useCalendar = (id: string, slotsToOffer?: number) =>
      send('PUT', `/v1/workspaces/${ws}/voice`, voiceSettings(id, slotsToOffer));
    const useNewCalendar = async () => {
      const id = await calendar();
      await useCalendar(id);
      return id;
    };
    return { send, recorder, ws, useNewCalendar, useCalendar, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const offered = (a: ToolAnswer) => a.status === 'ok' && (a.slots?.length ?? 0) > 0;
const checkOf = (bridge: Bridge, date: string) => () =>
  vapi(bridge.send, bridge.ws, 'check_availability', { date }, { id: `check-${date}` });

/** Each sample on a new calendar: the first check (cold), then the same day again (warm). */
async function availabilityCases(bridge: Bridge, days: string[]) {
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < CHECKS; i++) {
    await bridge.useNewCalendar();
    const check = checkOf(bridge, days[i % days.length]!);
    cold.push((await measure(bridge.recorder, check, offered)).sample);
    warm.push((await measure(bridge.recorder, check, offered)).sample);
  }
  return { cold, warm };
}

/** Per caller: a booking, the same booking re-issued, and the caller's appointments. */
async function bookingCases(bridge: Bridge, pool: Slot[]) {
  const booked: Sample[] = [];
  const replayed: Sample[] = [];
  const found: Sample[] = [];
  const { send, ws, recorder } = bridge;
  for (let i = 0; i < Math.min(BOOKINGS, pool.length); i++) {
    const caller = { id: `bench-call-${i}`, number: `+1415555${String(1000 + i)}` };
    const args = { slotId: pool[i]!.id, name: callerName(i), email: `caller${i}@example.com` };
    const book = () => vapi(send, ws, 'book_appointment', args, caller);
    const isBooked = (a: ToolAnswer) => a.status === 'booked';
    const booking = await measure(recorder, book, isBooked, AFTER_BOOKING_QUIET_MS);
    const id = booking.answer.appointmentId;
    booked.push(booking.sample);
    const same = (a: ToolAnswer) => a.status === 'booked' && a.appointmentId === id;
    replayed.push((await measure(recorder, book, same)).sample);
    const find = () => vapi(send, ws, 'find_appointments', {}, caller);
    const listed = (a: ToolAnswer) =>
      a.status === 'ok' && (a.appointments ?? []).some((x) => x.id === id);
    found.push((await measure(recorder, find, listed)).sample);
  }
  return { booked, replayed, found };
}

/** Every case on one backend, a fresh emulator process and server. */
function casesOn(backend: Backend, databaseUrl?: string) {
  return withEmulatorProcess(
    UNLIMITED,
    (emulator) => startBridge(emulator, databaseUrl),
    (emulator, bridge) => casesWith(backend, emulator, bridge),
  );
}

async function casesWith(backend: Backend, emulator: EmulatorProcess, bridge: Bridge) {
  const mainCalendar = await bridge.useNewCalendar();
  await emulator.control('PUT', '/_emulator/faults', [{ latencyMs: HIGHLEVEL_LATENCY_MS }]);
  const days = weekdaysAhead();
  const first = (await measure(bridge.recorder, checkOf(bridge, days[0]!), offered)).sample;
  for (const day of days.slice(1, 5)) await checkOf(bridge, day)();

  const { cold, warm } = await availabilityCases(bridge, days);
  await bridge.useCalendar(mainCalendar, MOST_SLOTS_OFFERED);
  const pool: Slot[] = [];
  for (const day of days) pool.push(...((await checkOf(bridge, day)()).slots ?? []));
  await bridge.useCalendar(mainCalendar);
  const { booked, replayed, found } = await bookingCases(bridge, pool);
  const rows = [
    row(backend, 'check_availability cold (new calendar, nothing cached)', cold),
    row(backend, 'check_availability warm (same day again at once)', warm),
    row(backend, 'book_appointment (new caller, new contact, new slot)', booked),
    row(backend, 'book_appointment replayed (same call id and slot)', replayed),
    row(backend, 'find_appointments (by the calling number)', found),
  ];
  const firstAdded = first.wallMs - first.highLevelMs;
  const firstNote = `${backend}: ${first.wallMs.toFixed(0)} ms wall, ${firstAdded.toFixed(0)} ms added`;
  const rssNote = `${backend}: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`;
  return { rows, firstNote, rssNote };
}

const bench: Bench = async () => {
  const loadBefore = loadAverages();
  const runs = await onEachBackend('bench_voice', casesOn);
  const rows = runs.flatMap((run) => run.rows);
  return {
    name: `voice tool calls: latency added to HighLevel's (${HIGHLEVEL_LATENCY_MS} ms per request, emulator)`,
    rows,
    notes: [
      `The emulator in its own process on a real port (a fresh one per database, set up through its control API); every HighLevel request delayed ${HIGHLEVEL_LATENCY_MS} ms by its fault rule. Request intervals recorded by a fetch wrapped around the bridge's (Node's fetch, keep-alive, over 127.0.0.1), on performance.now().`,
      'wall: sending the Vapi message to POST /v1/workspaces/:ws/voice/vapi (app.request, in-process) until its JSON answer is read. HighLevel: the union of the intervals of the requests that completed before the answer. added = wall − HighLevel; percentiles are nearest-rank. CPU: this process (the bridge, PGlite when embedded, the bench’s own few lines) from sending to the answer, mean per tool call; PostgreSQL’s own CPU is not in it.',
      `Background calls: requests still running when the answer left (booking note and tags); not in the union. Each tool call starts after the previous one’s background work is done: no HighLevel request for ${QUIET_MS} ms (${AFTER_BOOKING_QUIET_MS} ms after a booking); a request that started before a tool call is not counted in it.`,
      `Voice settings: the calendar's Mon–Fri 09:00–17:00 as working hours, 30-minute slots, no buffers, no lead time, the default number of slots offered; each check asks for one weekday (by date) in the next four weeks. Cold: a new calendar per sample (settings re-pointed, untimed), so nothing the bridge keeps per calendar is there yet; warm: the same day again at once. The first check after start (process cold too) is not in the rows: ${runs.map((run) => run.firstNote).join('; ')}.`,
      'Rate limits raised on the emulator and on the bridge’s limiter, so nothing waits for the budget; the 429s column counts any HighLevel 429 anyway. On PostgreSQL the limiter keeps its budget in the database (shared by every process), so each HighLevel request also takes a database round trip, as in production.',
      ...targetNotes(rows),
      `Resident memory of this process (the bridge with its database when embedded, and the bench) at the end of each run: ${runs.map((run) => run.rssNote).join('; ')}; the ingest bench measures the server process alone.`,
      `Database: embedded PGlite in this process${process.env.BENCH_DATABASE_URL ? '; PostgreSQL: a fresh database on the server of BENCH_DATABASE_URL' : ' (set BENCH_DATABASE_URL to a PostgreSQL server to add PostgreSQL rows)'}. ${process.version}, ${cpus().length} CPUs, load average (1/5/15 min) ${loadBefore} before and ${loadAverages()} after: latencies taken on a busy machine are inflated by waiting for a core.`,
    ],
  };
};
export default bench;
