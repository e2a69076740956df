/**
 * The items a trigger's poll found in HighLevel's answer, each with what identifies it and what
 * tells that it changed, as the catalogue entry's `detect` describes them.
 */
import { contentHash } from '../../core/contentHash.js';
import type { TriggerDetection } from '../../catalogue/core/entry.js';

export interface PolledItem {
  /** The item's id, or a hash of its value when items carry no id. */
  key: string;
  /** Differs between two polls when the item changed; `''` when only new ids count. */
  marker: string;
  item: unknown;
}

function valuesAt(answer: unknown, list: string): unknown[] {
  let at: unknown[] = [answer];
  for (const key of list === '' ? [] : list.split('.')) {
    at = at.flatMap((value) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
      const record = value as Record<string, unknown>;
      return key === '*' ? Object.values(record) : [record[key]];
    });
  }
  return at.filter((value) => value !== undefined && value !== null);
}

function keyOf(item: unknown, id: string | null): string | undefined {
  if (id === null) return contentHash(item);
  const value = (item as Record<string, unknown> | null)?.[id];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function markerOf(item: unknown, detect: TriggerDetection): string {
  const marker = detect.changeMarker;
  if (marker === 'new-ids-only') return '';
  if (marker === 'content') return contentHash(item);
  const value = (item as Record<string, unknown> | null)?.[marker.field];
  // An item without its marker field is told by its content instead.
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return contentHash(value ?? item);
}

/**
 * How many entries the answer's list holds, as HighLevel sent them: a page shorter than asked for
 * is the last.
 *
 * @example listLength({ users: [{ id: 'u1' }, { id: 'u2' }] }, { list: 'users', holds: 'many', id: 'id', changeMarker: 'content' }) // 2
 */
export function listLength(answer: unknown, detect: TriggerDetection): number {
  return valuesAt(answer, detect.list).reduce<number>(
    (sum, value) => sum + (Array.isArray(value) ? value.length : 1),
    0,
  );
}

/**
 * The items of one answer. An item without an id is left out: it could not be told apart from
 * the next poll's. Two items with one id count once (a list that shifted while it was paged).
 *
 * @example
 * polledItems({ tasks: [{ id: 't1', completed: false }] }, { list: 'tasks', holds: 'many', id: 'id', changeMarker: 'content' })
 * // [{ key: 't1', marker: '<hash>', item: { id: 't1', completed: false } }]
 */
export function polledItems(answer: unknown, detect: TriggerDetection): PolledItem[] {
  const found = valuesAt(answer, detect.list).flatMap((value) =>
    detect.holds === 'many' ? (Array.isArray(value) ? (value as unknown[]) : []) : [value],
  );
  const items = new Map<string, PolledItem>();
  for (const item of found) {
    const key = keyOf(item, detect.id);
    if (key !== undefined && !items.has(key)) {
      items.set(key, { key, marker: markerOf(item, detect), item });
    }
  }
  return [...items.values()];
}

/**
 * The items that are news against what earlier polls saw (key → marker): a key not seen, or one
 * whose marker moved.
 *
 * @example newsAmong([{ key: 'a', marker: '2', item }], new Map([['a', '1']])) // the item: it changed
 */
export function newsAmong(items: PolledItem[], seen: ReadonlyMap<string, string>): PolledItem[] {
  return items.filter((item) => seen.get(item.key) !== item.marker);
}
