/**
 * What the bridge already knows of HighLevel records (the states stored in `highlevel_changes`,
 * seen by a webhook or an earlier poll), and what the poll makes of a state it reads: news to
 * tell the app, a state to remember without telling, or nothing new.
 */
import type { BridgeChange } from '../../highlevelWebhooks/core/bridgeChange.js';
import type { RecordState } from './recordState.js';

export interface KnownRecord {
  fingerprints: ReadonlySet<string>;
  /** The newest state seen. */
  newest: { fingerprint: string; rank: number };
}

/** Known records by HighLevel id. */
export type KnownStates = ReadonlyMap<string, KnownRecord>;

/** A stored state, as `highlevel_changes` holds it. */
export interface StoredState {
  record_id: string;
  fingerprint: string;
  state_rank: number | string | bigint;
}

/**
 * The known records among stored states.
 *
 * @example knownStatesOf([{ record_id: 't1', fingerprint: 'open', state_rank: 1 }]).get('t1')?.newest
 * // { fingerprint: 'open', rank: 1 }
 */
export function knownStatesOf(rows: readonly StoredState[]): Map<string, KnownRecord> {
  const known = new Map<string, { fingerprints: Set<string>; newest: KnownRecord['newest'] }>();
  for (const row of rows) {
    const rank = Number(row.state_rank);
    const record = known.get(row.record_id);
    if (!record) {
      known.set(row.record_id, {
        fingerprints: new Set([row.fingerprint]),
        newest: { fingerprint: row.fingerprint, rank },
      });
      continue;
    }
    record.fingerprints.add(row.fingerprint);
    if (rank > record.newest.rank) record.newest = { fingerprint: row.fingerprint, rank };
  }
  return known;
}

/**
 * True when `state` is neither known nor older than a known state of its record.
 *
 * @example isNews({ kind: 'task', id: 't1', fingerprint: 'open', rank: 1 }, knownStatesOf([{ record_id: 't1', fingerprint: 'completed', state_rank: 2 }])) // false
 */
export function isNews(state: RecordState, known: KnownStates): boolean {
  const record = known.get(state.id);
  if (!record) return true;
  return !record.fingerprints.has(state.fingerprint) && state.rank >= record.newest.rank;
}

/** A change to a record (not an app install). */
export type RecordChange = Exclude<BridgeChange, { kind: 'app' }>;

/**
 * A state the poll read that is new to the bridge: `tell` it to the app with `change`, or only
 * remember it (`tell: false`), as for the open tasks found by the first poll of a Location.
 */
export interface Finding {
  state: RecordState;
  change: RecordChange;
  tell: boolean;
  /** The record's fields as HighLevel holds them now, when the poll read them (a contact). */
  record?: Readonly<Record<string, unknown>>;
}
