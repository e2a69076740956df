/**
 * Booking-sync throughput against HighLevel's real limit (the emulator's default 100 requests per
 * sliding 10 s per Location, 429 beyond). Two cases, each on a fresh server (embedded database,
 * in-process workers) and a fresh in-process emulator:
 *
 * 1. One Location backfilled with `BENCH_BACKFILL_BOOKINGS` booking events (default 5,000) over
 *    `BENCH_BACKFILL_CUSTOMERS` customers (default a fifth as many): first bookings, repeat
 *    bookings and, for every tenth repeat, the cancellation of the customer's latest booking.
 *    Does the sync keep the Location at its limit without a 429?
 * 2. The same with HighLevel answering each request in 150 ms, `BENCH_BACKFILL_SLOW_BOOKINGS`
 *    events (default 1,000): does the limit still hold with a real network's round trips?
 * 3. `BENCH_BACKFILL_LOCATIONS` workspaces (default 50), each its own Location, with
 *    `BENCH_BACKFILL_LOCATION_BOOKINGS` events each (default 100). Is the process (CPU, event
 *    loop) or the limit what bounds the sync?
 *
 * Each case first writes the backfill through `POST /v1/workspaces/:ws/bookings` with no worker
 * running, as `ghl-bridge backfill` does while an embedded-database server is stopped (it holds
 * the data directory), then starts the server with its workers on the same data and measures the
 * sync until every job is done or failed. HighLevel calls and 429s come from the emulator's
 * request log. At the real limit the first case takes about 100 s per 450 bookings (≈2.2 calls
 * per booking); `BENCH_BACKFILL_BOOKINGS=300` is a quick run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createEmulator,
  emulatorFetch,
  type Emulator,
  type RequestLogEntry,
} from '@ghl-bridge/emulator';
import { createRuntime, loadConfig, type Runtime } from '@ghl-bridge/server';
import pino from 'pino';
import { backlogEvents } from './bookingEvents.js';
import { envCount } from './env.js';
import type { Bench } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
/** HighLevel's burst window, as the emulator enforces it. */
const LIMIT = 100;
const WINDOW_MS = 10_000;
/** How often the sync-job counts are read. */
const POLL_MS = 1000;
const PROGRESS_MS = 30_000;
/** A HighLevel round trip as a server far from HighLevel sees it. */
const SLOW_HIGHLEVEL_MS = 150;

/**
 * The emulator's request log, collected as it grows: it keeps only its last 10,000 entries, fewer
 * than a 5,000-booking backfill makes. `read` takes the entries added since the last read.
 */
function requestLogCollector(emulator: Emulator) {
  const collected: RequestLogEntry[] = [];
  let last: RequestLogEntry | undefined;
  let dropped = false;
  return {
    collected,
    read() {
      const log = emulator.state.requests;
      const from = last === undefined ? 0 : log.lastIndexOf(last) + 1;
      if (from === 0 && last !== undefined && log.length > 0) dropped = true;
      for (let i = from; i < log.length; i++) collected.push(log[i]!);
      last = log.at(-1) ?? last;
    },
    assertComplete() {
      if (dropped)
        throw new Error('The emulator request log dropped entries before they were read');
    },
  };
}

/** One emulator and one data directory, shared by the servers started on them in turn. */
interface Lab {
  emulator: Emulator;
  dataDir: string;
  /** Every HighLevel request so far, from the emulator's log. */
  requests: RequestLogEntry[];
  /** Throws if the emulator's log dropped an entry before it was collected. */
  assertRequestsComplete(): void;
  fetch: typeof fetch;
}

/** A fresh emulator; `latencyMs` makes HighLevel take that long to answer every request. */
function createLab(latencyMs = 0): Lab {
  const emulator = createEmulator();
  if (latencyMs > 0) emulator.control.addFault({ latencyMs });
  const log = requestLogCollector(emulator);
  const toEmulator = emulatorFetch(emulator);
  return {
    emulator,
    dataDir: mkdtempSync(join(tmpdir(), 'ghlb-backfill-')),
    requests: log.collected,
    assertRequestsComplete: () => log.assertComplete(),
    // Read the log after every answer, so no entry can be dropped before it is collected.
    fetch: (input, init) => toEmulator(input, init).finally(() => log.read()),
  };
}

interface Server {
  runtime: Runtime;
  call(method: string, path: string, json?: unknown): Promise<Record<string, unknown>>;
}

/** The bridge on the lab's data directory, with or without its sync workers. */
async function startServer(lab: Lab, worker: boolean): Promise<Server> {
  const runtime = await createRuntime({
    config: loadConfig(
      { GHL_BRIDGE_ADMIN_TOKEN: ADMIN, GHL_API_BASE_URL: 'http://ghl.test' },
      { dataDir: lab.dataDir },
    ),
    fetch: lab.fetch,
    logger: pino({ level: 'silent' }),
    worker,
  });
  const app = runtime.app!;
  return {
    runtime,
    async call(method, path, json) {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    },
  };
}

/** A workspace connected to a new emulator Location. */
async function connectedWorkspace(lab: Lab, server: Server, name: string) {
  const { id } = (await server.call('POST', '/v1/workspaces', { name })) as { id: string };
  const { locationId, token } = lab.emulator.control.createLocation({ name });
  await server.call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
    apiKey: token,
    locationId,
  });
  return { id, locationId };
}

/** Prints a progress line to stderr at most every 30 s. */
function progressLine() {
  let printed = performance.now();
  return (line: () => string) => {
    if (performance.now() - printed < PROGRESS_MS) return;
    printed = performance.now();
    console.error(`backfill: ${line()}`);
  };
}

/** Sync jobs of the workspaces by status, read from the server's database. */
async function syncJobCounts(runtime: Runtime, workspaceIds: string[]) {
  const rows = await runtime.database.db
    .selectFrom('sync_jobs')
    .select(({ fn }) => ['status', fn.countAll().as('n')])
    .where('workspace_id', 'in', workspaceIds)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

async function untilSyncJobsFinish(lab: Lab, server: Server, workspaceIds: string[]) {
  const progress = progressLine();
  for (;;) {
    const counts = await syncJobCounts(server.runtime, workspaceIds);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const finished = (counts.done ?? 0) + (counts.failed ?? 0);
    if (finished === total) return;
    progress(
      () =>
        `${finished}/${total} sync jobs finished, ${lab.requests.length} HighLevel calls so far`,
    );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function bookingStates(runtime: Runtime, workspaceIds: string[]) {
  const rows = await runtime.database.db
    .selectFrom('bookings')
    .select(({ fn }) => ['sync_state', fn.countAll().as('n')])
    .where('workspace_id', 'in', workspaceIds)
    .groupBy('sync_state')
    .execute();
  const states = Object.fromEntries(rows.map((row) => [row.sync_state, Number(row.n)]));
  return { synced: states.synced ?? 0, failed: states.failed ?? 0 };
}

/**
 * Accepted requests per 10 s in the steady state: from a Location's first request of the run to
 * the one a whole number of bursts (100 requests) later. A Location held at its limit sends each
 * burst one window after the last, so this reads its sustained rate, with no partial burst at the
 * end; the emulator accepts no 101st request within 10 s, so it never exceeds the limit. With
 * 100 requests or fewer the limit never binds: they count over one window, or their span if
 * longer. Times are epoch ms, oldest first.
 */
function requestsPer10s(times: number[]): number {
  const whole = Math.floor((times.length - 1) / LIMIT) * LIMIT;
  if (whole === 0) {
    const span = times.length > 0 ? times.at(-1)! - times[0]! : 0;
    return (times.length / Math.max(WINDOW_MS, span)) * WINDOW_MS;
  }
  return (whole / (times[whole]! - times[0]!)) * WINDOW_MS;
}

function locationFigures(log: RequestLogEntry[], locationId: string) {
  const entries = log.filter((entry) => entry.locationId === locationId);
  const accepted = entries.filter((entry) => entry.status !== 429);
  return {
    calls: entries.length,
    tooMany: entries.length - accepted.length,
    perTenSeconds: requestsPer10s(accepted.map((entry) => Date.parse(entry.time))),
  };
}

/**
 * Posts every workspace's events, taking one from each in turn as concurrent apps would. Between
 * two posts the event loop gets a turn, as it would between two HTTP requests: in-process
 * requests alone would chain promises and hold back every timer.
 */
async function ingest(server: Server, workspaces: Array<{ id: string; events: unknown[] }>) {
  const progress = progressLine();
  const total = workspaces.reduce((sum, ws) => sum + ws.events.length, 0);
  const longest = Math.max(...workspaces.map((ws) => ws.events.length));
  let posted = 0;
  for (let i = 0; i < longest; i++) {
    for (const ws of workspaces) {
      const event = ws.events[i];
      if (event === undefined) continue;
      await server.call('POST', `/v1/workspaces/${ws.id}/bookings`, event);
      posted += 1;
      progress(() => `${posted}/${total} booking events posted`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Connects `locations` workspaces and posts `bookings` events to each, with no worker running. */
async function ingestBackfill(lab: Lab, locations: number, bookings: number, customers: number) {
  const server = await startServer(lab, false);
  try {
    const workspaces = [];
    for (let i = 0; i < locations; i++) {
      const ws = await connectedWorkspace(lab, server, `Bench Spa ${i + 1}`);
      workspaces.push({ ...ws, events: backlogEvents(ws.id, bookings, customers) });
    }
    const started = performance.now();
    await ingest(server, workspaces);
    return { workspaces, ingestMs: performance.now() - started };
  } finally {
    await server.runtime.stop();
  }
}

/** Starts the workers on the ingested backfill and measures until every sync job has finished. */
async function syncBackfill(lab: Lab, workspaceIds: string[]) {
  const firstRequest = lab.requests.length;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const server = await startServer(lab, true);
  try {
    await untilSyncJobsFinish(lab, server, workspaceIds);
    const wallMs = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    loopDelay.disable();
    lab.assertRequestsComplete();
    return {
      wallMs,
      cores: (user + system) / 1000 / wallMs,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      log: lab.requests.slice(firstRequest),
      states: await bookingStates(server.runtime, workspaceIds),
    };
  } finally {
    await server.runtime.stop();
  }
}

/** Backfills `locations` Locations with `bookings` events each: one table row. */
async function backfill(
  name: string,
  locations: number,
  bookings: number,
  customers: number,
  latencyMs = 0,
) {
  const lab = createLab(latencyMs);
  try {
    const { workspaces, ingestMs } = await ingestBackfill(lab, locations, bookings, customers);
    const run = await syncBackfill(
      lab,
      workspaces.map((ws) => ws.id),
    );
    const perLocation = workspaces.map((ws) => locationFigures(run.log, ws.locationId));
    const fractions = perLocation.map((figures) => figures.perTenSeconds / LIMIT);
    const meanFraction = fractions.reduce((a, b) => a + b, 0) / locations;
    const calls = perLocation.reduce((sum, figures) => sum + figures.calls, 0);
    return {
      case: name,
      Locations: locations,
      'HighLevel latency ms': latencyMs,
      'booking events': locations * bookings,
      'ingest s': ingestMs / 1000,
      'HighLevel calls': calls,
      'calls per booking': calls / (locations * bookings),
      'sync wall s': run.wallMs / 1000,
      'calls per s (all Locations)': calls / (run.wallMs / 1000),
      'requests per 10 s per Location (mean)': meanFraction * LIMIT,
      'fraction of limit (mean)': meanFraction,
      'fraction of limit (min)': Math.min(...fractions),
      '429s': perLocation.reduce((sum, figures) => sum + figures.tooMany, 0),
      'bookings synced': run.states.synced,
      'bookings failed': run.states.failed,
      'CPU (cores)': run.cores,
      'event-loop delay p99 ms': run.loopDelayP99Ms,
    };
  } finally {
    rmSync(lab.dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const bookings = envCount('BENCH_BACKFILL_BOOKINGS', 5000);
  const customers = envCount('BENCH_BACKFILL_CUSTOMERS', Math.max(1, Math.floor(bookings / 5)));
  const locations = envCount('BENCH_BACKFILL_LOCATIONS', 50);
  const perLocation = envCount('BENCH_BACKFILL_LOCATION_BOOKINGS', 100);
  const perLocationCustomers = Math.max(1, Math.floor(perLocation / 5));
  const single = await backfill(
    `1 Location, ${bookings} bookings over ${customers} customers`,
    1,
    bookings,
    customers,
  );
  const slowBookings = envCount('BENCH_BACKFILL_SLOW_BOOKINGS', 1000);
  const slow = await backfill(
    `1 Location, ${slowBookings} bookings, HighLevel answering in ${SLOW_HIGHLEVEL_MS} ms`,
    1,
    slowBookings,
    Math.max(1, Math.floor(slowBookings / 5)),
    SLOW_HIGHLEVEL_MS,
  );
  const many = await backfill(
    `${locations} Locations in parallel, ${perLocation} bookings each`,
    locations,
    perLocation,
    perLocationCustomers,
  );
  return {
    name: 'booking sync: backfill throughput at the real limit (emulator, 100 per 10 s)',
    rows: [single, slow, many],
    notes: [
      'Limit: the emulator default, 100 requests per sliding 10 s per Location; the client limiter keeps 100 per 10.25 s (0.976 of the limit) as its margin for network jitter. Target: 0.95 of the limit or more, and no 429.',
      'Requests per 10 s (steady state): per Location, accepted requests from its first HighLevel request of the sync to the request a whole number of 100-request bursts later, over the time between the two (arrival times at the emulator). A Location held at its limit sends each burst one window after the previous one, so this is its sustained rate without the partial burst at the end; it cannot exceed 100. A Location with 100 requests or fewer never meets the limit: its count over one 10 s window (or its span, if longer). Fraction of limit = requests per 10 s / 100.',
      'HighLevel latency: every request answered after that long (an emulator fault rule), as over a real network; the sync runs GHL_BRIDGE_SYNC_CONCURRENCY jobs at once (default 10), so waiting on HighLevel does not cost throughput.',
      'Ingest s: posting the events in-process with no worker running. Sync wall s: from starting the server with its workers to the last sync job done or failed. Calls per s: HighLevel calls over the sync wall time.',
      'HighLevel calls and 429s: the emulator request log for the Locations during the sync, collected after every HighLevel answer (the log itself keeps only its last 10,000 entries).',
      'Events: one first booking per customer, then repeat bookings; every tenth repeat is the cancellation (version 2) of the customer’s latest booking, so there are fewer bookings than events. Bookings synced and failed: the sync state of each booking’s latest version at the end.',
      'CPU (cores): process user + system CPU time over the sync wall time (1.0 = one core busy); the emulator, the bridge, its workers and the embedded database all share this one process, on a machine shared with other work. Event-loop delay: perf_hooks.monitorEventLoopDelay (10 ms resolution) during the sync; it includes every stretch the workers run on promises alone (the database and the emulator are in-process, so there is no I/O to yield on).',
      `Embedded database (PGlite), one process; ${process.version}. Sizes: BENCH_BACKFILL_BOOKINGS, BENCH_BACKFILL_CUSTOMERS, BENCH_BACKFILL_SLOW_BOOKINGS, BENCH_BACKFILL_LOCATIONS, BENCH_BACKFILL_LOCATION_BOOKINGS.`,
    ],
  };
};
export default bench;
