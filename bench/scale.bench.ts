/**
 * Scale-out at HighLevel's limit: many Locations on PostgreSQL, the emulator in its own process
 * on a real port, `ghl-bridge start --no-worker` for the HTTP API and `BENCH_SCALE_WORKERS`
 * (default 2) `ghl-bridge worker` processes, all from the sources. Can the bridge keep every
 * Location at its 100 requests per 10 s without a 429, and what does each HighLevel call cost in
 * the bridge's CPU, PostgreSQL's CPU and SQL statements?
 *
 * Per case: a fresh database on a throwaway PostgreSQL cluster with `pg_stat_statements`, fresh
 * processes, `BENCH_SCALE_LOCATIONS` workspaces (default 50; a second case has 1) each connected
 * to its own emulator Location, and `BENCH_SCALE_BOOKINGS` booking events each (default 60) over
 * a fifth as many customers. The workers are paused (SIGSTOP) while the events are posted over
 * HTTP, so every Location starts with its backlog queued, as after a backfill or an outage; the
 * sync is measured from their SIGCONT until every sync job is done or failed.
 *
 * `BENCH_SCALE_CONCURRENCY` sets GHL_BRIDGE_SYNC_CONCURRENCY in the workers (default the
 * bridge's own); `BENCH_SCALE_CPU_PROF=<dir>` writes each bridge process's V8 CPU profile there
 * (the paused seconds of a worker land on whatever frame it was stopped in: leave them out);
 * `BENCH_SCALE_STATEMENTS=<n>` lists the n most frequent statements of each case;
 * `BENCH_SCALE_ONE_LOCATION=0` leaves out the 1-Location case.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { backlogEvents } from './bookingEvents.js';
import { envCount } from './env.js';
import { COMMANDS, spawnCommand, type Child } from './childProcess.js';
import { emulatorLog } from './emulatorLog.js';
import { locationFigures, median } from './limitFigures.js';
import {
  postgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from '../packages/server/test/postgresCluster.js';
import { cpuMs, rssMb, treeCpuMs, treePssMb } from './processStats.js';
import type { Bench, BenchReport } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const OBSERVER = 'bench_observer';
/** Booking events in flight at once while posting the backlog. */
const POSTERS = 8;
const POLL_MS = 500;
/** How long CPU is measured at rest, before the backlog. */
const IDLE_MS = 10_000;
const SYNC_TIMEOUT_MS = 20 * 60_000;

/** Busy and total CPU time of the whole machine (every process, others' included), in ticks. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const values = cpu.map(Number);
  const idle = values[3]! + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

interface Processes {
  emulator: Child;
  server: Child;
  workers: Child[];
  emulatorUrl: string;
  apiUrl: string;
}

async function startProcesses(databaseUrl: string, workers: number): Promise<Processes> {
  const profileDir = process.env.BENCH_SCALE_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const emulator = spawnCommand('emulator', COMMANDS.emulator, ['--port', '0'], {});
  const [, emulatorUrl] = (await emulator.waitFor(/listening on (http:\/\/\S+)/)) as string[];
  const env = {
    DATABASE_URL: databaseUrl,
    GHL_BRIDGE_SECRET_KEY: randomBytes(32).toString('base64'),
    GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
    GHL_API_BASE_URL: emulatorUrl!,
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_SCALE_CONCURRENCY
      ? { GHL_BRIDGE_SYNC_CONCURRENCY: process.env.BENCH_SCALE_CONCURRENCY }
      : {}),
  };
  // The server first: it migrates the database before any worker opens it.
  const server = spawnCommand(
    'server',
    COMMANDS.bridge,
    ['start', '--no-worker', '--port', '0', '--host', '127.0.0.1'],
    env,
    nodeArgs,
  );
  const [, apiUrl] = (await server.waitFor(/API\s+(http:\/\/\S+)\/v1/)) as string[];
  const started = Array.from({ length: workers }, (_, i) =>
    spawnCommand(`worker ${i + 1}`, COMMANDS.bridge, ['worker'], env, nodeArgs),
  );
  await Promise.all(started.map((w) => w.waitFor(/is processing jobs from PostgreSQL/)));
  return { emulator, server, workers: started, emulatorUrl: emulatorUrl!, apiUrl: apiUrl! };
}

async function call(base: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Workspaces, each connected to a Location of its own. */
async function connectWorkspaces(p: Processes, count: number) {
  const workspaces: Array<{ id: string; locationId: string }> = [];
  for (let i = 0; i < count; i++) {
    const name = `Scale Spa ${i + 1}`;
    const { id } = (await call(p.apiUrl, 'POST', '/v1/workspaces', { name })) as { id: string };
    const { locationId, token } = (await call(p.emulatorUrl, 'POST', '/_emulator/locations', {
      name,
    })) as { locationId: string; token: string };
    await call(p.apiUrl, 'PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
      apiKey: token,
      locationId,
    });
    workspaces.push({ id, locationId });
  }
  return workspaces;
}

/** Posts every workspace's events, one from each in turn, `POSTERS` at a time. */
async function postBacklog(apiUrl: string, events: Array<{ ws: string; event: unknown }>) {
  let next = 0;
  const poster = async () => {
    while (next < events.length) {
      const { ws, event } = events[next++]!;
      await call(apiUrl, 'POST', `/v1/workspaces/${ws}/bookings`, event);
    }
  };
  await Promise.all(Array.from({ length: POSTERS }, poster));
}

/** The benchmark's own connection: a role of its own, so its statements are left out. */
async function observer(cluster: PostgresCluster, database: string) {
  const client = new pg.Client({ connectionString: cluster.urlFor(database, OBSERVER) });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const pid = rows[0]!.pid;
  const mine = `dbid = (select oid from pg_database where datname = current_database())
    and userid <> (select oid from pg_roles where rolname = '${OBSERVER}')`;
  return {
    pid,
    client,
    async syncJobs() {
      const result = await client.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from sync_jobs group by status',
      );
      return Object.fromEntries(result.rows.map((r) => [r.status, r.n])) as Record<string, number>;
    },
    async resetStatements() {
      await client.query('select pg_stat_statements_reset()');
    },
    /** Statements run, and the ms they took to plan and run (inside PostgreSQL). */
    async statements() {
      const total = await client.query<{ calls: number; ms: number }>(
        `select coalesce(sum(calls), 0)::float8 as calls,
           coalesce(sum(total_exec_time + total_plan_time), 0)::float8 as ms
         from pg_stat_statements where ${mine}`,
      );
      return total.rows[0]!;
    },
    async topStatements(n: number) {
      const top = await client.query<{
        calls: number;
        plans: number;
        ms: number;
        planMs: number;
        query: string;
      }>(
        `select calls::float8 as calls, plans::float8 as plans, total_exec_time as ms,
           total_plan_time as "planMs",
           left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
         from pg_stat_statements where ${mine} order by calls desc limit ${n}`,
      );
      return top.rows;
    },
  };
}

interface CaseResult {
  row: BenchReport['rows'][number];
  notes: string[];
}

async function runCase(
  cluster: PostgresCluster,
  name: string,
  locations: number,
  bookings: number,
): Promise<CaseResult> {
  const database = `scale_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const setup = new pg.Client({ connectionString: cluster.urlFor(database) });
  await setup.connect();
  await setup.query('create extension if not exists pg_stat_statements');
  await setup.end();

  const workerCount = envCount('BENCH_SCALE_WORKERS', 2);
  const p = await startProcesses(cluster.urlFor(database), workerCount);
  const bridge = [p.server, ...p.workers];
  const watched = [...bridge, p.emulator];
  const db = await observer(cluster, database);
  const log = emulatorLog(p.emulatorUrl);
  try {
    const workspaces = await connectWorkspaces(p, locations);
    // At rest: connected, nothing to sync. Idle queue polling is what costs CPU here.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleFrom = {
      bridge: bridge.reduce((sum, c) => sum + cpuMs(c.pid), 0),
      postgres: treeCpuMs(cluster.postmasterPid(), new Set([db.pid])),
      at: performance.now(),
    };
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleShare = (ms: number) =>
      `${((100 * ms) / (performance.now() - idleFrom.at)).toFixed(1)} %`;
    const idle = {
      bridge: idleShare(bridge.reduce((sum, c) => sum + cpuMs(c.pid), 0) - idleFrom.bridge),
      postgres: idleShare(
        treeCpuMs(cluster.postmasterPid(), new Set([db.pid])) - idleFrom.postgres,
      ),
    };
    const rest = watched.map((c) => rssMb(c.pid));
    const postgresRest = treePssMb(cluster.postmasterPid());

    // Posted with the workers paused: the sync starts with every Location's backlog queued.
    for (const w of p.workers) w.child.kill('SIGSTOP');
    const customers = Math.max(1, Math.floor(bookings / 5));
    const perWorkspace = workspaces.map((ws) => backlogEvents(ws.id, bookings, customers));
    const events = perWorkspace[0]!.flatMap((_, i) =>
      workspaces.map((ws, w) => ({ ws: ws.id, event: perWorkspace[w]![i] })),
    );
    const ingestCpu = cpuMs(p.server.pid);
    const ingestStarted = performance.now();
    await postBacklog(p.apiUrl, events);
    const ingestMs = performance.now() - ingestStarted;
    const ingestCpuMs = cpuMs(p.server.pid) - ingestCpu;

    await log.read();
    const firstEntry = log.entries.length;
    await db.resetStatements();
    const except = new Set([db.pid]);
    const before = {
      bridge: bridge.map((c) => cpuMs(c.pid)),
      emulator: cpuMs(p.emulator.pid),
      postgres: treeCpuMs(cluster.postmasterPid(), except),
      machine: machineTicks(),
      load: loadavg()[0]!,
    };
    const peak = watched.map(() => 0);
    let postgresPeak = 0;
    log.follow(2000);
    const started = performance.now();
    for (const w of p.workers) w.child.kill('SIGCONT');
    let counts: Record<string, number> = {};
    let timedOut = false;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      watched.forEach((c, i) => (peak[i] = Math.max(peak[i]!, rssMb(c.pid))));
      postgresPeak = Math.max(postgresPeak, treePssMb(cluster.postmasterPid()));
      counts = await db.syncJobs();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total > 0 && (counts.done ?? 0) + (counts.failed ?? 0) === total) break;
      if (performance.now() - started > SYNC_TIMEOUT_MS) {
        timedOut = true;
        break;
      }
    }
    const wallMs = performance.now() - started;
    const after = {
      bridge: bridge.map((c) => cpuMs(c.pid)),
      emulator: cpuMs(p.emulator.pid),
      postgres: treeCpuMs(cluster.postmasterPid(), except),
      machine: machineTicks(),
      load: loadavg()[0]!,
    };
    const statements = await db.statements();
    const top = await db.topStatements(envCount('BENCH_SCALE_STATEMENTS', 1));
    await log.stop();

    const synced = log.entries.slice(firstEntry);
    const perLocation = workspaces.map((ws) => locationFigures(synced, ws.locationId));
    const calls = perLocation.reduce((sum, f) => sum + f.calls, 0);
    const fractions = perLocation.map((f) => f.fractionOfLimit);
    const bridgeMs = after.bridge.reduce((sum, t, i) => sum + t - before.bridge[i]!, 0);
    const machine = {
      busy: after.machine.busy - before.machine.busy,
      total: after.machine.total - before.machine.total,
    };
    const mb = (i: number) => `${rest[i]!.toFixed(0)} / ${peak[i]!.toFixed(0)}`;
    const row: BenchReport['rows'][number] = {
      case: name,
      Locations: locations,
      'booking events': events.length,
      'sync jobs done / failed': `${counts.done ?? 0} / ${counts.failed ?? 0}${timedOut ? ' (timed out)' : ''}`,
      'HighLevel calls': calls,
      'calls per booking': calls / events.length,
      '429s': perLocation.reduce((sum, f) => sum + f.tooMany, 0),
      'sync wall s': wallMs / 1000,
      'calls per s': calls / (wallMs / 1000),
      'fraction of limit (min)': Math.min(...fractions),
      'fraction of limit (median)': median(fractions),
      'bridge CPU ms per call': bridgeMs / calls,
      'of which server (no worker)': (after.bridge[0]! - before.bridge[0]!) / calls,
      'PostgreSQL CPU ms per call': (after.postgres - before.postgres) / calls,
      'SQL statements per call': statements.calls / calls,
      'SQL plan + run ms per call': statements.ms / calls,
      'emulator CPU ms per call': (after.emulator - before.emulator) / calls,
      'machine busy (all processes)': `${((100 * machine.busy) / machine.total).toFixed(0)} %`,
      'at rest: bridge / PostgreSQL CPU (of one core)': `${idle.bridge} / ${idle.postgres}`,
      'ingest: server CPU ms per event': ingestCpuMs / events.length,
      'ingest events per s': events.length / (ingestMs / 1000),
      'RSS MB rest / load: server': mb(0),
      ...Object.fromEntries(p.workers.map((w, i) => [`${w.name}`, mb(i + 1)])),
      emulator: mb(bridge.length),
      'PostgreSQL (PSS, all backends)': `${postgresRest.toFixed(0)} / ${postgresPeak.toFixed(0)}`,
    };
    const notes = [
      `${name}: load average ${before.load.toFixed(2)} before the sync, ${after.load.toFixed(2)} after.`,
      ...top.map(
        (s) =>
          `${name}: ${(s.calls / calls).toFixed(2)} per call, ${((1000 * s.ms) / s.calls).toFixed(0)} µs to run each, planned ${s.plans} times in ${s.calls} (${((1000 * s.planMs) / Math.max(1, s.plans)).toFixed(0)} µs each): ${s.query}`,
      ),
    ];
    return { row, notes };
  } finally {
    await db.client.end().catch(() => undefined);
    await Promise.all(
      watched.map((c) => {
        c.child.kill('SIGCONT');
        return c.stop();
      }),
    );
    const drop = new pg.Client({ connectionString: cluster.url });
    await drop.connect();
    await drop.query(`drop database if exists ${database} with (force)`);
    await drop.end();
  }
}

const bench: Bench = async () => {
  const locations = envCount('BENCH_SCALE_LOCATIONS', 50);
  const bookings = envCount('BENCH_SCALE_BOOKINGS', 60);
  const workers = envCount('BENCH_SCALE_WORKERS', 2);
  const bin = postgresBinaries();
  if (!bin)
    throw new Error('No PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql');
  const cluster = await startPostgresCluster(bin, {
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track': 'top',
    'pg_stat_statements.track_planning': 'on',
  });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create role ${OBSERVER} login superuser`);
    await admin.end();
    const cases = [
      await runCase(cluster, `${locations} Locations`, locations, bookings),
      ...(locations > 1 && process.env.BENCH_SCALE_ONE_LOCATION !== '0'
        ? [await runCase(cluster, '1 Location', 1, bookings)]
        : []),
    ];
    return {
      name: `scale-out at the limit: PostgreSQL, emulator in its own process, server + ${workers} workers`,
      rows: cases.map((c) => c.row),
      notes: [
        `${bookings} booking events per Location over ${Math.max(1, Math.floor(bookings / 5))} customers, posted over HTTP (${POSTERS} at a time) while the workers are paused (SIGSTOP); the sync runs from their SIGCONT until every sync job is done or failed.`,
        'Fraction of limit: per Location, accepted requests per 10 s in the steady state (from its first request of the sync to the request a whole number of 100-request bursts later; fewer than 101 requests never meet the limit) over the emulator default of 100 per sliding 10 s.',
        'Bridge CPU: user + system time of the server and worker processes (/proc/<pid>/stat) over the sync; PostgreSQL CPU: the postmaster and every backend, ended ones included, except the benchmark own connection; SQL statements: pg_stat_statements (track = top, utility statements included) of the bridge processes; all divided by the HighLevel calls the emulator logged in that time.',
        'Machine busy: every process on the machine (other work included) over the sync, from /proc/stat; the bridge, PostgreSQL and the emulator share its cores.',
        `At rest: CPU of the bridge processes and of PostgreSQL over ${IDLE_MS / 1000} s with every workspace connected and nothing to sync, as a share of one core (idle queue polling). RSS: at rest / the most seen during the sync; PostgreSQL as proportional set sizes, shared buffers counted once.`,
        `PostgreSQL ${cluster.version} with fsync=off (CPU and statements are measured, not a disk flush); ${process.version}, processes run from the sources through tsx.`,
        ...cases.flatMap((c) => c.notes),
      ],
    };
  } finally {
    await cluster.destroy();
  }
};
export default bench;
