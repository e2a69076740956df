/**
 * The request log of an emulator running in another process, collected over its control API
 * (`GET /_emulator/requests`). The emulator keeps its latest 10,000 requests; a run with more
 * calls than that is read every few seconds and the pieces joined where they overlap.
 */
import type { RequestLogEntry } from '@ghl-bridge/emulator';

const same = (a: RequestLogEntry, b: RequestLogEntry) =>
  a.time === b.time &&
  a.path === b.path &&
  a.method === b.method &&
  a.status === b.status &&
  a.durationMs === b.durationMs &&
  a.locationId === b.locationId;

/**
 * How many entries of `seen` (the previous read) the log has dropped since, given `now` (this
 * read): the smallest `dropped` for which `seen.slice(dropped)` begins `now`. Undefined when none
 * does: the log moved on by more than it holds between two reads.
 */
export function droppedSince(seen: RequestLogEntry[], now: RequestLogEntry[]): number | undefined {
  for (let dropped = 0; dropped <= seen.length; dropped++) {
    const overlap = seen.length - dropped;
    if (overlap > now.length) continue;
    let match = true;
    for (let i = 0; i < overlap && match; i++) match = same(seen[dropped + i]!, now[i]!);
    if (match) return dropped;
  }
  return undefined;
}

export interface EmulatorLog {
  /** Every request read so far, oldest first. */
  entries: RequestLogEntry[];
  /** Reads the log now and appends what is new. */
  read(): Promise<void>;
  /** Reads every `intervalMs` until `stop()`. */
  follow(intervalMs: number): void;
  stop(): Promise<void>;
}

/**
 * @example
 * const log = emulatorLog('http://127.0.0.1:4010');
 * log.follow(2000);
 * // … run …
 * await log.stop(); // reads once more
 */
export function emulatorLog(baseUrl: string): EmulatorLog {
  const entries: RequestLogEntry[] = [];
  let last: RequestLogEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  let reading: Promise<void> = Promise.resolve();
  /** A gap in the log is kept, so a later read cannot hide it. */
  let gap: Error | undefined;

  async function readOnce(): Promise<void> {
    const res = await fetch(`${baseUrl}/_emulator/requests`);
    const { requests } = (await res.json()) as { requests: RequestLogEntry[] };
    if (gap) throw gap;
    const dropped = droppedSince(last, requests);
    if (dropped === undefined) {
      gap = new Error('The emulator dropped requests from its log before they were read');
      throw gap;
    }
    entries.push(...requests.slice(last.length - dropped));
    last = requests;
  }

  const log: EmulatorLog = {
    entries,
    read() {
      reading = reading.catch(() => undefined).then(readOnce);
      return reading;
    },
    follow(intervalMs) {
      timer = setInterval(() => void log.read().catch(() => undefined), intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await log.read();
    },
  };
  return log;
}
