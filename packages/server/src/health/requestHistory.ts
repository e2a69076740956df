/**
 * Records this process's HighLevel requests into `highlevel_request_history`: the client's
 * events are tallied in memory and written every few seconds in one statement, so the history
 * costs no statement per request. A process killed between two writes loses at most those few
 * seconds of counts (they are statistics; the requests themselves are journaled elsewhere).
 */
import type { ClientEvent } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import { BUCKET_MS, createRequestTally } from './core/requestTally.js';
import { addRequestCounts, pruneRequestHistory } from './requestHistoryStore.js';

/** How much history is kept: the Health page shows the last hour. */
export const HISTORY_KEPT_MS = 2 * 3_600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface RequestHistoryOptions {
  db: Kysely<DB>;
  logger: Logger;
  /** Epoch ms; default the system clock. */
  now?: () => number;
  /** Default 5 s. */
  writeEveryMs?: number;
}

export interface RequestHistory {
  /** Give every client event here. */
  onClientEvent(event: ClientEvent): void;
  /** Writes what is tallied now (the timer does this on its own). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
}

/**
 * @example
 * const history = recordRequestHistory({ db: database.db, logger });
 * const clients = createHighLevelClients({ …, onEvent: history.onClientEvent });
 * await history.stop();
 */
export function recordRequestHistory(options: RequestHistoryOptions): RequestHistory {
  const now = options.now ?? Date.now;
  const tally = createRequestTally();
  let lastPrune = 0;
  let writing: Promise<void> = Promise.resolve();

  async function write() {
    const counts = tally.drain();
    try {
      await addRequestCounts(options.db, counts);
      if (now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now();
        await pruneRequestHistory(options.db, Math.floor((now() - HISTORY_KEPT_MS) / BUCKET_MS));
      }
    } catch (error) {
      // Kept for the next write: a database hiccup must not lose the counts, nor a request.
      tally.restore(counts);
      options.logger.warn({ err: error }, 'could not record HighLevel request counts');
    }
  }
  // One write at a time, in order.
  const flush = () => (writing = writing.then(write));

  const timer = setInterval(() => void flush(), options.writeEveryMs ?? 5_000);
  timer.unref();

  return {
    onClientEvent: (event) => tally.add(event, now()),
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
