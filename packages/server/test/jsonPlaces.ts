/** Places in a JSON value, as lists of keys, and copies of a value changed at one place. */

/** Set a new value, drop the place, or add a key to the object there. */
export type Change = { set: unknown } | { drop: true } | { add: string; value: unknown };

/** Every place in a JSON value (or only its leaves), as a list of keys; the root is `[]`. */
export function placesIn(
  value: unknown,
  which: 'all' | 'leaves' = 'all',
  at: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [at];
  const inner = Object.entries(value).flatMap(([key, item]) =>
    placesIn(item, which, [...at, Array.isArray(value) ? Number(key) : key]),
  );
  return which === 'leaves' ? inner : [at, ...inner];
}

/** A copy of `value` with `change` made at `at`. */
export function changed(value: unknown, at: Array<string | number>, change: Change): unknown {
  if (at.length === 0) {
    if ('set' in change) return change.set;
    if ('drop' in change) return undefined;
    const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return Object.fromEntries([...Object.entries(base), [change.add, change.value]]);
  }
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = at as [string | number, ...Array<string | number>];
  const copy: Array<[string, unknown]> = Object.entries(value).map(([key, item]) => [
    key,
    key === String(head) ? changed(item, rest, change) : item,
  ]);
  const kept = copy.filter(([, item]) => item !== undefined);
  return Array.isArray(value) ? kept.map(([, item]) => item) : Object.fromEntries(kept);
}
