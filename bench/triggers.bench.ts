/**
 * Trigger subscriptions: what a poll costs in HighLevel calls, and how many subscriptions one
 * Location carries within its trigger budget (`GHL_BRIDGE_TRIGGER_BUDGET_SHARE`, default 0.2 of
 * HighLevel's 100 requests per 10 s). Each case runs on a fresh server (embedded database,
 * in-process workers) and a fresh in-process emulator with HighLevel's real limit, loaded with
 * one Location built beforehand (`BENCH_TRIGGERS_CONTACTS` contacts, default 250, so that
 * `search-contacts` reads 3 pages of 100; one of them with 3 tasks).
 *
 * 1. Calls per poll: a "get one" trigger (`get-contact`), a small list (`get-contact-tasks`) and a
 *    paged list (`search-contacts`), each polled `BENCH_TRIGGERS_POLLS` times (default 5) with
 *    nothing new through `POST …/triggers/:id/poll`, then once after one item changed or came.
 *    Calls are counted in the emulator's request log around each poll.
 * 2. The schedule under load, in compressed time: `get-contact` subscriptions (1 call a poll),
 *    each its own contact, every `BENCH_TRIGGERS_INTERVAL_MINUTES` (default 1, the shortest
 *    interval) instead of 5, as many as give the Location the polls per second of N subscriptions
 *    at 5 minutes (120 at 1 minute ≙ 600 at 5); workers look for due polls every
 *    `BENCH_TRIGGERS_LOOK_SECONDS` (default 1). One run per load in `BENCH_TRIGGERS_LOADS`
 *    (default `0.8,1,1.5`: times the computed capacity), each measured for
 *    `BENCH_TRIGGERS_SECONDS` (default 75) from the first due poll. `BENCH_TRIGGERS_SUBSCRIPTIONS`
 *    sets the count of load 1 instead of the computed capacity; the other loads scale from it.
 *    The subscriptions' due times are spread evenly over one interval (as if subscribed at
 *    different times); staff edit a tenth of the contacts during the run (with their own token:
 *    their own budget), and every `trigger.item` goes to a local receiver.
 *
 * Due times are read from the subscriptions' `next_poll_at` every 250 ms; polls, calls and 429s
 * from the emulator's request log; the poll jobs from the workers' log lines. About 5 minutes
 * with the defaults, most of it the measured runs and the first polls of their subscriptions
 * (the client's limiter holds those to 100 per 10 s too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type EmulatorState, type RequestLogEntry } from '@ghl-bridge/emulator';
import { HIGHLEVEL_WINDOWS } from '@ghl-bridge/client';
import { loadConfig } from '../packages/server/src/config.js';
import { createLogger } from '../packages/server/src/logger.js';
import { createRuntime, type Runtime } from '../packages/server/src/runtime.js';
import { TRIGGER_POLL_QUEUE } from '../packages/server/src/triggers/triggerQueue.js';
import { staffRequest } from '../packages/server/test/salonWorld.js';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../packages/server/test/webhookReceiver.js';
import { envCount } from './env.js';
import type { BenchReport } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const SHARE = 0.2;
const BURST = HIGHLEVEL_WINDOWS[0]!;
/** HighLevel's limit per second per Location. */
const LIMIT_PER_S = (BURST.limit * 1000) / BURST.intervalMs;
const REAL_INTERVAL_S = 300;
const INTERVAL_MIN = envCount('BENCH_TRIGGERS_INTERVAL_MINUTES', 1);
const INTERVAL_S = INTERVAL_MIN * 60;
const LOOK_S = envCount('BENCH_TRIGGERS_LOOK_SECONDS', 1);
const SECONDS = envCount('BENCH_TRIGGERS_SECONDS', 75);
const POLLS = envCount('BENCH_TRIGGERS_POLLS', 5);
const SEARCH_CONTACTS = envCount('BENCH_TRIGGERS_CONTACTS', 250);
const LOADS = (process.env.BENCH_TRIGGERS_LOADS || '0.8,1,1.5').split(',').map((raw) => {
  const load = Number(raw);
  if (!Number.isFinite(load) || load <= 0) {
    throw new Error(`BENCH_TRIGGERS_LOADS must be positive numbers, got "${raw}"`);
  }
  return load;
});
/** Subscriptions one Location carries at `interval` seconds, polls of `calls` calls each. */
const capacity = (calls: number, intervalS: number) => (SHARE * LIMIT_PER_S * intervalS) / calls;
/** At capacity in compressed time: the polls per second of capacity(1, 300) at 5 minutes. */
const AT_CAPACITY = envCount('BENCH_TRIGGERS_SUBSCRIPTIONS', Math.round(capacity(1, INTERVAL_S)));
const SCHEDULED = LOADS.map((load) => Math.round(AT_CAPACITY * load));
const CONTACTS = Math.max(SEARCH_CONTACTS, ...SCHEDULED);
/** The least time between two calls of one poll job: its share of the limit, evenly spaced. */
const PACE_MS = BURST.intervalMs / (SHARE * BURST.limit);
/** How often due times are read. */
const SAMPLE_MS = 250;
/** Longest wait for deliveries after a run. */
const DELIVERY_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const seconds = (ms: number) => (Number.isFinite(ms) ? Number((ms / 1000).toFixed(1)) : '–');

/** The Location every case starts from, built once on an emulator without a limit. */
interface World {
  snapshot: EmulatorState;
  locationId: string;
  token: string;
  staffToken: string;
  contactIds: string[];
  /** The contact with 3 tasks. */
  taskContactId: string;
}

async function buildWorld(): Promise<World> {
  const emulator = createEmulator({ limits: { burst: 1e12, daily: 1e12 } });
  const location = emulator.control.createLocation({ name: 'Bench Triggers' });
  const staffToken = emulator.control.createToken(location.locationId).token;
  const contactIds: string[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    const { contact } = (await staffRequest(emulator, staffToken, 'POST', '/contacts/', {
      locationId: location.locationId,
      firstName: `Client${i}`,
      email: `client${i}@triggers.example`,
    })) as { contact: { id: string } };
    contactIds.push(contact.id);
  }
  const taskContactId = contactIds[0]!;
  for (let i = 0; i < 3; i++) {
    await staffRequest(emulator, staffToken, 'POST', `/contacts/${taskContactId}/tasks`, {
      title: `Call back ${i}`,
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      completed: false,
    });
  }
  const snapshot = emulator.control.snapshot();
  snapshot.requests = [];
  return {
    snapshot,
    locationId: location.locationId,
    token: location.token,
    staffToken,
    contactIds,
    taskContactId,
  };
}

interface Lab {
  runtime: Runtime;
  receiver: WebhookReceiver;
  workspaceId: string;
  call(method: string, path: string, json?: unknown): Promise<Record<string, unknown>>;
  staff(method: string, path: string, body?: Record<string, unknown>): Promise<unknown>;
  /** The trigger-poll jobs run: when each ended, and the polls it made. */
  jobs: { at: number; polled: number }[];
  /** The emulator's log for the Location. */
  log(): RequestLogEntry[];
  close(): Promise<void>;
}

/** A fresh emulator (HighLevel's limit) holding the world, a server connected to it. */
async function startLab(world: World, lookSeconds: number): Promise<Lab> {
  const emulator = createEmulator();
  emulator.control.load(structuredClone(world.snapshot));
  const dataDir = mkdtempSync(join(tmpdir(), 'ghl-bridge-bench-triggers-'));
  const receiver = await startWebhookReceiver();
  const jobs: Lab['jobs'] = [];
  const runtime = await createRuntime({
    config: loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
        GHL_BRIDGE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
        GHL_API_BASE_URL: 'http://ghl.bench',
        GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
        GHL_BRIDGE_TRIGGER_LOOK_SECONDS: String(lookSeconds),
        GHL_BRIDGE_TRIGGER_BUDGET_SHARE: String(SHARE),
        // Nothing else spends the Location's budget while the polls are measured.
        GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0',
      },
      { dataDir },
    ),
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
    // Warnings and the poll jobs' own lines ('trigger polls': due, polled, calls).
    logger: createLogger({
      level: 'info',
      destination: {
        write: (line: string) => {
          const entry = JSON.parse(line) as { msg?: string; time: string; polled?: number };
          if (entry.msg === 'trigger polls') {
            jobs.push({ at: Date.parse(entry.time), polled: entry.polled ?? 0 });
          }
        },
      },
    }),
    workerName: 'bench-triggers',
  });
  const call = async (method: string, path: string, json?: unknown) => {
    const res = await runtime.app!.request(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const { id: workspaceId } = (await call('POST', '/v1/workspaces', {
    name: 'Bench Triggers',
  })) as { id: string };
  await call('PUT', `/v1/workspaces/${workspaceId}/integrations/gohighlevel`, {
    apiKey: world.token,
    locationId: world.locationId,
  });
  return {
    runtime,
    receiver,
    jobs,
    workspaceId,
    call,
    staff: (method, path, body) => staffRequest(emulator, world.staffToken, method, path, body),
    log: () => emulator.control.requests({ locationId: world.locationId }),
    async close() {
      await runtime.stop();
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Subscribed {
  id: string;
  endpointId: string;
  lastPoll: { calls: number; pages: number; items: number };
}

const subscribe = async (lab: Lab, body: Record<string, unknown>) =>
  (await lab.call(
    'POST',
    `/v1/workspaces/${lab.workspaceId}/triggers`,
    body,
  )) as unknown as Subscribed;

type Row = Record<string, string | number>;
const NONE = '–';
/** The table's columns, in order; a row without one shows –. */
const COLUMNS = [
  'case',
  'calls / poll',
  'calls / poll (poll summary)',
  'capacity @ 5 min',
  'polls due / min',
  'polls done / min',
  'polls / job',
  'poll jobs queued at end',
  'fraction of limit',
  'max fraction, any 10 s',
  'calls < pace apart',
  '429s',
  'late p50 s',
  'late p99 s',
  'late p99 per 30 s',
  'due, unpolled at end',
  'subscriptions polled',
  'repeat polls',
  'made due again',
  'edited → caught → delivered',
  'delivered / poll',
];

/** Part 1: calls per poll of three kinds of trigger, nothing new and one new item. */
async function callsPerPoll(world: World): Promise<Row[]> {
  const lab = await startLab(world, 0);
  try {
    const url = `${lab.receiver.url}/items`;
    const cases = [
      {
        trigger: 'get-contact',
        what: 'one contact',
        input: { contactId: world.taskContactId },
        change: () => lab.staff('PUT', `/contacts/${world.taskContactId}`, { lastName: 'Edited' }),
        changed: 'the contact edited',
      },
      {
        trigger: 'get-contact-tasks',
        what: '3 tasks',
        input: { contactId: world.taskContactId },
        change: () =>
          lab.staff('POST', `/contacts/${world.taskContactId}/tasks`, {
            title: 'Send the intake form',
            dueDate: new Date(Date.now() + 86_400_000).toISOString(),
            completed: false,
          }),
        changed: 'a task added',
      },
      {
        trigger: 'search-contacts',
        what: `${world.contactIds.length} contacts`,
        // HighLevel requires the page size; the poll reads every page of it.
        input: { pageLimit: 100 },
        change: () =>
          lab.staff('POST', '/contacts/', {
            locationId: world.locationId,
            firstName: 'Newcomer',
            email: 'newcomer@triggers.example',
          }),
        changed: 'a contact added',
      },
    ];
    const subscribed = [];
    for (const c of cases) {
      const sub = await subscribe(lab, {
        trigger: c.trigger,
        input: c.input,
        intervalMinutes: 5,
        url,
      });
      subscribed.push({ ...c, sub });
    }
    const poll = async (id: string) => {
      const before = lab.log().length;
      const { poll: summary } = (await lab.call(
        'POST',
        `/v1/workspaces/${lab.workspaceId}/triggers/${id}/poll`,
      )) as { poll: { calls: number; pages: number; delivered: number; error: string | null } };
      if (summary.error) throw new Error(`poll of ${id}: ${summary.error}`);
      const entries = lab.log().slice(before);
      return { summary, calls: entries.length, throttled: entries.filter((e) => e.status === 429) };
    };
    const rows: Row[] = [];
    const row = (
      name: string,
      calls: number,
      summaryCalls: number,
      delivered: number,
      throttled: number,
      capacityAt5: number | string,
    ): Row => ({
      case: name,
      'calls / poll': calls,
      'calls / poll (poll summary)': summaryCalls,
      'capacity @ 5 min': capacityAt5,
      '429s': throttled,
      'delivered / poll': delivered,
    });
    for (const s of subscribed) {
      const polls = [];
      for (let i = 0; i < POLLS; i++) polls.push(await poll(s.sub.id));
      const calls = polls.reduce((t, p) => t + p.calls, 0) / POLLS;
      rows.push(
        row(
          `${s.trigger} (${s.what}): nothing new, ×${POLLS} (first poll: ${s.sub.lastPoll.calls} calls)`,
          calls,
          polls.reduce((t, p) => t + p.summary.calls, 0) / POLLS,
          polls.reduce((t, p) => t + p.summary.delivered, 0) / POLLS,
          polls.reduce((t, p) => t + p.throttled.length, 0),
          Math.floor(capacity(calls, REAL_INTERVAL_S)),
        ),
      );
    }
    // The news after every quiet poll, the contact search's first: the contact edit and the task
    // are news to it too (a contact's `dateUpdated` moves).
    for (const s of [...subscribed].reverse()) {
      await s.change();
      const p = await poll(s.sub.id);
      rows.push(
        row(
          `${s.trigger}: ${s.changed}`,
          p.calls,
          p.summary.calls,
          p.summary.delivered,
          p.throttled.length,
          NONE,
        ),
      );
    }
    return rows;
  } finally {
    await lab.close();
  }
}

interface Due {
  at: number;
  servedAt?: number;
}

/** The busiest `windowMs` among `times` (sorted), counting only windows inside [from, to). */
function busiestWindow(times: number[], windowMs: number, to: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length && times[i]! + windowMs <= to; i++) {
    while (j < times.length && times[j]! < times[i]! + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

/** Part 2: the schedule with `count` get-contact subscriptions at the compressed interval. */
async function scheduled(world: World, count: number, load: number): Promise<Row> {
  const lab = await startLab(world, LOOK_S);
  try {
    const db = lab.runtime.database.db;
    const contacts = world.contactIds.slice(0, count);
    const path = `/items-${count}`;
    // One endpoint for every subscription: the first makes it.
    const first = await subscribe(lab, {
      trigger: 'get-contact',
      input: { contactId: contacts[0] },
      intervalMinutes: INTERVAL_MIN,
      url: `${lab.receiver.url}${path}`,
    });
    const subscriptionOf = new Map<string, string>([[contacts[0]!, first.id]]);
    let next = 1;
    // A few at once: each first poll waits its turn in the client's limiter anyway.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < contacts.length) {
          const contactId = contacts[next++]!;
          const sub = await subscribe(lab, {
            trigger: 'get-contact',
            input: { contactId },
            intervalMinutes: INTERVAL_MIN,
            endpointId: first.endpointId,
          });
          subscriptionOf.set(contactId, sub.id);
        }
      }),
    );

    // Due evenly over one interval from t0, as if subscribed at different times.
    const t0 = Date.now() + 2000;
    const ids = [...subscriptionOf.values()];
    for (const [i, id] of ids.entries()) {
      await db
        .updateTable('trigger_subscriptions')
        .set({ next_poll_at: new Date(t0 + (INTERVAL_S * 1000 * i) / ids.length) })
        .where('id', '=', id)
        .execute();
    }
    const tEnd = t0 + SECONDS * 1000;

    // Due times as the schedule sets them: a value first seen in the future is a new due (a
    // claim moved it one interval on); one already past is a subscription made due again (its
    // job had no budget left), which is no new due.
    const dues = new Map<string, Due[]>(ids.map((id) => [id, []]));
    const lastSeen = new Map<string, number>();
    let madeDueAgain = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const seenAt = Date.now();
        const rows = await db
          .selectFrom('trigger_subscriptions')
          .select(['id', 'next_poll_at'])
          .execute();
        for (const { id, next_poll_at } of rows) {
          const at = new Date(next_poll_at).getTime();
          if (lastSeen.get(id) === at) continue;
          lastSeen.set(id, at);
          if (at > seenAt) dues.get(id)?.push({ at });
          else madeDueAgain += 1;
        }
        await sleep(SAMPLE_MS);
      }
    })();

    // Staff edit a tenth of the contacts, each once, early enough to be polled again in the run.
    const changes = Math.max(1, Math.round(count / 10));
    const changeSpan = Math.max(1000, (SECONDS - INTERVAL_S - 5) * 1000);
    const changedAt = new Map<string, number>();
    const staff = (async () => {
      for (let i = 0; i < changes; i++) {
        const wait = t0 + 2000 + (changeSpan * i) / changes - Date.now();
        if (wait > 0) await sleep(wait);
        const contactId = contacts[(i * 7) % contacts.length]!;
        if (changedAt.has(contactId)) continue;
        changedAt.set(contactId, Date.now());
        await lab.staff('PUT', `/contacts/${contactId}`, { lastName: `Edited${i}` });
      }
    })();

    await sleep(tEnd - Date.now());
    const queuedJobs = (await lab.runtime.queue.counts())[TRIGGER_POLL_QUEUE]!.queued;
    sampling = false;
    await sampler;
    await staff;

    // The bridge's calls in the run: the staff's edits (PUT, their own token) left out.
    const calls = lab
      .log()
      .filter((e) => e.method !== 'PUT')
      .map((e) => ({ ...e, at: Date.parse(e.time) }))
      .filter((e) => e.at >= t0 && e.at < tEnd);
    const accepted = calls.filter((e) => e.status !== 429);
    const polls = accepted.flatMap((entry) => {
      const id = subscriptionOf.get(/^\/contacts\/([^/]+)$/.exec(entry.path)?.[1] ?? '');
      return id === undefined ? [] : [{ at: entry.at, id }];
    });

    // Each due is served by the subscription's first poll at or after it.
    const lateness: { at: number; late: number }[] = [];
    let repeatPolls = 0;
    for (const p of polls) {
      const pending = dues.get(p.id)!.filter((d) => d.at <= p.at && d.servedAt === undefined);
      if (pending.length === 0) repeatPolls += 1;
      for (const d of pending) {
        d.servedAt = p.at;
        lateness.push({ at: p.at, late: p.at - d.at });
      }
    }
    const duesInRun = [...dues.values()].flat().filter((d) => d.at >= t0 && d.at < tEnd);
    const unserved = duesInRun.filter((d) => d.servedAt === undefined);
    const late = (p: number, from = t0, to = tEnd) =>
      seconds(
        percentile(
          lateness.filter((l) => l.at >= from && l.at < to).map((l) => l.late),
          p,
        ),
      );
    const slices = Array.from({ length: Math.ceil(SECONDS / 30) }, (_, k) =>
      late(99, t0 + k * 30_000, Math.min(tEnd, t0 + (k + 1) * 30_000)),
    );

    // The poll jobs that ended in the run, from the workers' log.
    const jobs = lab.jobs.filter((j) => j.at >= t0 && j.at < tEnd);

    // Deliveries of the polls made in the run: each edit a poll saw, once.
    const caught = [...changedAt].filter(([contactId, at]) =>
      polls.some((p) => p.id === subscriptionOf.get(contactId) && p.at > at),
    ).length;
    const inRun = () =>
      lab.receiver
        .at(path)
        .map((r) => JSON.parse(r.body) as { timestamp: string; data: { item: { id: string } } })
        .filter((d) => Date.parse(d.timestamp) < tEnd);
    const waitUntil = Date.now() + DELIVERY_WAIT_MS;
    while (inRun().length < caught && Date.now() < waitUntil) await sleep(100);
    const delivered = inRun().map((d) => d.data.item.id);
    const twice = delivered.length - new Set(delivered).size;

    const minutes = SECONDS / 60;
    return {
      case: `schedule at ${load}× capacity: ${count} get-contact @ ${INTERVAL_MIN} min ≙ ${Math.round((count * REAL_INTERVAL_S) / INTERVAL_S)} @ 5 min`,
      'calls / poll': accepted.length / Math.max(1, polls.length),
      'calls / poll (poll summary)': NONE,
      'capacity @ 5 min': Math.floor(capacity(1, REAL_INTERVAL_S)),
      'polls due / min': duesInRun.length / minutes,
      'polls done / min': polls.length / minutes,
      'poll jobs queued at end': queuedJobs,
      'polls / job': jobs.reduce((t, j) => t + j.polled, 0) / Math.max(1, jobs.length),
      'fraction of limit': accepted.length / ((SECONDS * 1000) / BURST.intervalMs) / BURST.limit,
      'max fraction, any 10 s':
        busiestWindow(
          accepted.map((e) => e.at),
          BURST.intervalMs,
          tEnd,
        ) / BURST.limit,
      'calls < pace apart': accepted.filter(
        (e, i) => i > 0 && e.at - accepted[i - 1]!.at < PACE_MS * 0.9,
      ).length,
      '429s': calls.length - accepted.length,
      'late p50 s': late(50),
      'late p99 s': late(99),
      'late p99 per 30 s': slices.join(', '),
      'due, unpolled at end': `${unserved.length}, oldest ${seconds(Math.max(0, ...unserved.map((d) => tEnd - d.at)))} s`,
      'subscriptions polled': `${new Set(polls.map((p) => p.id)).size}/${count}`,
      'repeat polls': repeatPolls,
      'made due again': madeDueAgain,
      'edited → caught → delivered': `${changedAt.size} → ${caught} → ${delivered.length}${twice > 0 ? ` (${twice} twice)` : ''}`,
      'delivered / poll': delivered.length / Math.max(1, polls.length),
    };
  } finally {
    await lab.close();
  }
}

export default async function triggers(): Promise<BenchReport> {
  const world = await buildWorld();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join('/');
  const loadBefore = load();
  const rows = await callsPerPoll(world);
  for (const [i, count] of SCHEDULED.entries()) rows.push(await scheduled(world, count, LOADS[i]!));
  return {
    name: 'triggers: HighLevel calls per poll, and how many subscriptions a Location carries',
    rows: rows.map((row) => Object.fromEntries(COLUMNS.map((key) => [key, row[key] ?? NONE]))),
    notes: [
      `capacity @ 5 min = share ${SHARE} × ${LIMIT_PER_S} requests/s (HighLevel's ${BURST.limit} per ${BURST.intervalMs / 1000} s) × ${REAL_INTERVAL_S} s ÷ calls per poll: the subscriptions one Location can poll every 5 minutes within its trigger budget.`,
      `Calls per poll: the emulator's request log entries for the Location during each POST …/triggers/:id/poll (retries included), nothing new: the mean of ${POLLS}; "(poll summary)": the calls the poll's own summary counted from the client's events. "first poll": the baseline, made in the POST that subscribes. ${world.contactIds.length} contacts at 100 a page are ${Math.ceil((world.contactIds.length + 1) / 100)} pages (a page shorter than 100 is the last).`,
      `Schedule rows: a ${INTERVAL_MIN}-minute interval for 5 minutes (the subscriptions scaled to keep the polls per second), workers looking every ${LOOK_S} s, due times spread evenly over one interval, measured for ${SECONDS} s from the first due. Polls due: due times (next_poll_at as the schedule set it, read every ${SAMPLE_MS} ms) in the run; polls done: GET /contacts/{id} answered in the run; polls / job: per trigger-poll job (one per Location per look with polls due), from the workers' log lines; poll jobs queued at end: trigger-poll jobs waiting their turn when the run ended (a Location runs one at a time).`,
      `"fraction of limit": the Location's accepted calls in the run (staff edits, with their own token, left out) over what HighLevel allows in that time (${SHARE} is the trigger share); "max fraction, any 10 s": the busiest 10 s inside the run; "calls < pace apart": consecutive calls less than 0.9 × ${PACE_MS} ms apart, the spacing a poll job keeps between its own calls (closer ones are the first call of the next job). 429s: answers the emulator gave the bridge.`,
      'Lateness: from a due time to the first poll of that subscription at or after it (nearest-rank percentiles; "per 30 s" groups the polls by the 30 s of the run they ran in, so a growing list is a growing backlog). "due, unpolled at end": due times in the run no poll had served when it ended, and the longest of their waits. "repeat polls": polls that served no due time (a subscription polled twice for one due); "made due again": subscriptions a job had no budget left for.',
      '"edited → caught → delivered": contacts edited by staff during the run (each once, in its first seconds) → edits a poll in the run came after → trigger.item deliveries of the polls in the run the receiver took; "delivered / poll": those deliveries over polls done.',
      `${process.version}, ${cpus().length} CPUs, everything in one process; load average (1/5/15 min) ${loadBefore} before, ${load()} after: lateness is wall time, inflated on a busy machine; the counts and fractions are not.`,
    ],
  };
}
