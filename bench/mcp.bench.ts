/**
 * What the MCP layer adds over the REST API: the same tool asked through the workspace's MCP
 * endpoint (`POST /v1/workspaces/:ws/mcp`, the official SDK's client over Streamable HTTP) and
 * through its REST route (fetch with the workspace's API key), on the same real port, one call
 * each way in turn so the machine's noise falls on both. Three tools: `check_availability` (REST:
 * `GET …/availability`), the catalogue read `find-contact` and the catalogue write
 * `create-contact-note` (REST: `POST …/actions/:name`). Each write is new (new arguments on MCP,
 * so a new arguments key; a new Idempotency-Key on REST), then sent again both ways: answered
 * from its key. The emulator runs in its own process, every HighLevel request delayed 150 ms (as
 * in the voice benches); the bridge in this process, every HighLevel request timed by a recorder
 * around its fetch (voiceCalls.ts).
 *
 * On the embedded database always; also on PostgreSQL when `BENCH_DATABASE_URL` names a server
 * the bench may create a database on: `BENCH_DATABASE_URL=postgres://… npm run bench -- mcp`.
 * `BENCH_MCP_CALLS` (default 300) timed calls per tool and way, after `BENCH_MCP_WARMUP`
 * (default 20) untimed ones. */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { createRuntime, loadConfig } from '@ghl-bridge/server';
import { DateTime } from 'luxon';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import pino from 'pino';
import { serveHttp } from '../packages/server/src/commands/serveHttp.js';
import { withEmulatorProcess, type EmulatorProcess } from './emulatorProcess.js';
import { envCount } from './env.js';
import { onEachBackend, type Backend } from './freshDatabase.js';
import type { Bench } from './report.js';
import {
  ADMIN,
  QUIET_MS,
  UNLIMITED,
  VAPI_SECRET,
  ZONE,
  measure,
  percentile,
  recordingFetch,
  weekdaysAhead,
  type Recorder,
  type Sample,
} from './voiceCalls.js';
import { loadAverages } from './processStats.js';

const HIGHLEVEL_LATENCY_MS = 150;
const CALLS = envCount('BENCH_MCP_CALLS', 300);
const WARMUP = envCount('BENCH_MCP_WARMUP', 20);
const TARGET_P50_ADDED_MS = 2;
const CONTACT_EMAIL = 'ada@example.com';

type Way = 'MCP' | 'REST';
const WAYS: readonly Way[] = ['MCP', 'REST'];

/** A call's answer, checked by whoever sent it; a write's can be sent again as it was. */
interface Answer {
  ok: boolean;
  again?: () => Promise<Answer>;
}

/** One tool, asked either way; `next` sends a new call (new arguments or key for a write). */
interface Tool {
  label: string;
  next: Record<Way, () => Promise<Answer>>;
}

type Json = Record<string, unknown>;

interface Bridge {
  recorder: Recorder;
  /** A tool call through the MCP client: its structured result, empty when `isError`. */
  mcp: (name: string, args: Json) => Promise<Json>;
  /** A request to `/v1/workspaces/:ws{path}` with the workspace's API key. */
  rest: (method: string, path: string, body?: unknown, key?: string) => Promise<RestAnswer>;
  /** Connects a new MCP client (and closes the last one). */
  reconnect(): Promise<void>;
  stop(): Promise<void>;
}

interface RestAnswer {
  status: number;
  body: Json;
}

/** The server on `databaseUrl` or the embedded database, on a real port, HighLevel at the emulator. */
async function startServer(emulator: EmulatorProcess, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-bench-mcp-'));
  const recorder = recordingFetch(globalThis.fetch);
  const database = databaseUrl
    ? { DATABASE_URL: databaseUrl, GHL_BRIDGE_SECRET_KEY: randomBytes(32).toString('base64') }
    : {};
  const runtime = await createRuntime({
    config: loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
        GHL_API_BASE_URL: emulator.url,
        // The Locations' reconciliation polls are HighLevel requests no tool call makes.
        GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0',
        ...database,
      },
      { dataDir },
    ),
    fetch: recorder.fetch,
    logger: pino({ level: 'silent' }),
    rateLimitWindows: [{ limit: UNLIMITED.burst, intervalMs: UNLIMITED.intervalMs }],
  });
  const http = await serveHttp(runtime.app!, { host: '127.0.0.1', port: 0 }).catch(
    async (error: unknown) => {
      await runtime.stop();
      throw error;
    },
  );
  const stop = async () => {
    await http.close();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  /** A request with `token`; resolves with the status and the JSON answer. */
  const call = async (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    key?: string,
  ) => {
    const res = await fetch(`${http.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { url: http.url, recorder, call, stop };
}

/** The SDK's client, connected (initialized) to the workspace's MCP endpoint with `token`. */
async function connectAgent(url: string, ws: string, token: string): Promise<Client> {
  const endpoint = new URL(`${url}/v1/workspaces/${ws}/mcp`);
  const transport = new StreamableHTTPClientTransport(endpoint, {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const agent = new Client({ name: 'ghl-bridge-bench', version: '1.0.0' });
  await agent.connect(transport);
  return agent;
}

/**
 * The bridge with a workspace connected to a new emulator Location, voice settings on its calendar,
 * its API key and a read-write MCP client.
 */
async function startBridge(emulator: EmulatorProcess, databaseUrl?: string): Promise<Bridge> {
  const server = await startServer(emulator, databaseUrl);
  let agent: Client | undefined;
  const stop = async () => {
    await agent?.close();
    await server.stop();
  };
  try {
    const admin = async (method: string, path: string, body?: unknown) => {
      const { status, body: answer } = await server.call(method, path, ADMIN, body);
      if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const { id: ws, apiKey } = (await admin('POST', '/v1/workspaces', { name: 'Bench' })) as {
      id: string;
      apiKey: string;
    };
    const workspace = `/v1/workspaces/${ws}`;
    await connectLocation(emulator, (path, body) => admin('PUT', `${workspace}${path}`, body));
    const client = { name: 'Bench agent', access: 'read-write' };
    const { token } = (await admin('POST', `${workspace}/mcp/clients`, client)) as {
      token: string;
    };
    const reconnect = async () => {
      await agent?.close();
      agent = await connectAgent(server.url, ws, token);
    };
    await reconnect();
    return {
      recorder: server.recorder,
      async mcp(name, args): Promise<Json> {
        const result = await agent!.callTool({ name, arguments: args });
        return result.isError ? {} : ((result.structuredContent as Json | undefined) ?? {});
      },
      rest: (method, path, body, key) =>
        server.call(method, `${workspace}${path}`, apiKey, body, key),
      reconnect,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A Location with a Mon–Fri 09:00–17:00 calendar, connected, the voice settings on that calendar. */
async function connectLocation(
  emulator: EmulatorProcess,
  put: (path: string, body: unknown) => Promise<unknown>,
) {
  const { locationId, token } = await emulator.control<{ locationId: string; token: string }>(
    'POST',
    '/_emulator/locations',
    { name: 'Bench', timezone: ZONE },
  );
  const locationPath = `/_emulator/locations/${locationId}`;
  const owner = await emulator.control<{ id: string }>('POST', `${locationPath}/users`, {
    firstName: 'Olive',
    lastName: 'Owner',
  });
  const calendar = await emulator.control<{ id: string }>(
    'POST',
    `${locationPath}/calendars`,
    weekdayCalendar(owner.id),
  );
  await put('/integrations/gohighlevel', { apiKey: token, locationId });
  await put('/voice', {
    calendarId: calendar.id,
    timezone: ZONE,
    rules: { minLeadMinutes: 0 },
    auth: { type: 'bearer', secret: VAPI_SECRET },
  });
}

const slotsOffered = (answer: Json) =>
  answer.status === 'ok' && Array.isArray(answer.slots) && answer.slots.length > 0;
const resultOf = (answer: Json) =>
  (answer.result ?? {}) as { contact?: { id?: string }; note?: { id?: string } };

/**
 * Each check's window ends a second later than the last one's, so the bridge's 30-second free-slot
 * cache (packages/server/src/voice/freeSlotCache.ts) never answers it: every check reads
 * HighLevel, as a caller's first question does.
 */
function checkWindows() {
  const day = weekdaysAhead()[0]!;
  let checks = 0;
  return () => ({
    from: `${day}T09:00`,
    to: DateTime.fromISO(`${day}T17:00`)
      .plus({ seconds: ++checks })
      .toFormat("yyyy-MM-dd'T'HH:mm:ss"),
  });
}

/** Sends a note; it must be made or, sent again, be the note the first send made. */
async function noted(send: () => Promise<Json>, first?: string): Promise<Answer> {
  const id = resultOf(await send()).note?.id;
  return {
    ok: Boolean(id) && (first === undefined || id === first),
    again: () => noted(send, id),
  };
}

/** The three tools; each write a new note (on REST, with a new key). */
function toolsOf(bridge: Bridge, contactId: string): Tool[] {
  const window = checkWindows();
  let notes = 0;
  const note = () => ({ contactId, body: `Called back (${++notes})` });
  return [
    {
      label: '1. check_availability',
      next: {
        MCP: async () => ({
          ok: slotsOffered(await bridge.mcp('check_availability', window())),
        }),
        REST: async () => {
          const res = await bridge.rest(
            'GET',
            `/availability?${new URLSearchParams(window()).toString()}`,
          );
          return { ok: res.status === 200 && slotsOffered(res.body) };
        },
      },
    },
    {
      label: '2. find-contact (a catalogue read)',
      next: {
        MCP: async () => ({
          ok:
            resultOf(await bridge.mcp('find-contact', { email: CONTACT_EMAIL })).contact?.id ===
            contactId,
        }),
        REST: async () => {
          const res = await bridge.rest('POST', '/actions/find-contact', { email: CONTACT_EMAIL });
          return { ok: res.status === 200 && resultOf(res.body).contact?.id === contactId };
        },
      },
    },
    {
      label: '3. create-contact-note (a catalogue write)',
      next: {
        MCP: () => {
          const args = note();
          return noted(() => bridge.mcp('create-contact-note', args));
        },
        REST: () => {
          const [args, key] = [note(), randomUUID()];
          const path = '/actions/create-contact-note';
          return noted(async () => (await bridge.rest('POST', path, args, key)).body);
        },
      },
    },
  ];
}

/** Samples of one tool: each way's calls, and its writes sent again. */
type Samples = Record<Way, Sample[]> & { again: Record<Way, Sample[]> };

/**
 * `count` rounds of one call each way, the first way turning each round; a write is sent again
 * on both ways at the end of its round.
 */
async function rounds(recorder: Recorder, tool: Tool, count: number): Promise<Samples> {
  const samples: Samples = { MCP: [], REST: [], again: { MCP: [], REST: [] } };
  for (let round = 0; round < count; round++) {
    const order = round % 2 === 0 ? WAYS : [...WAYS].reverse();
    const agains = new Map<Way, () => Promise<Answer>>();
    for (const way of order) {
      const { sample, answer } = await measure(recorder, tool.next[way], (a) => a.ok);
      samples[way].push(sample);
      if (answer.again) agains.set(way, answer.again);
    }
    for (const way of order) {
      const again = agains.get(way);
      if (again) samples.again[way].push((await measure(recorder, again, (a) => a.ok)).sample);
    }
  }
  return samples;
}

const own = (samples: Sample[]) => samples.map((s) => s.wallMs - s.highLevelMs);
const mean = (samples: Sample[], of: (s: Sample) => number) =>
  samples.reduce((sum, s) => sum + of(s), 0) / samples.length;

function row(backend: Backend, label: string, way: Way, samples: Sample[], rest: Sample[]) {
  const wall = samples.map((s) => s.wallMs);
  const added = (q: number) => percentile(own(samples), q) - percentile(own(rest), q);
  return {
    database: backend,
    case: label,
    way,
    n: samples.length,
    'answer p50 ms': percentile(wall, 50),
    'answer p99 ms': percentile(wall, 99),
    'bridge’s own p50 / p99 ms': `${percentile(own(samples), 50).toFixed(2)} / ${percentile(own(samples), 99).toFixed(2)}`,
    'MCP added p50 ms': way === 'MCP' ? added(50) : '–',
    'MCP added p99 ms': way === 'MCP' ? added(99) : '–',
    'CPU ms (mean)': mean(samples, (s) => s.cpuMs),
    'HighLevel calls (mean)': mean(samples, (s) => s.calls + s.backgroundCalls).toFixed(2),
    '429s': samples.reduce((sum, s) => sum + s.tooMany, 0),
    'unexpected answers': samples.filter((s) => !s.expected).length,
  };
}
type Row = ReturnType<typeof row>;

function rowsOf(backend: Backend, label: string, samples: Samples): Row[] {
  const rows = WAYS.map((way) => row(backend, label, way, samples[way], samples.REST));
  if (samples.again.MCP.length === 0) return rows;
  const again = `${label.split(' ')[0]!.replace('.', 'b.')} the same write sent again`;
  return [
    ...rows,
    ...WAYS.map((way) => row(backend, again, way, samples.again[way], samples.again.REST)),
  ];
}

/** Whether MCP's added p50 meets the target and each tool makes as many HighLevel calls either way. */
function targetNotes(rows: Row[]): string[] {
  const mcp = rows.filter((r) => r.way === 'MCP');
  const over = mcp.filter((r) => (r['MCP added p50 ms'] as number) >= TARGET_P50_ADDED_MS);
  const unequal = mcp.filter(
    (r) =>
      rows.find((o) => o.way === 'REST' && o.case === r.case && o.database === r.database)?.[
        'HighLevel calls (mean)'
      ] !== r['HighLevel calls (mean)'],
  );
  const name = (r: Row) => `${r.case} on ${r.database}`;
  return [
    `Target MCP added p50 < ${TARGET_P50_ADDED_MS} ms: ${
      over.length === 0
        ? 'met by every case'
        : `missed by ${over.map((r) => `${name(r)} (${(r['MCP added p50 ms'] as number).toFixed(2)} ms)`).join(', ')}`
    }.`,
    `The same HighLevel calls either way: ${unequal.length === 0 ? 'yes, in every case' : `no for ${unequal.map(name).join(', ')}`}.`,
  ];
}

/** Every case on one backend: a fresh emulator process and bridge. */
function casesOn(backend: Backend, databaseUrl?: string) {
  return withEmulatorProcess(
    UNLIMITED,
    (emulator) => startBridge(emulator, databaseUrl),
    (emulator, bridge) => casesWith(backend, emulator, bridge),
  );
}

async function casesWith(backend: Backend, emulator: EmulatorProcess, bridge: Bridge) {
  const made = await bridge.rest('POST', '/actions/create-contact', {
    firstName: 'Ada',
    email: CONTACT_EMAIL,
  });
  const contactId = resultOf(made.body).contact?.id;
  if (!contactId) throw new Error(`create-contact: ${made.status} ${JSON.stringify(made.body)}`);
  await emulator.control('PUT', '/_emulator/faults', [{ latencyMs: HIGHLEVEL_LATENCY_MS }]);
  const rows: Row[] = [];
  for (const tool of toolsOf(bridge, contactId)) {
    // The SDK's client adds an abort listener per request to one signal, dropped only when
    // collected: a client per tool keeps Node from warning of a leak.
    await bridge.reconnect();
    await rounds(bridge.recorder, tool, WARMUP);
    rows.push(...rowsOf(backend, tool.label, await rounds(bridge.recorder, tool, CALLS)));
  }
  return rows;
}

const bench: Bench = async () => {
  const loadBefore = loadAverages();
  const rows = (await onEachBackend('bench_mcp', casesOn)).flat();
  return {
    name: `MCP vs REST: the same tools either way (${CALLS} calls per tool and way, HighLevel ${HIGHLEVEL_LATENCY_MS} ms per request, emulator)`,
    rows,
    notes: [
      `The emulator in its own process on a real port, every HighLevel request delayed ${HIGHLEVEL_LATENCY_MS} ms by its fault rule. The bridge in this process, served on 127.0.0.1 (its \`serveHttp\`); HighLevel's requests timed by a fetch wrapped around the bridge's (as in the voice bench).`,
      'MCP: the official SDK client (`@modelcontextprotocol/sdk` Client, StreamableHTTPClientTransport, initialized once) calling `callTool` with an MCP client token (read-write). REST: Node’s fetch with the workspace API key, the same port and keep-alive. Each round one call each way, the first way turning each round; the untimed warm-up rounds first.',
      `answer: sending the call until its answer is read (the SDK’s parsed result; REST’s JSON); percentiles nearest-rank. bridge’s own: answer minus the union of the HighLevel requests that completed before it. MCP added: MCP’s percentile of the bridge’s own time minus REST’s (the HighLevel delay’s jitter taken out). CPU: this process (the bridge, PGlite when embedded, the SDK client or fetch) from sending to the answer; MCP's audit row is written as its answer leaves, in the figures as far as it runs first (on PGlite, in this process, it does). HighLevel calls: every request the call made, those after the answer too, until ${QUIET_MS} ms with none in flight.`,
      `1: from 09:00 to just past 17:00 on a weekday two or more days ahead (REST: GET /v1/workspaces/:ws/availability?from=&to=); each window ends a second after the last, so the bridge's 30-second free-slot cache answers none and every check reads HighLevel's free slots, as a caller's first question does. 2: find-contact by email, finding the one contact (REST: POST …/actions/find-contact). 3: create-contact-note on that contact with a new body each call: MCP keys a write without _meta.idempotencyKey by its arguments (10 minutes), REST by the new Idempotency-Key; 3b: each write sent again at the end of its round (same arguments; same key and body), answered from the key: no HighLevel call.`,
      ...targetNotes(rows),
      `Rate limits raised on the emulator and on the bridge's limiter; the 429s column counts any HighLevel 429 anyway. Database: embedded PGlite in this process${process.env.BENCH_DATABASE_URL ? '; PostgreSQL: a fresh database on the server of BENCH_DATABASE_URL' : ' (set BENCH_DATABASE_URL for PostgreSQL rows)'}. ${process.version}, ${cpus().length} CPUs, load average (1/5/15 min) ${loadBefore} before and ${loadAverages()} after: latencies taken on a busy machine are inflated by waiting for a core.`,
    ],
  };
};
export default bench;
