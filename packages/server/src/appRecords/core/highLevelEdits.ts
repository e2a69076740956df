/**
 * A change made in HighLevel to a contact the booking app keeps, field by field, under the rule
 * of `fieldWrites.ts` (last writer by timestamp): a field whose value moved is HighLevel's news,
 * unless the app wrote that field later than HighLevel changed it (HighLevel's word came late: the
 * app's value is what HighLevel holds or will hold). What is news is recorded as HighLevel's write.
 */
import {
  APP_CONTACT_FIELDS,
  type AppContactField,
  type AppContactFields,
} from './contactFields.js';
import type { FieldWrites } from './fieldWrites.js';

export interface HighLevelEdits {
  /** The fields HighLevel changed, with their new values: what the app is told. */
  changed: AppContactFields;
  /** The fields HighLevel changed before the app's later write of them: not told. */
  outdated: AppContactField[];
  /** The writes after the change. */
  writes: FieldWrites;
}

/** A field's value written one way, so the app's `1815-12-10` and HighLevel's ISO time agree. */
function comparable(field: AppContactField, value: string): string {
  if (field === 'email') return value.trim().toLowerCase();
  if (field === 'dateOfBirth') return value.slice(0, 10);
  return value.trim();
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return value === null ? '' : undefined;
}

/**
 * The edits in `contact` (HighLevel's fields now, changed at `at`) against the last `writes`.
 *
 * @example
 * highLevelEdits({ firstName: 'Ada', city: 'Paris' }, new Date('2026-03-01T11:00:00Z'),
 *   { firstName: { value: 'Ada', at: '2026-03-01T10:00:00Z', by: 'app' } })
 * // { changed: { city: 'Paris' }, outdated: [], writes: { firstName: …, city: { value: 'Paris', at: '2026-03-01T11:00:00.000Z', by: 'highlevel' } } }
 */
export function highLevelEdits(
  contact: Readonly<Record<string, unknown>>,
  at: Date,
  writes: FieldWrites,
): HighLevelEdits {
  const changed: AppContactFields = {};
  const outdated: AppContactField[] = [];
  const next: FieldWrites = { ...writes };
  for (const field of APP_CONTACT_FIELDS) {
    const value = textOf(contact[field]);
    if (value === undefined) continue;
    const last = writes[field];
    const lastValue = typeof last?.value === 'string' ? last.value : '';
    if (comparable(field, value) === comparable(field, lastValue)) continue;
    if (last?.by === 'app' && Date.parse(last.at) > at.getTime()) {
      outdated.push(field);
      continue;
    }
    changed[field] = value;
    next[field] = { value, at: at.toISOString(), by: 'highlevel' };
  }
  return { changed, outdated, writes: next };
}
