/**
 * A look that repeats on a timer: every `everyMs` (and once at the start) a process looks for
 * work that is due and claims it. Looks never overlap; a look that fails is logged and the next
 * one tries again.
 */
import type { Logger } from '../logger.js';

export interface PeriodicLook<T> {
  /** Looks now (the timer does so on its own); what this look claimed. */
  look(): Promise<T[]>;
  /** Stops looking; waits for a look in progress. */
  stop(): Promise<void>;
}

/**
 * @example const schedule = lookEvery(5000, () => claimDue(db), logger, 'due trigger polls');
 */
export function lookEvery<T>(
  everyMs: number,
  claim: () => Promise<T[]>,
  logger: Logger,
  what: string,
): PeriodicLook<T> {
  let looking: Promise<T[]> = Promise.resolve([]);
  const look = () =>
    (looking = looking.then(claim).catch((error: unknown) => {
      logger.warn({ err: error }, `could not look for ${what}`);
      return [];
    }));
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  void look();
  return {
    look,
    async stop() {
      clearInterval(timer);
      await looking;
    },
  };
}
