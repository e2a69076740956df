/**
 * Conflicts between the booking app and HighLevel, per field: last writer by timestamp. For each
 * field the bridge keeps the value last written and when, and by whom (`app`: a version the
 * bridge wrote; `highlevel`: a change made in HighLevel, recorded from its webhooks by the
 * HighLevel → app half). A field the app sends is written unless HighLevel changed it after the
 * app's `updatedAt`; between the app's own versions, the version decides.
 */
import {
  APP_CONTACT_FIELDS,
  type AppContactField,
  type AppContactFields,
} from './contactFields.js';

/** The last write of one field. */
export interface FieldWrite {
  value: unknown;
  /** When it was made (ISO 8601): the app's `updatedAt`, or HighLevel's time of the change. */
  at: string;
  by: 'app' | 'highlevel';
}

/** The last write of each field (`app_contacts.field_writes`). */
export type FieldWrites = Partial<Record<AppContactField, FieldWrite>>;

export interface FieldDecision {
  /** The fields to write now. */
  write: AppContactFields;
  /** The fields left as HighLevel has them: changed there after the app's `updatedAt`. */
  keptFromHighLevel: AppContactField[];
}

/**
 * Which of the `sent` fields, changed by the app at `sentAt`, are written.
 *
 * @example
 * fieldsToWrite({ firstName: 'Ada', city: 'London' }, new Date('2026-03-01T10:00:00Z'),
 *   { city: { value: 'Paris', at: '2026-03-01T11:00:00Z', by: 'highlevel' } })
 * // { write: { firstName: 'Ada' }, keptFromHighLevel: ['city'] }
 */
export function fieldsToWrite(
  sent: AppContactFields,
  sentAt: Date,
  writes: FieldWrites,
): FieldDecision {
  const write: AppContactFields = {};
  const keptFromHighLevel: AppContactField[] = [];
  for (const field of APP_CONTACT_FIELDS) {
    const value = sent[field];
    if (value === undefined) continue;
    const last = writes[field];
    if (last?.by === 'highlevel' && Date.parse(last.at) > sentAt.getTime()) {
      keptFromHighLevel.push(field);
    } else {
      write[field] = value;
    }
  }
  return { write, keptFromHighLevel };
}

/**
 * The writes after the app's `written` fields, changed at `at`, reached HighLevel.
 *
 * @example afterAppWrite({}, { firstName: 'Ada' }, new Date('2026-03-01T10:00:00Z'))
 * // { firstName: { value: 'Ada', at: '2026-03-01T10:00:00.000Z', by: 'app' } }
 */
export function afterAppWrite(
  writes: FieldWrites,
  written: AppContactFields,
  at: Date,
): FieldWrites {
  const next: FieldWrites = { ...writes };
  for (const field of APP_CONTACT_FIELDS) {
    const value = written[field];
    if (value !== undefined) next[field] = { value, at: at.toISOString(), by: 'app' };
  }
  return next;
}
