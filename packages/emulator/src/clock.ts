import { systemClock, type Clock } from '@ghl-bridge/client';

/** The emulator's own clock: real time plus an offset that the control API can move. */
export interface SettableClock extends Clock {
  /** Jumps to `now` (epoch ms). */
  set(now: number): void;
  /** Moves forward by `ms`. */
  advance(ms: number): Promise<void>;
}

/**
 * A clock that follows `base` shifted by an adjustable offset.
 *
 * @example
 * const clock = settableClock();
 * clock.set(Date.parse('2026-12-01T09:00:00Z'));
 */
export function settableClock(base: Clock = systemClock): SettableClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    sleep: (ms, signal) => base.sleep(ms, signal),
    set(now) {
      offset = now - base.now();
    },
    advance(ms) {
      offset += ms;
      return Promise.resolve();
    },
  };
}
