/**
 * One state of a HighLevel record, described the same way whether a webhook brought it or the
 * reconciliation poll read it from the API, so that a change seen both ways is recognised as one
 * (and told to the booking app once). A state has a fingerprint (what it is) and a rank (how new
 * it is among the record's states: HighLevel's `dateUpdated` where it gives one).
 */
import { createHash } from 'node:crypto';
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import type { BridgeChange } from '../../highlevelWebhooks/core/bridgeChange.js';

export type RecordKind = 'appointment' | 'contact' | 'note' | 'task';

export interface RecordState {
  kind: RecordKind;
  /** The HighLevel record's id. */
  id: string;
  fingerprint: string;
  /** Higher is newer; `FINAL_RANK` for a state nothing follows (deleted). */
  rank: number;
}

/** The rank of a state no other state of the record can follow: it was deleted. */
export const FINAL_RANK = Number.MAX_SAFE_INTEGER;

/**
 * The stages of a task and a note, in the only order they can come. A task is `gone` when the
 * poll no longer finds it, open or completed: deleted, most likely (its webhook lost), so it is
 * looked for again until a later state or the prune settles it.
 */
export const TASK_RANK = { open: 1, completed: 2, gone: 2 } as const;
export const NOTE_RANK = { created: 1 } as const;

type Fields = Readonly<Record<string, unknown>>;

/**
 * Epoch ms of an ISO time (`2026-03-02T09:00:00-05:00`) or of a number; undefined otherwise.
 *
 * @example instant('2026-03-02T14:00:00Z') // 1772460000000
 */
export function instant(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * An appointment's state: its status, times and `dateUpdated` (as instants, so the offsets
 * HighLevel writes them with do not matter); ranked by `dateUpdated`, else `fallbackRank`.
 *
 * @example appointmentState({ id: 'a1', appointmentStatus: 'cancelled', startTime: '…', endTime: '…', dateUpdated: '…' }, 0)
 */
export function appointmentState(appointment: Fields, fallbackRank: number): RecordState {
  const time = (key: string) => String(instant(appointment[key]) ?? text(appointment[key]));
  const updated = instant(appointment.dateUpdated);
  return {
    kind: 'appointment',
    id: text(appointment.id),
    fingerprint: [
      text(appointment.appointmentStatus),
      time('startTime'),
      time('endTime'),
      updated ?? '',
    ].join('|'),
    rank: updated ?? fallbackRank,
  };
}

/**
 * The contact fields a webhook and a contact search both carry, written one way: dates as
 * instants, tags and custom fields sorted, empty values left out.
 */
const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'address1',
  'city',
  'state',
  'postalCode',
  'country',
  'website',
  'source',
  'assignedTo',
] as const;

function customFieldPairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[])
    .map((f: unknown) => (typeof f === 'object' && f !== null ? (f as Fields) : {}))
    .filter((f) => typeof f.id === 'string' && f.value !== undefined && f.value !== null)
    .filter((f) => f.value !== '')
    .map((f): [string, string] => [f.id as string, JSON.stringify(f.value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * A contact's state: a hash of what it says (see `CONTACT_FIELDS`), ranked by `rank` (the
 * search's `dateUpdated`, or the webhook's `timestamp`, which HighLevel's contact webhooks carry
 * instead: https://marketplace.gohighlevel.com/docs/webhook/ContactUpdate).
 *
 * @example contactState({ id: 'c1', firstName: 'Ada', tags: ['vip'] }, Date.now())
 */
export function contactState(contact: Fields, rank: number): RecordState {
  const canonical = {
    ...Object.fromEntries(
      CONTACT_FIELDS.map((key): [string, string] => [key, text(contact[key])]).filter(
        ([, v]) => v !== '',
      ),
    ),
    dateOfBirth: instant(contact.dateOfBirth) ?? text(contact.dateOfBirth),
    dnd: contact.dnd === true,
    tags: Array.isArray(contact.tags) ? (contact.tags as unknown[]).map(String).sort() : [],
    customFields: customFieldPairs(contact.customFields),
  };
  const hash = createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
  return { kind: 'contact', id: text(contact.id), fingerprint: hash.slice(0, 32), rank };
}

/**
 * The state a task reached: open, completed, deleted (by its webhook) or gone (from the poll).
 *
 * @example taskState('t1', 'completed') // { kind: 'task', id: 't1', fingerprint: 'completed', rank: 2 }
 */
export function taskState(
  id: string,
  stage: 'open' | 'completed' | 'deleted' | 'gone',
): RecordState {
  return {
    kind: 'task',
    id,
    fingerprint: stage,
    rank: stage === 'deleted' ? FINAL_RANK : TASK_RANK[stage],
  };
}

/**
 * A note created, or deleted; HighLevel tells no more of a note's life that the app hears of.
 *
 * @example noteState('n1', 'created') // { kind: 'note', id: 'n1', fingerprint: 'created', rank: 1 }
 */
export function noteState(id: string, stage: 'created' | 'deleted'): RecordState {
  return {
    kind: 'note',
    id,
    fingerprint: stage,
    rank: stage === 'deleted' ? FINAL_RANK : NOTE_RANK.created,
  };
}

/**
 * A note whose body was edited: told by its body, so the same edit seen twice is one state, and
 * ranked by when it was made (after its creation).
 *
 * @example noteEditState('n1', 'Prefers mornings', 1772442000000) // { kind: 'note', id: 'n1', fingerprint: 'edited:…', rank: 1772442000000 }
 */
export function noteEditState(id: string, body: string, at: number): RecordState {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 32);
  return {
    kind: 'note',
    id,
    fingerprint: `edited:${hash}`,
    rank: Math.max(at, NOTE_RANK.created + 1),
  };
}

/**
 * The state a webhook's change leaves its record in; undefined for changes no state is kept for
 * (an app installed).
 *
 * @example stateOfWebhook(event, { kind: 'task', action: 'completed', id: 't1', locationId: 'l1' })
 * // { kind: 'task', id: 't1', fingerprint: 'completed', rank: 2 }
 */
export function stateOfWebhook(
  event: IncomingWebhookEvent,
  change: BridgeChange,
): RecordState | undefined {
  const fields = event as unknown as Fields;
  const sent = instant(fields.timestamp) ?? 0;
  switch (change.kind) {
    case 'appointment': {
      if (change.action === 'deleted') {
        return { kind: 'appointment', id: change.id, fingerprint: 'deleted', rank: FINAL_RANK };
      }
      const appointment = (
        typeof fields.appointment === 'object' && fields.appointment !== null
          ? fields.appointment
          : {}
      ) as Fields;
      return appointmentState(appointment, sent);
    }
    case 'contact':
      return change.action === 'deleted'
        ? { kind: 'contact', id: change.id, fingerprint: 'deleted', rank: FINAL_RANK }
        : contactState(fields, sent);
    case 'task':
      return taskState(change.id, change.action === 'created' ? 'open' : change.action);
    case 'note':
      return change.action === 'updated'
        ? noteEditState(change.id, text(fields.body), sent)
        : noteState(change.id, change.action);
    case 'app':
      return undefined;
  }
}
