/**
 * Fault rules and the emulator clock through the control API: what a test sets to make requests
 * fail or slow down, and the time those delays, token expiry and rate windows run on.
 */
import type { FaultRule } from '../faults.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';

/** How the control surface reaches the clock: set/advance exist only for settable clocks. */
export interface ClockControl {
  now(): number;
  set?(now: number): void;
  advance?(ms: number): Promise<void>;
}

const notSettable = (what: string) =>
  new ControlError(409, 'clock_not_settable', `The emulator was given a clock it cannot ${what}`);

/**
 * The fault and clock part of the control surface. `clock` is the emulator's own settable clock,
 * or an injected one that may only advance (a `manualClock()`), or neither.
 */
export function faultsAndClockControl(rt: Runtime, clock: ClockControl) {
  return {
    /** Replaces all fault rules; the first matching rule applies to a request. */
    setFaults(rules: FaultRule[]): void {
      rt.faults.splice(0, rt.faults.length, ...rules.map((rule) => ({ rule, hits: 0 })));
    },

    /** Adds one rule after the existing ones. */
    addFault(rule: FaultRule): void {
      rt.faults.push({ rule, hits: 0 });
    },

    clearFaults(): void {
      rt.faults.length = 0;
    },

    /** Fault rules with how often each has hit. */
    faults(): { rule: FaultRule; hits: number }[] {
      return rt.faults.map((f) => ({ rule: f.rule, hits: f.hits }));
    },

    now(): number {
      return clock.now();
    },

    /** Jumps the emulator clock to `now` (epoch ms or ISO string). */
    setClock(now: number | string): void {
      const ms = typeof now === 'number' ? now : Date.parse(now);
      if (!Number.isFinite(ms)) throw new ControlError(422, 'invalid_time', `Not a time: ${now}`);
      if (clock.set) return clock.set(ms);
      if (clock.advance && ms >= clock.now()) return void clock.advance(ms - clock.now());
      throw notSettable('set');
    },

    /** Moves the emulator clock forward by `ms`. */
    async advanceClock(ms: number): Promise<void> {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new ControlError(422, 'invalid_duration', `Not a duration: ${ms}`);
      }
      if (!clock.advance) throw notSettable('move');
      await clock.advance(ms);
    },
  };
}
