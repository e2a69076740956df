/**
 * The store as a whole through the control API: what one Location holds, the request log, a
 * snapshot to save and load (`--state FILE`), and the events that changes announce.
 */
import { emit, type Runtime } from '../runtime.js';
import { locationState, replaceState, type EmulatorState, type RequestLogEntry } from '../state.js';
import type { EmulatorEvent } from '../webhooks/core/emulatorEvent.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

/** The whole-store part of the control surface: state, request log, snapshots, events. */
export function stateControl(rt: Runtime) {
  return {
    /** Everything stored for one Location. */
    locationState(locationId: string) {
      knownLocation(rt, locationId);
      return structuredClone(locationState(rt.state, locationId));
    },

    /** The request log, oldest first, optionally for one Location. */
    requests(filter: { locationId?: string } = {}): RequestLogEntry[] {
      return rt.state.requests.filter(
        (r) => !filter.locationId || r.locationId === filter.locationId,
      );
    },

    /** A deep copy of the whole state, JSON-serialisable (for `--state FILE`). */
    snapshot(): EmulatorState {
      return structuredClone(rt.state);
    },

    /** Replaces the whole state with a snapshot. */
    load(snapshot: EmulatorState): void {
      if (snapshot?.version !== 1) {
        throw new ControlError(
          422,
          'invalid_snapshot',
          'Not an emulator state snapshot (version 1)',
        );
      }
      replaceState(rt.state, snapshot);
      rt.buckets.clear();
    },

    /** Calls `listener` for every change (ContactCreate, NoteCreate, …); returns an unsubscribe. */
    onEvent(listener: (event: EmulatorEvent) => void): () => void {
      rt.listeners.add(listener);
      return () => rt.listeners.delete(listener);
    },

    /** Announces an event as if a change had happened (for webhook tests). */
    emit(event: EmulatorEvent): void {
      emit(rt, event);
    },
  };
}
