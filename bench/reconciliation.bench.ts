/**
 * Reconciliation: what the poll that catches lost webhooks costs a Location in HighLevel calls,
 * and what it catches. One Location the size of a busy salon (`BENCH_RECONCILE_CALENDARS`
 * calendars, default 5, with 300 appointments in the window; `BENCH_RECONCILE_CONTACTS`
 * contacts, default 2,000; 300 open tasks), where staff make `BENCH_RECONCILE_CHANGES_PER_HOUR`
 * changes an hour (default 300: cancellations, reschedules, contact edits, completed tasks, notes)
 * through HighLevel's API. HighLevel's webhooks reach the bridge over HTTP, a share of them lost.
 *
 * An hour is played in compressed time: before each run, the interval's share of the hour's
 * changes is made and every webhook that was not lost is processed; then one run of the poll,
 * with the configured share of the Location's budget, its calls not paced (pacing spaces them
 * out, it changes none of the counts; the bridge's rate limiter still holds them to 100 per 10 s).
 * The first run after connecting is counted apart.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  weekdayCalendar,
  createEmulator,
  emulatorFetch,
  type Emulator,
} from '@ghl-bridge/emulator';
import { HIGHLEVEL_WINDOWS } from '@ghl-bridge/client';
import { sql } from 'kysely';
import { serveHttp } from '../packages/server/src/commands/serveHttp.js';
import { loadConfig } from '../packages/server/src/config.js';
import { createLogger } from '../packages/server/src/logger.js';
import { reconciliationHandler } from '../packages/server/src/reconciliation/reconcileJob.js';
import type { RunSummary } from '../packages/server/src/reconciliation/core/runSummary.js';
import { createRuntime, type Runtime } from '../packages/server/src/runtime.js';
import { envCount } from './env.js';
import type { BenchReport } from './report.js';
import { staffRequest } from '../packages/server/test/salonWorld.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const CALENDARS = envCount('BENCH_RECONCILE_CALENDARS', 5);
const CONTACTS = envCount('BENCH_RECONCILE_CONTACTS', 2000);
const APPOINTMENTS = 300;
const OPEN_TASKS = 300;
const CHANGES_PER_HOUR = envCount('BENCH_RECONCILE_CHANGES_PER_HOUR', 300);
const SHARE = 0.1;
const HOUR_S = 3600;
const BURST = HIGHLEVEL_WINDOWS[0]!;
/** What HighLevel allows a Location in an hour: 100 per 10 s. */
const HOURLY_BUDGET = (BURST.limit * HOUR_S * 1000) / BURST.intervalMs;

interface Scenario {
  intervalSeconds: number;
  lost: number;
}

/** Staff at work in HighLevel: requests with their own token (their own budget). */
function staffOf(emulator: Emulator, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> =>
    (await staffRequest(
      emulator,
      token,
      method,
      path,
      body as Record<string, unknown> | undefined,
    )) as Record<string, unknown>;
}

/** The salon: calendars with appointments, contacts, open tasks. */
async function salon(emulator: Emulator, locationId: string, staff: ReturnType<typeof staffOf>) {
  const owner = emulator.control.createUser(locationId, { firstName: 'Sam' });
  const calendars = Array.from({ length: CALENDARS }, () =>
    emulator.control.createCalendar(locationId, weekdayCalendar(owner.id)),
  );
  const contacts: string[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    const { contact } = await staff('POST', '/contacts/', {
      locationId,
      firstName: `Client${i}`,
      email: `client${i}@salon.example`,
    });
    contacts.push((contact as { id: string }).id);
  }
  const tasks: { id: string; contactId: string }[] = [];
  for (let i = 0; i < OPEN_TASKS; i++) {
    const contactId = contacts[i % contacts.length]!;
    const { task } = await staff('POST', `/contacts/${contactId}/tasks`, {
      title: `Call back ${i}`,
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      completed: false,
    });
    tasks.push({ id: (task as { id: string }).id, contactId });
  }
  const appointments: string[] = [];
  const first = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
  for (let i = 0; i < APPOINTMENTS; i++) {
    const start = first + Math.floor(i / CALENDARS) * 3_600_000;
    const created = await staff('POST', '/calendars/events/appointments', {
      calendarId: calendars[i % CALENDARS]!.id,
      locationId,
      contactId: contacts[(i * 7) % contacts.length],
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 1_800_000).toISOString(),
      ignoreFreeSlotValidation: true,
    });
    appointments.push((created as { id: string }).id);
  }
  return { contacts, tasks, appointments };
}

type Salon = Awaited<ReturnType<typeof salon>>;

/** The `n`th change of the hour: each kind in turn, each record changed once. */
function change(world: Salon, staff: ReturnType<typeof staffOf>, n: number): Promise<unknown> {
  const k = Math.floor(n / 5);
  const appointment = world.appointments[k % world.appointments.length]!;
  const contactId = world.contacts[(k * 13) % world.contacts.length]!;
  // Notes go to other contacts than the edits: most of them to a contact that did not change.
  const notedId = world.contacts[(k * 17 + 1) % world.contacts.length]!;
  switch (n % 5) {
    case 0:
      return staff('PUT', `/calendars/events/appointments/${appointment}`, {
        appointmentStatus: 'cancelled',
      });
    case 1: {
      const moved = world.appointments[world.appointments.length - 1 - (k % 150)]!;
      const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + (500 + n) * 3_600_000;
      return staff('PUT', `/calendars/events/appointments/${moved}`, {
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + 1_800_000).toISOString(),
        ignoreFreeSlotValidation: true,
      });
    }
    case 2:
      return staff('PUT', `/contacts/${contactId}`, { lastName: `Edited${n}` });
    case 3: {
      const task = world.tasks[k % world.tasks.length]!;
      return staff('PUT', `/contacts/${task.contactId}/tasks/${task.id}/completed`, {
        completed: true,
      });
    }
    default:
      return staff('POST', `/contacts/${notedId}/notes`, { body: `Note ${n}` });
  }
}

async function webhooksProcessed(runtime: Runtime, emulator: Emulator): Promise<void> {
  await emulator.control.webhooksIdle();
  for (;;) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from highlevel_webhooks
      where status = 'received'`.execute(runtime.database.db);
    if (Number(rows[0]!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(scenario: Scenario) {
  const emulator = createEmulator({ limits: { burst: 1_000_000 } });
  const dataDir = mkdtempSync(join(tmpdir(), 'ghl-bridge-bench-reconcile-'));
  const keys = emulator.control.webhookKeys();
  const runtime = await createRuntime({
    config: loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
        GHL_BRIDGE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
        GHL_API_BASE_URL: 'http://ghl.bench',
        GHL_WEBHOOK_PUBLIC_KEYS: `${keys.ed25519}${keys.rsa}`,
        GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
        // The runs are started by the benchmark, one per simulated interval.
        GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0',
      },
      { dataDir },
    ),
    fetch: emulatorFetch(emulator),
    logger: createLogger({ level: 'warn', destination: { write: () => undefined } }),
    workerName: 'bench-reconciliation',
  });
  const http = await serveHttp(runtime.app!, { host: '127.0.0.1', port: 0 });
  try {
    const location = emulator.control.createLocation({ name: 'Bench Salon' });
    const staff = staffOf(emulator, emulator.control.createToken(location.locationId).token);
    const world = await salon(emulator, location.locationId, staff);
    const call = async (method: string, path: string, body: unknown) => {
      const res = await runtime.app!.request(path, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status}`);
      return (await res.json()) as { id: string };
    };
    const ws = await call('POST', '/v1/workspaces', { name: 'Bench Salon' });
    await call('PUT', `/v1/workspaces/${ws.id}/integrations/gohighlevel`, {
      apiKey: location.token,
      locationId: location.locationId,
    });
    emulator.control.setWebhook(location.locationId, { url: `${http.url}/v1/webhooks/highlevel` });
    emulator.control.setWebhookFaults({ dropRate: scenario.lost, seed: 7 });

    const poll = reconciliationHandler({
      db: runtime.database.db,
      keyring: runtime.secrets.keyring,
      highLevel: runtime.highLevel,
      queue: runtime.queue,
      logger: runtime.logger,
      settings: { intervalSeconds: scenario.intervalSeconds, budgetShare: SHARE, burst: BURST },
      clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
    });
    const lastRun = async (): Promise<RunSummary> => {
      const { rows } = await sql<{ last_run: RunSummary }>`select last_run
        from reconciliation_checkpoints where location_id = ${location.locationId}`.execute(
        runtime.database.db,
      );
      return rows[0]!.last_run;
    };
    const runOnce = async () => {
      // The row a scheduled run would have claimed.
      await sql`insert into reconciliation_checkpoints (location_id, next_run_at)
        values (${location.locationId}, now()) on conflict do nothing`.execute(runtime.database.db);
      await poll({ id: randomUUID(), data: { locationId: location.locationId }, retryCount: 0 });
      return lastRun();
    };

    // The salon was filled a moment ago: as if it had been long before, contacts are read from
    // now on, not from two minutes before the connection. The first run remembers the open tasks.
    await sql`insert into reconciliation_checkpoints
        (location_id, next_run_at, contacts_cursor_at, contacts_cursor_id)
      values (${location.locationId}, now(), now(), '')`.execute(runtime.database.db);
    const firstRun = await runOnce();

    const runs = HOUR_S / scenario.intervalSeconds;
    const perRun = CHANGES_PER_HOUR / runs;
    const summaries: RunSummary[] = [];
    let made = 0;
    for (let i = 0; i < runs; i++) {
      const until = Math.round((i + 1) * perRun);
      for (; made < until; made++) await change(world, staff, made);
      await webhooksProcessed(runtime, emulator);
      summaries.push(await runOnce());
    }
    const sum = (pick: (s: RunSummary) => number) => summaries.reduce((t, s) => t + pick(s), 0);
    const calls = sum((s) => s.calls);
    const caught = sum((s) => s.told.appointment + s.told.contact + s.told.note + s.told.task);
    const lost = emulator.control
      .webhookDeliveries()
      .filter((d) => d.state === 'dropped' && !['ContactCreate', 'TaskCreate'].includes(d.type));
    return {
      interval: `${scenario.intervalSeconds} s`,
      'webhooks lost': `${Math.round(scenario.lost * 100)} %`,
      'runs / h': runs,
      'calls / run (max)': Math.max(...summaries.map((s) => s.calls)),
      'allowed / run': summaries[0]!.maxCalls,
      'calls / Location / h': calls,
      'fraction of budget': calls / HOURLY_BUDGET,
      'changes made / h': made,
      'webhooks lost / h': lost.length,
      'caught by the poll': caught,
      'lost, not caught': Math.max(0, lost.length - caught),
      'calls / change caught': caught > 0 ? calls / caught : NaN,
      '429s': sum((s) => s.throttled),
      'first run calls': firstRun.calls,
    };
  } finally {
    await http.close();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function reconciliation(): Promise<BenchReport> {
  const scenarios: Scenario[] = [
    { intervalSeconds: 300, lost: 0.2 },
    { intervalSeconds: 300, lost: 1 },
    { intervalSeconds: 60, lost: 0.2 },
  ];
  const rows = [];
  for (const scenario of scenarios) rows.push(await run(scenario));
  return {
    name: 'reconciliation: HighLevel calls per Location per hour, and what they catch',
    rows,
    notes: [
      `One Location: ${CALENDARS} calendars with ${APPOINTMENTS} appointments in the window, ${CONTACTS} contacts, ${OPEN_TASKS} open tasks; ${CHANGES_PER_HOUR} staff changes an hour, a fifth each of cancellations, reschedules, contact edits, completed tasks and notes.`,
      `Budget share ${SHARE} of HighLevel's ${BURST.limit} requests per ${BURST.intervalMs / 1000} s; "fraction of budget" is the hour's calls over the ${HOURLY_BUDGET} HighLevel allows a Location in an hour.`,
      '"caught by the poll": changes told to the app by the poll because no webhook had (a note added to a contact that did not change otherwise is beyond it: HighLevel lists notes only per contact).',
      '"first run calls": the run right after connecting, which lists every calendar and open task too, and remembers the open tasks without telling.',
      'An hour in compressed time, calls not paced; every webhook not lost is processed before the run that follows it. 429s: answers HighLevel (the emulator) gave the poll.',
    ],
  };
}
