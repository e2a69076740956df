/**
 * The catalogue names a caller may have meant by a name the catalogue does not know.
 */

/** How many close names an unknown name is answered with, at most. */
const CLOSE_NAMES = 5;

/** Longer than any entry's name, with room for a typo. */
const LONGEST_NAME = 64;

/** Letters changed, added or dropped to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + change);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The names of `names` a caller who typed `name` may have meant, closest first: one that holds
 * what was typed (`tags` -> `add-tags-to-contact`), or one a few letters away (`create-contacts`).
 *
 * @example closeNames('create-contacts', ['create-contact', 'delete-contact']) // ['create-contact', 'delete-contact']
 */
export function closeNames(name: string, names: readonly string[]): string[] {
  const typed = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  // No action's name is this long: comparing letter by letter would only cost time.
  if (typed === '' || typed.length > LONGEST_NAME) return [];
  const near = Math.max(3, Math.floor(typed.length / 3));
  return names
    .map((candidate) => ({
      candidate,
      holds: candidate.includes(typed),
      distance: editDistance(typed, candidate),
    }))
    .filter((c) => c.holds || c.distance <= near)
    .sort((a, b) => Number(b.holds) - Number(a.holds) || a.distance - b.distance)
    .slice(0, CLOSE_NAMES)
    .map((c) => c.candidate);
}
