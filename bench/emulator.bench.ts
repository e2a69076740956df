/**
 * How fast the emulator answers, so it is never what our other benchmarks measure: requests per
 * second for a read (GET a contact) and writes (create, upsert), in-process (`emulator.fetch`)
 * and over HTTP (the emulator served from a child process, keep-alive), at several concurrency
 * levels. "Per core" is requests per CPU-second of the process that runs the emulator.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createEmulator, type ContactRecord, type Emulator } from '@ghl-bridge/emulator';
import type { Bench, BenchReport } from './report.js';

const CONCURRENCY = [1, 16, 64];
/** Each case runs this long after its warm-up. */
const MEASURE_MS = 1_000;
/** Warm-up: this many requests, or this long, whichever ends first. */
const WARM_UP = 200;
const WARM_UP_MS = 300;
/** Contacts in the store before a case starts: the read target and the upsert keys. */
const STORED = 100;
/**
 * Far above any run, so nothing is throttled. The sliding window keeps every request of its
 * interval, so a 1 s interval keeps that bookkeeping as small as HighLevel's 100 per 10 s does.
 */
const LIMITS = { burst: 1e12, intervalMs: 1_000, daily: 1e12 };

type Send = (path: string, init?: RequestInit) => Promise<Response>;

interface Target {
  send: Send;
  headers: Record<string, string>;
  locationId: string;
  contactIds: string[];
  /** CPU time (µs) used so far by the process serving the emulator. */
  cpuUs(): Promise<number>;
}

interface Workload {
  name: string;
  request(target: Target, i: number): [string, RequestInit];
}

let unique = 0;
const json = (target: Target, body: unknown): RequestInit => ({
  method: 'POST',
  headers: target.headers,
  body: JSON.stringify(body),
});

const workloads: Workload[] = [
  {
    name: 'read: GET /contacts/{id}',
    request: (t, i) => [
      `/contacts/${t.contactIds[i % t.contactIds.length]}`,
      { headers: t.headers },
    ],
  },
  {
    name: 'write: POST /contacts/ (new contact)',
    request: (t) => [
      '/contacts/',
      json(t, { locationId: t.locationId, email: `new${unique++}@example.com`, firstName: 'Ada' }),
    ],
  },
  {
    name: 'write: POST /contacts/upsert (existing)',
    request: (t, i) => [
      '/contacts/upsert',
      json(t, { locationId: t.locationId, email: `c${i % STORED}@example.com`, city: `C${i}` }),
    ],
  },
];

/** Runs `request` from `concurrency` callers for MEASURE_MS; every answer must be a 2xx. */
async function measure(target: Target, workload: Workload, concurrency: number) {
  let i = 0;
  const one = async () => {
    const [path, init] = workload.request(target, i++);
    const res = await target.send(path, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${workload.name}: HTTP ${res.status}`);
  };
  const warmUpEnd = performance.now() + WARM_UP_MS;
  for (let w = 0; w < WARM_UP && performance.now() < warmUpEnd; w++) await one();
  let done = 0;
  const cpuBefore = await target.cpuUs();
  const started = performance.now();
  const deadline = started + MEASURE_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await one();
        done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = ((await target.cpuUs()) - cpuBefore) / 1e6;
  return {
    'requests/s': done / seconds,
    'µs/request': (seconds * 1e6) / done,
    'requests/s per core': done / cpuSeconds,
    'cores busy': cpuSeconds / seconds,
  };
}

const ownCpuUs = () => {
  const { user, system } = process.cpuUsage();
  return Promise.resolve(user + system);
};

/** A fresh Location holding `STORED` contacts c0…c99@example.com, through `send`. */
async function prepare(
  send: Send,
  created: { locationId: string; token: string },
  cpuUs: Target['cpuUs'],
) {
  const headers = {
    Authorization: `Bearer ${created.token}`,
    Version: '2021-07-28',
    'Content-Type': 'application/json',
  };
  const contactIds: string[] = [];
  for (let c = 0; c < STORED; c++) {
    const res = await send('/contacts/', {
      method: 'POST',
      headers,
      body: JSON.stringify({ locationId: created.locationId, email: `c${c}@example.com` }),
    });
    contactIds.push(((await res.json()) as { contact: { id: string } }).contact.id);
  }
  return { send, headers, locationId: created.locationId, contactIds, cpuUs };
}

function inProcessTarget(emulator: Emulator): Promise<Target> {
  const send: Send = (path, init) => emulator.fetch(new Request(`http://ghl.test${path}`, init));
  return prepare(send, emulator.control.createLocation(), ownCpuUs);
}

/** Contacts loaded as a snapshot, to measure writes against a large Location without seeding it. */
function withStoredContacts(emulator: Emulator, locationId: string, count: number): void {
  const snapshot = emulator.control.snapshot();
  const at = new Date().toISOString();
  for (let c = 0; c < count; c++) {
    const id = `bulk${String(c).padStart(16, '0')}`;
    const contact: ContactRecord = {
      id,
      locationId,
      email: `bulk${c}@example.com`,
      phone: `+1415${String(c).padStart(7, '0')}`,
      type: 'lead',
      tags: [],
      customFields: {},
      dateAdded: at,
      dateUpdated: at,
    };
    snapshot.contacts[id] = contact;
  }
  emulator.control.load(snapshot);
}

/** The emulator in a child process on a free port; its CPU time is read over stdin/stdout. */
const SERVER_SCRIPT = `
import { createInterface } from 'node:readline';
import { createEmulator, startServer } from '@ghl-bridge/emulator';
const emulator = createEmulator({ limits: ${JSON.stringify(LIMITS)} });
const server = await startServer(emulator, { port: 0 });
console.log(JSON.stringify({ url: server.url }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'cpu') break;
  const { user, system } = process.cpuUsage();
  console.log(JSON.stringify({ cpuUs: user + system }));
}
await server.close();
`;

async function startChildServer() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@ghl-bridge/source',
      '--input-type=module',
      '-e',
      SERVER_SCRIPT,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) throw new Error('the emulator process exited');
    return JSON.parse(String(next.value)) as Record<string, unknown>;
  };
  const { url } = (await nextLine()) as { url: string };
  const cpuUs = async () => {
    child.stdin.write('cpu\n');
    return (await nextLine()).cpuUs as number;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin.end('stop\n');
    });
  return { url, cpuUs, stop };
}

const bench: Bench = async () => {
  const rows: BenchReport['rows'] = [];
  const row = (
    transport: string,
    workload: Workload,
    concurrency: number,
    stored: string,
    figures: Record<string, number>,
  ) =>
    rows.push({
      transport,
      operation: workload.name,
      concurrency,
      'contacts stored': stored,
      ...figures,
    });

  for (const workload of workloads) {
    for (const concurrency of CONCURRENCY) {
      const emulator = createEmulator({ limits: LIMITS });
      const target = await inProcessTarget(emulator);
      const figures = await measure(target, workload, concurrency);
      const stored = `${STORED}→${Object.keys(emulator.state.contacts).length}`;
      row('in-process', workload, concurrency, stored, figures);
    }
  }

  // The writes look every contact of the Location up (duplicate rule), so their cost grows with
  // the Location's size; shown at 5,000 and 20,000 contacts.
  for (const size of [5_000, 20_000]) {
    for (const workload of workloads) {
      const emulator = createEmulator({ limits: LIMITS });
      const target = await inProcessTarget(emulator);
      withStoredContacts(emulator, target.locationId, size);
      const figures = await measure(target, workload, 16);
      row('in-process', workload, 16, `${size + STORED}`, figures);
    }
  }

  const server = await startChildServer();
  try {
    for (const workload of workloads) {
      for (const concurrency of CONCURRENCY) {
        await fetch(`${server.url}/_emulator/reset`, { method: 'POST' });
        const created = (await (
          await fetch(`${server.url}/_emulator/locations`, { method: 'POST', body: '{}' })
        ).json()) as { locationId: string; token: string };
        const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
        const target = await prepare(send, created, server.cpuUs);
        const figures = await measure(target, workload, concurrency);
        const state = (await (
          await fetch(`${server.url}/_emulator/locations/${created.locationId}/state`)
        ).json()) as { contacts: unknown[] };
        row('HTTP', workload, concurrency, `${STORED}→${state.contacts.length}`, figures);
      }
    }
  } finally {
    await server.stop();
  }

  return {
    name: 'emulator throughput (one Location, rate limit raised out of the way)',
    rows,
    notes: [
      `Each case: ${WARM_UP} warm-up requests (at most ${WARM_UP_MS} ms), then ${MEASURE_MS} ms of requests from N concurrent callers; every answer checked to be a 2xx.`,
      'requests/s per core = requests ÷ CPU-seconds of the process running the emulator (in-process: the whole bench process; HTTP: the child process serving the port, so the load generator’s fetch cost is excluded).',
      '“contacts stored” is the Location’s size before→after the case; creates grow it as they run.',
      '“cores busy” = CPU-seconds ÷ wall seconds of that process; an in-process row below 1 means other work on the machine took the CPU, so compare throughput by the per-core column.',
      `Limits raised to ${JSON.stringify(LIMITS)}; HighLevel's own are 100 per 10 s, so one Location never asks more than 10 requests/s of it.`,
      `${process.version}, ${process.platform}/${process.arch}.`,
    ],
  };
};
export default bench;
