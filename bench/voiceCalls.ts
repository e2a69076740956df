/**
 * What the voice benchmarks share: the bridge in this process with every HighLevel request timed
 * by a recorder wrapped around its fetch, one Vapi tool call posted and split between HighLevel's
 * time and the bridge's, and the percentiles. The emulator runs in its own process
 * (emulatorProcess.ts), so its work never runs on the bridge's event loop.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, loadConfig, type RuntimeOptions } from '@ghl-bridge/server';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { EmulatorProcess } from './emulatorProcess.js';

export const ADMIN = 'bench-admin-token-0123456789abcdef';
export const VAPI_SECRET = 'bench-vapi-secret-0123456789';
export const ZONE = 'America/New_York';
/** Quiet time with nothing in flight after which a tool call's background work counts as done. */
export const QUIET_MS = 50;
/**
 * Far above any run on both sides (the emulator and the bridge's own limiter), so no request
 * waits for the budget; a short interval keeps the sliding-window bookkeeping small.
 */
export const UNLIMITED = { burst: 1e12, intervalMs: 1_000, daily: 1e12 };

/** One HighLevel request as the bridge's fetch saw it, on `performance.now()`. */
export interface Exchange {
  start: number;
  end: number;
  status: number;
  method: string;
  /** The URL's path, e.g. `/conversations/messages`. */
  path: string;
}

function requestLine(input: Parameters<typeof fetch>[0], init?: RequestInit) {
  const request = input instanceof Request ? input : undefined;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  return { method, path: new URL(url).pathname };
}

/**
 * A fetch that logs every request's interval, and says when nothing has run for a while.
 *
 * @example const recorder = recordingFetch(globalThis.fetch); await recorder.settled(300);
 */
export function recordingFetch(inner: typeof fetch) {
  const log: Exchange[] = [];
  let inFlight = 0;
  let lastActivity = 0;
  const recorded: typeof fetch = async (input, init) => {
    const line = requestLine(input, init);
    const start = performance.now();
    inFlight += 1;
    let status = 0;
    try {
      const res = await inner(input, init);
      status = res.status;
      return res;
    } finally {
      inFlight -= 1;
      lastActivity = performance.now();
      log.push({ start, end: lastActivity, status, ...line });
    }
  };
  const quiet = (ms: number) => inFlight === 0 && performance.now() - lastActivity >= ms;
  const settled = async (quietMs = QUIET_MS) => {
    while (!quiet(quietMs)) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { fetch: recorded, log, settled };
}
export type Recorder = ReturnType<typeof recordingFetch>;

/**
 * Total time covered by at least one of the intervals.
 *
 * @example unionMs([{ start: 0, end: 10 }, { start: 5, end: 20 }]); // 20
 */
export function unionMs(intervals: Array<{ start: number; end: number }>): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = -Infinity;
  for (const { start, end } of sorted) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * Nearest-rank percentile.
 *
 * @example percentile([3, 1, 2], 50); // 2
 */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Sample {
  wallMs: number;
  /** CPU time of this process (user + system) from sending to the answer. */
  cpuMs: number;
  highLevelMs: number;
  calls: number;
  backgroundCalls: number;
  tooMany: number;
  expected: boolean;
}

/**
 * Runs one tool call and splits its time between HighLevel and the bridge; `answeredAt` is the
 * wall-clock time of the answer (epoch ms), `mine` the requests the call made, answer and
 * background.
 *
 * @example const { sample } = await measure(recorder, () => vapi(…), (a) => a.status === 'booked');
 */
export async function measure<T>(
  recorder: Recorder,
  send: () => Promise<T>,
  isExpected: (answer: T) => boolean,
  quietMs = QUIET_MS,
): Promise<{ sample: Sample; answer: T; answeredAt: number; mine: Exchange[] }> {
  await recorder.settled();
  const from = recorder.log.length;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const answer = await send();
  const answered = performance.now();
  const answeredAt = Date.now();
  const used = process.cpuUsage(cpu);
  await recorder.settled(quietMs);
  // A request that started before this call is an earlier call's background work finishing late.
  const mine = recorder.log.slice(from).filter((e) => e.start >= started);
  const before = mine.filter((e) => e.end <= answered);
  return {
    answer,
    answeredAt,
    mine,
    sample: {
      wallMs: answered - started,
      cpuMs: (used.user + used.system) / 1000,
      highLevelMs: unionMs(before),
      calls: before.length,
      backgroundCalls: mine.length - before.length,
      tooMany: mine.filter((e) => e.status === 429).length,
      expected: isExpected(answer),
    },
  };
}

export interface Slot {
  id: string;
}
/** A tool result as the assistant reads it (packages/server/src/voice/core/results.ts), the fields used here. */
export interface ToolAnswer {
  status: string;
  slots?: Slot[];
  appointmentId?: string;
  appointments?: Array<{ id: string }>;
  provider?: { name: string };
}

/** Vapi's answer: one line per tool call, a JSON tool result in `result` or `error`. */
interface VapiResults {
  results?: Array<{ result?: string; error?: string }>;
}

export type Send = (
  method: string,
  path: string,
  json?: unknown,
  token?: string,
) => Promise<unknown>;

let toolCalls = 0;
/**
 * Posts one Vapi `tool-calls` message with a single tool call and reads its one result.
 *
 * @example await vapi(send, ws, 'check_availability', { date: '2026-12-01' }, { id: 'call-1' });
 */
export async function vapi(
  send: Send,
  ws: string,
  tool: string,
  args: Record<string, unknown>,
  call: { id: string; number?: string },
): Promise<ToolAnswer> {
  const message = {
    type: 'tool-calls',
    call: { id: call.id, ...(call.number ? { customer: { number: call.number } } : {}) },
    toolCallList: [
      {
        id: `tc_${++toolCalls}`,
        type: 'function',
        function: { name: tool, arguments: JSON.stringify(args) },
      },
    ],
  };
  const path = `/v1/workspaces/${ws}/voice/vapi`;
  const body = (await send('POST', path, { message }, VAPI_SECRET)) as VapiResults;
  const [first] = body.results ?? [];
  return JSON.parse(first?.result ?? first?.error ?? '{"status":"no_result"}') as ToolAnswer;
}

/**
 * Weekdays from two days ahead, inside the default 30-day booking horizon, as YYYY-MM-DD.
 *
 * @example weekdaysAhead()[0]; // '2026-12-03'
 */
export function weekdaysAhead(): string[] {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  return Array.from({ length: 27 }, (_, i) => today.plus({ days: i + 2 }))
    .filter((day) => day.weekday <= 5)
    .map((day) => day.toISODate()!);
}

/**
 * A name no other caller's contains (Caller Aa, Caller Ab, …), so the name search finds no one.
 *
 * @example callerName(27); // 'Caller Bb'
 */
export function callerName(i: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (n % 26));
  return `Caller ${letter(Math.floor(i / 26)).toUpperCase()}${letter(i)}`;
}

export interface VoiceRuntime {
  /** A request to the bridge's HTTP app, in-process; resolves with the JSON answer. */
  send: Send;
  recorder: Recorder;
  stop: () => Promise<void>;
}

/**
 * The server on `databaseUrl` or the embedded database, HighLevel at the emulator, every
 * HighLevel request recorded; rate limits raised so nothing waits for the budget. `env` adds
 * settings (`GHL_BRIDGE_…`) to the configuration.
 *
 * @example const bridge = await startVoiceRuntime(emulator, process.env.BENCH_DATABASE_URL);
 */
export async function startVoiceRuntime(
  emulator: EmulatorProcess,
  databaseUrl?: string,
  options: Pick<RuntimeOptions, 'clock'> & { env?: Record<string, string> } = {},
): Promise<VoiceRuntime> {
  const { env = {}, ...runtimeOptions } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-bench-'));
  const recorder = recordingFetch(globalThis.fetch);
  const database = databaseUrl
    ? { DATABASE_URL: databaseUrl, GHL_BRIDGE_SECRET_KEY: randomBytes(32).toString('base64') }
    : {};
  const runtime = await createRuntime({
    config: loadConfig(
      { GHL_BRIDGE_ADMIN_TOKEN: ADMIN, GHL_API_BASE_URL: emulator.url, ...database, ...env },
      { dataDir },
    ),
    fetch: recorder.fetch,
    logger: pino({ level: 'silent' }),
    rateLimitWindows: [{ limit: UNLIMITED.burst, intervalMs: UNLIMITED.intervalMs }],
    ...runtimeOptions,
  });
  const stop = async () => {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const send: Send = async (method, path, json, token = ADMIN) => {
    const res = await runtime.app!.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return res.json();
  };
  return { send, recorder, stop };
}
