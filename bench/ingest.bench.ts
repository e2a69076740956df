/**
 * Booking ingest: how many booking events per second `ghl-bridge start --no-worker` takes in, at
 * what latency, and what each costs the server. The server runs from the sources in its own
 * process; the emulator (for the connection only) in another; the load generator (ingestLoad.ts)
 * in a third, with 16 and then 32 keep-alive clients each posting new bookings one after another
 * with the workspace's API key. No worker runs, so each accepted booking's sync job only queues:
 * what is measured is storing the booking and enqueueing its sync, what a 202 promises.
 *
 * On the embedded database always; on PostgreSQL too when `BENCH_DATABASE_URL` names a server
 * the bench may create a database on (a fresh one per run, dropped after):
 * `BENCH_DATABASE_URL=postgres://… npm run bench -- ingest`. `BENCH_INGEST_SECONDS` (default 15)
 * and `BENCH_INGEST_WARMUP_SECONDS` (default 3) per run; `BENCH_INGEST_CLIENTS` (default `16,32`);
 * `BENCH_INGEST_DATABASES=postgres` (or `pglite`) runs one only; `BENCH_INGEST_CPU_PROF=<dir>`
 * writes the server's V8 CPU profile there.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { COMMANDS, spawnCommand, type Child } from './childProcess.js';
import { freshDatabase } from './freshDatabase.js';
import type { IngestLoadPlan, IngestLoadResult } from './ingestLoad.js';
import { cpuMs, loadAverages, rssMb } from './processStats.js';
import { envNumber } from './env.js';
import type { Bench, BenchReport } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const LOAD_SCRIPT = fileURLToPath(new URL('ingestLoad.ts', import.meta.url));
const RSS_EVERY_MS = 250;
const TARGET_POSTS_PER_S = 500;
const TARGET_P99_MS = 100;

function envClients(): number[] {
  const raw = process.env.BENCH_INGEST_CLIENTS || '16,32';
  const counts = raw.split(',').map((n) => Number(n.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`BENCH_INGEST_CLIENTS must list whole numbers, e.g. 16,32; got "${raw}"`);
  }
  return counts;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function call(base: string, token: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

type Backend = 'PGlite' | 'PostgreSQL';

interface Stack {
  emulator: Child;
  server: Child;
  apiUrl: string;
  workspaceId: string;
  apiKey: string;
  stop(): Promise<void>;
}

/** The emulator, the server on `databaseUrl` (or PGlite) and a connected bookings workspace. */
async function startStack(databaseUrl: string | undefined): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-bench-ingest-'));
  const started: Child[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const emulator = spawnCommand('emulator', COMMANDS.emulator, ['--port', '0'], {});
    started.push(emulator);
    const [, emulatorUrl] = (await emulator.waitFor(/listening on (http:\/\/\S+)/)) as string[];
    const profileDir = process.env.BENCH_INGEST_CPU_PROF;
    const server = spawnCommand(
      'server',
      COMMANDS.bridge,
      ['start', '--no-worker', '--port', '0', '--host', '127.0.0.1'],
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
        GHL_API_BASE_URL: emulatorUrl!,
        GHL_BRIDGE_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? '',
        GHL_BRIDGE_SECRET_KEY: databaseUrl ? randomBytes(32).toString('base64') : '',
        // The default, said so a LOG_LEVEL of the shell cannot change what is measured.
        LOG_LEVEL: 'info',
      },
      profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    );
    started.push(server);
    const [, apiUrl] = (await server.waitFor(/API\s+(http:\/\/\S+)\/v1/)) as string[];
    const { id: workspaceId, apiKey } = (await call(apiUrl!, ADMIN, 'POST', '/v1/workspaces', {
      name: 'Ingest Spa',
      features: ['bookings'],
    })) as { id: string; apiKey: string };
    const location = (await call(emulatorUrl!, '', 'POST', '/_emulator/locations', {
      name: 'Ingest Spa',
    })) as { locationId: string; token: string };
    await call(apiUrl!, ADMIN, 'PUT', `/v1/workspaces/${workspaceId}/integrations/gohighlevel`, {
      apiKey: location.token,
      locationId: location.locationId,
    });
    return { emulator, server, apiUrl: apiUrl!, workspaceId, apiKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * PostgreSQL's side of a run: the CPU time of the backends serving the database (read from
 * /proc, so only for a server on this machine), its committed transactions and, where the server
 * preloads `pg_stat_statements`, the statements run in it.
 */
async function postgresWatch(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counting = await client
    .query('create extension if not exists pg_stat_statements')
    .then(() => client.query('select pg_stat_statements_reset()'))
    .then(
      () => true,
      () => false,
    );
  const statements = async () => {
    if (!counting) return NaN;
    const { rows } = await client.query<{ calls: number }>(
      `select coalesce(sum(calls), 0)::float8 as calls from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database())
         and query not like '%pg_stat%'
         -- The foreign-key checks PostgreSQL runs itself are not round trips.
         and query not like 'SELECT % FROM ONLY % FOR KEY SHARE OF %'`,
    );
    return rows[0]!.calls;
  };
  const read = async () => {
    const { rows } = await client.query<{ pid: number; xacts: string }>(
      `select a.pid, d.xact_commit + d.xact_rollback as xacts
       from pg_stat_activity a join pg_stat_database d on d.datid = a.datid
       where a.datname = current_database() and a.pid <> pg_backend_pid()`,
    );
    const cpu = new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
    return { cpu, xacts: Number(rows[0]?.xacts ?? 0), statements: await statements() };
  };
  return {
    read,
    /** Backend CPU ms and transactions between two reads; undefined CPU when /proc had none. */
    between(before: Awaited<ReturnType<typeof read>>, after: Awaited<ReturnType<typeof read>>) {
      let ms = 0;
      let seen = false;
      for (const [pid, end] of after.cpu) {
        const start = before.cpu.get(pid) ?? 0;
        if (end > 0) seen = true;
        ms += end - start;
      }
      return {
        cpuMs: seen ? ms : undefined,
        xacts: after.xacts - before.xacts,
        statements: after.statements - before.statements,
      };
    },
    // Statistics reach pg_stat_database when a backend is idle, at most once a second.
    settle: () => new Promise((resolve) => setTimeout(resolve, 1_500)),
    end: () => client.end(),
  };
}

/** Runs the load generator once; returns its result and the server's CPU and peak RSS meanwhile. */
async function loadRun(stack: Stack, plan: IngestLoadPlan, onMeasuring: () => Promise<void>) {
  const load = spawnCommand('load', LOAD_SCRIPT, [JSON.stringify(plan)], {});
  try {
    await load.waitFor(/^measuring$/m, (plan.warmupSeconds + 60) * 1000);
    const cpuBefore = cpuMs(stack.server.pid);
    const loadCpuBefore = cpuMs(load.pid);
    await onMeasuring();
    let peakRss = rssMb(stack.server.pid);
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(stack.server.pid));
    }, RSS_EVERY_MS);
    const [, json] = (await load
      // Up to the line's end: a large result arrives over several reads.
      .waitFor(/^result (.*)\n/m, (plan.seconds + 120) * 1000)
      .finally(() => clearInterval(sampler))) as string[];
    const serverCpuMs = cpuMs(stack.server.pid) - cpuBefore;
    const loadCpuMs = cpuMs(load.pid) - loadCpuBefore;
    return { result: JSON.parse(json!) as IngestLoadResult, serverCpuMs, loadCpuMs, peakRss };
  } finally {
    await load.stop();
  }
}

/** What the API says was stored and queued, to hold against the 202s. */
async function storedAndQueued(stack: Stack) {
  const { counts } = (await call(
    stack.apiUrl,
    ADMIN,
    'GET',
    `/v1/workspaces/${stack.workspaceId}/sync-jobs?limit=1`,
  )) as { counts: Record<string, number> };
  const metrics = await (await fetch(`${stack.apiUrl}/metrics`)).text();
  const queued = /ghl_bridge_jobs\{[^}]*queue="contact-sync"[^}]*state="queued"[^}]*\} (\d+)/.exec(
    metrics,
  );
  return { syncJobsQueued: counts.queued ?? 0, queueJobs: queued ? Number(queued[1]) : NaN };
}

async function casesOn(backend: Backend, databaseUrl: string | undefined) {
  const stack = await startStack(databaseUrl);
  const postgres = databaseUrl ? await postgresWatch(databaseUrl) : undefined;
  const rows: BenchReport['rows'] = [];
  const notes: string[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const restRss = rssMb(stack.server.pid);
    let accepted = 0;
    let stored = { syncJobsQueued: 0, queueJobs: 0 };
    for (const clients of envClients()) {
      const plan: IngestLoadPlan = {
        baseUrl: stack.apiUrl,
        workspaceId: stack.workspaceId,
        apiKey: stack.apiKey,
        clients,
        warmupSeconds: envNumber('BENCH_INGEST_WARMUP_SECONDS', 3),
        seconds: envNumber('BENCH_INGEST_SECONDS', 15),
        idPrefix: `c${clients}`,
      };
      let pgBefore: Awaited<ReturnType<NonNullable<typeof postgres>['read']>> | undefined;
      const loadBefore = loadavg()[0]!;
      const run = await loadRun(stack, plan, async () => {
        pgBefore = await postgres?.read();
      });
      await postgres?.settle();
      const pgSpent =
        postgres && pgBefore ? postgres.between(pgBefore, await postgres.read()) : undefined;
      const { result } = run;
      const posts = result.latenciesMs.length;
      const sorted = [...result.latenciesMs].sort((a, b) => a - b);
      const ok = result.statuses['202'] ?? 0;
      accepted += result.acceptedAll;
      stored = await storedAndQueued(stack);
      rows.push({
        database: backend,
        clients,
        posts,
        'posts/s': posts / (result.elapsedMs / 1000),
        'p50 ms': percentile(sorted, 50),
        'p99 ms': percentile(sorted, 99),
        'not 202': posts - ok,
        'server CPU ms/post': run.serverCpuMs / posts,
        'load generator CPU ms/post': run.loadCpuMs / posts,
        'PostgreSQL CPU ms/post':
          pgSpent?.cpuMs === undefined ? '–' : (pgSpent.cpuMs / posts).toFixed(2),
        'transactions/post': pgSpent ? (pgSpent.xacts / posts).toFixed(2) : '–',
        'statements/post':
          pgSpent && !Number.isNaN(pgSpent.statements)
            ? (pgSpent.statements / posts).toFixed(2)
            : '–',
        'RSS MB rest / peak': `${restRss.toFixed(0)} / ${run.peakRss.toFixed(0)}`,
        '202s / sync jobs / queue jobs (all so far)': `${accepted} / ${stored.syncJobsQueued} / ${stored.queueJobs}`,
        'load avg': `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
      });
      if (result.samples.length > 0) {
        notes.push(
          `${backend}, ${clients} clients, answers other than 202: ${result.samples.join(' | ')}`,
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    notes.push(
      `${backend}: server RSS ${rssMb(stack.server.pid).toFixed(0)} MB at rest 3 s after the runs; ${accepted} bookings accepted (202) in all, ${stored.syncJobsQueued} sync jobs and ${stored.queueJobs} pg-boss jobs queued.`,
    );
  } finally {
    await postgres?.end();
    await stack.stop();
  }
  return { rows, notes };
}

const bench: Bench = async () => {
  const loadBefore = loadAverages();
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const only = process.env.BENCH_INGEST_DATABASES;
  const wanted = (name: string) => !only || only.split(',').includes(name);
  const runs = wanted('pglite') ? [await casesOn('PGlite', undefined)] : [];
  if (serverUrl && wanted('postgres')) {
    const database = await freshDatabase(serverUrl, 'bench_ingest');
    try {
      runs.push(await casesOn('PostgreSQL', database.url));
    } finally {
      await database.drop();
    }
  }
  const rows = runs.flatMap((run) => run.rows);
  const postgresRows = rows.filter((r) => r.database === 'PostgreSQL');
  const met = postgresRows.filter(
    (r) => Number(r['posts/s']) >= TARGET_POSTS_PER_S && Number(r['p99 ms']) < TARGET_P99_MS,
  );
  return {
    name: 'booking ingest: POST /v1/workspaces/:ws/bookings, server and load generator in their own processes',
    rows,
    notes: [
      'Server: `ghl-bridge start --no-worker` from the sources (tsx), LOG_LEVEL=info (the default: one JSON line per post, to a pipe), the workspace connected to an emulator Location (so every accepted booking enqueues its sync job). No worker runs: the sync jobs only queue.',
      'Load: a separate Node process with N keep-alive connections (node:http Agent), each posting a new booking (unique id, version 1, a customer among 500) as soon as its previous post is answered, with the workspace API key; a warm-up not counted, then the counted run; posts still in flight at its end finish and count.',
      'posts/s: counted posts over the time from the first sent to the last answered. Latency: send to full answer as the load generator saw it (nearest-rank percentiles). server CPU: user + system time of the server process (/proc/<pid>/stat) over the counted run, per post; on PGlite it includes the database; the load generator’s likewise (it shares the machine’s cores). PostgreSQL CPU: the backends of the bench database (/proc, only for a server on this machine); transactions: pg_stat_database commits + rollbacks (each statement outside a transaction counts as one) per post; statements: pg_stat_statements calls per post, BEGIN and COMMIT included, the foreign-key checks PostgreSQL runs itself not (the round trips a post costs), where the server preloads it (else –).',
      'RSS: the server process at rest (connected, before any load) / the most seen under load (sampled every 250 ms).',
      'Checked after each run: every 202 so far (warm-ups included) against the sync jobs queued (GET /sync-jobs counts) and the pg-boss jobs queued (/metrics); the three are equal when each 202 was a stored, queued booking.',
      `Target ≥ ${TARGET_POSTS_PER_S} posts/s with p99 < ${TARGET_P99_MS} ms on PostgreSQL: ${
        postgresRows.length === 0
          ? 'not run (set BENCH_DATABASE_URL)'
          : met.length > 0
            ? `met with ${met.map((r) => `${r.clients} clients`).join(', ')}`
            : 'missed'
      }.`,
      ...runs.flatMap((run) => run.notes),
      `${process.version}, ${cpus().length} CPUs shared by the server, the load generator and PostgreSQL; load average (1/5/15 min) ${loadBefore} before and ${loadAverages()} after: on a busy machine posts/s and latency are low and CPU per post is the steadier figure.`,
    ],
  };
};
export default bench;
