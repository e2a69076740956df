/**
 * `skip`/`limit` paging as HighLevel's list operations take it: query strings, `skip` items
 * passed over, at most `limit` returned. A value that is not a whole number falls back to the
 * default, as `GET /users/search` does.
 *
 * @example
 * pageOf(new URLSearchParams('skip=1&limit=2'), ['a', 'b', 'c', 'd'], 100) // ['b', 'c']
 */
export function pageOf<T>(query: URLSearchParams, items: T[], defaultLimit: number): T[] {
  const whole = (name: string, fallback: number, min: number) => {
    const value = Number(query.get(name) ?? fallback);
    return Number.isInteger(value) && value >= min ? value : fallback;
  };
  const skip = whole('skip', 0, 0);
  const limit = whole('limit', defaultLimit, 1);
  return items.slice(skip, skip + limit);
}
