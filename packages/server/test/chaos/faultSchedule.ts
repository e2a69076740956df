/**
 * HighLevel misbehaving, named: 503s; writes applied and then answered with a 5xx or a dropped
 * connection; bodies that come slowly, a few slower than the bridge's 10 s timeout; latency; and a
 * burst of 429s every few seconds, as when a Location goes over its budget.
 */
import type { Emulator, FaultRule } from '@ghl-bridge/emulator';

export interface FaultHits {
  serverError: number;
  commitThenFail: number;
  drop: number;
  tooManyRequests: number;
  slowBody: number;
}

export interface FaultSchedule {
  /** Clears the faults; returns how often each kind hit. */
  stop(): FaultHits;
}

const WRITE = '^/contacts';
/** Past the bridge's HighLevel timeout (10 s): the attempt times out with the write done. */
const SLOWER_THAN_TIMEOUT_MS = 11_000;

const BASE: FaultRule[] = [
  { match: { method: 'POST', path: WRITE }, commitThenFail: 'status', probability: 0.025 },
  { match: { method: 'POST', path: WRITE }, commitThenFail: 'drop', probability: 0.025 },
  { match: { method: 'PUT', path: WRITE }, commitThenFail: 'status', probability: 0.05 },
  { status: 503, probability: 0.1 },
  { slowBodyMs: SLOWER_THAN_TIMEOUT_MS, probability: 0.002 },
  { slowBodyMs: 1_500, probability: 0.02 },
  { latencyMs: 300, probability: 0.02 },
  // Every other call a little late, as over a real network. Last: the first matching rule applies.
  { latencyMs: 15 },
];

/**
 * Turns the faults on until `stop`.
 *
 * @example
 * const faults = faultSchedule(emulator, seededRandom(seed));
 * // ... traffic ...
 * const hits = faults.stop();
 */
export function faultSchedule(emulator: Emulator, random: () => number): FaultSchedule {
  const hits: FaultHits = {
    serverError: 0,
    commitThenFail: 0,
    drop: 0,
    tooManyRequests: 0,
    slowBody: 0,
  };
  // Setting the rules starts their hit counts over: add them up first.
  const count = () => {
    for (const { rule, hits: n } of emulator.control.faults()) {
      if (rule.commitThenFail === 'drop') hits.drop += n;
      else if (rule.commitThenFail) hits.commitThenFail += n;
      else if (rule.status === 429) hits.tooManyRequests += n;
      else if (rule.status) hits.serverError += n;
      else if (rule.slowBodyMs) hits.slowBody += n;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  // A burst lasts a moment, whatever the traffic.
  const burst = () => {
    count();
    emulator.control.setFaults([{ status: 429, count: 5 + Math.floor(random() * 10) }, ...BASE]);
    timer = setTimeout(calm, 300 + random() * 400);
  };
  const calm = () => {
    count();
    emulator.control.setFaults(BASE);
    timer = setTimeout(burst, 2_000 + random() * 3_000);
  };
  emulator.control.setFaults(BASE);
  timer = setTimeout(burst, 1_000);
  return {
    stop() {
      clearTimeout(timer);
      count();
      emulator.control.clearFaults();
      return { ...hits };
    },
  };
}
