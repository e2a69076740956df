/**
 * The per-Location rate limiter under a saturated queue, in virtual time (a manual clock), so ten
 * minutes of traffic take a fraction of a second per Location. How close does it come to
 * HighLevel's 100 requests per 10 s without ever going over, and what does each grant cost?
 */
import { setMaxListeners } from 'node:events';
import { manualClock } from '../packages/client/src/clock.js';
import {
  createRateLimiter,
  HIGHLEVEL_WINDOWS,
  DEFAULT_WINDOWS,
  memoryRateLimitStore,
  type RateLimitWindow,
} from '../packages/client/src/rateLimit/index.js';
import { busiestWindow, quietestWindow } from '../packages/client/src/rateLimit/windowStats.js';
import type { BenchReport } from './report.js';

const DURATION_MS = 10 * 60_000;
const BURST = HIGHLEVEL_WINDOWS[0]!; // 100 per 10 s: what HighLevel enforces
const LATENCY_MS = [50, 250] as const;

interface Case {
  name: string;
  keys: number;
  windows: readonly RateLimitWindow[];
}

const cases: Case[] = [
  { name: '1 Location, default (100 per 10.25 s)', keys: 1, windows: DEFAULT_WINDOWS },
  { name: '50 Locations, default', keys: 50, windows: DEFAULT_WINDOWS },
  { name: '1 Location, exact 100 per 10 s', keys: 1, windows: HIGHLEVEL_WINDOWS },
];

/** Grant times per key, with twice the burst limit always waiting on every key. */
async function saturate({ keys, windows }: Case, durationMs = DURATION_MS): Promise<number[][]> {
  const clock = manualClock(0);
  const limiter = createRateLimiter({ clock, windows });
  const logs = Array.from({ length: keys }, () => [] as number[]);
  // One signal per Location, shared by its waiting callers (as a shutdown signal would be).
  const stops = logs.map(() => new AbortController());
  setMaxListeners(4 * BURST.limit, ...stops.map((s) => s.signal));
  const worker = async (key: number) => {
    const { signal } = stops[key]!;
    while (!signal.aborted) {
      try {
        await limiter.acquire(`loc_${key}`, { signal });
      } catch {
        return;
      }
      logs[key]!.push(clock.now());
    }
  };
  const workers = logs.flatMap((_, key) =>
    Array.from({ length: 2 * BURST.limit }, () => worker(key)),
  );
  await clock.advance(durationMs);
  for (const stop of stops) stop.abort();
  await Promise.all(workers);
  return logs.map((log) => log.filter((t) => t < durationMs));
}

/** CPU time of the memory store alone per grant: 50 keys, time moving 1 ms per refusal. */
async function storeMicrosPerGrant(): Promise<number> {
  const store = memoryRateLimitStore();
  const cpuBefore = process.cpuUsage();
  let now = 0;
  let grants = 0;
  while (grants < 300_000) {
    const result = await store.tryAcquire(`loc_${grants % 50}`, now, HIGHLEVEL_WINDOWS);
    if (result.granted) grants++;
    else now += 1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return (cpu.user + cpu.system) / grants;
}

/** A fixed pseudo-random sequence in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * How many of `grants` a server enforcing 100 per sliding 10 s would refuse if each request took
 * a random 50–250 ms to arrive: what the network does to a limiter that fills windows exactly.
 */
function refusedAtServer(grants: readonly number[], random: () => number): number {
  const arrivals = grants
    .map((t) => t + LATENCY_MS[0] + random() * (LATENCY_MS[1] - LATENCY_MS[0]))
    .sort((a, b) => a - b);
  const accepted: number[] = [];
  let head = 0;
  let refused = 0;
  for (const t of arrivals) {
    while (head < accepted.length && accepted[head]! <= t - BURST.intervalMs) head++;
    if (accepted.length - head < BURST.limit) accepted.push(t);
    else refused++;
  }
  return refused;
}

export default async function limiterBench(): Promise<BenchReport> {
  const rows: BenchReport['rows'] = [];
  await saturate(cases[1]!, 60_000); // warm-up (30,000 grants), so no case pays for compiling
  for (const c of cases) {
    // Three runs (the same grants each time, virtual time being exact); the fastest is reported,
    // as garbage collection and compilation only ever add to a run.
    let logs: number[][] = [];
    let cpuMicros = Infinity;
    for (let run = 0; run < 3; run++) {
      const cpuBefore = process.cpuUsage();
      logs = await saturate(c);
      const cpu = process.cpuUsage(cpuBefore);
      cpuMicros = Math.min(cpuMicros, cpu.user + cpu.system);
    }
    const grants = logs.reduce((n, log) => n + log.length, 0);
    const windowsPerRun = DURATION_MS / BURST.intervalMs;
    const random = seeded(42);
    const refused = logs.reduce((n, log) => n + refusedAtServer(log, random), 0);
    rows.push({
      case: c.name,
      grants,
      'mean per 10 s / limit': grants / c.keys / windowsPerRun / BURST.limit,
      'worst 10 s window / limit':
        Math.min(
          ...logs.map((log) =>
            quietestWindow(log, BURST.intervalMs, BURST.intervalMs, DURATION_MS),
          ),
        ) / BURST.limit,
      'worst 60 s window / limit':
        Math.min(...logs.map((log) => quietestWindow(log, 60_000, 60_000, DURATION_MS))) /
        (6 * BURST.limit),
      'max in any sliding 10 s': Math.max(
        ...logs.map((log) => busiestWindow(log, BURST.intervalMs)),
      ),
      'refused by server, 50-250 ms latency': `${((100 * refused) / grants).toFixed(1)} %`,
      'CPU µs / grant': cpuMicros / grants,
    });
  }
  return {
    name: 'Rate limiter: saturated queue, 10 virtual minutes',
    rows,
    notes: [
      `The memory store alone: ${(await storeMicrosPerGrant()).toFixed(2)} µs CPU per grant ` +
        '(300,000 grants over 50 Locations).',
      `Each Location has ${2 * BURST.limit} requests waiting at all times; virtual time.`,
      'Windows are (t - 10 s, t] for every t, not only aligned ones; "worst" is the fewest grants ' +
        "in any window wholly inside the run. Each window's 100 go out at once, so with the " +
        'default 10.25 s interval some 10 s windows fall between two bursts and hold none; the ' +
        '60 s column shows the sustained rate.',
      'Refused by server: the grant times replayed against an exact 100 per 10 s window after ' +
        'a random 50-250 ms network delay each (seeded).',
      'CPU time: real process time (user + system) per grant, the fastest of three runs, ' +
        'including the manual clock and the waiting callers.',
    ],
  };
}
