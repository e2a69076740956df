/**
 * Which pages a poll reads. A list trigger whose entry says how HighLevel pages it (`paging`)
 * reads every page, newest changes included, until a page comes back short; at most
 * `MAX_PAGES`, so one trigger cannot spend a Location's budget on a huge list. A trigger whose
 * caller set the page field reads that one page, as asked; one without `paging` reads one page.
 */
import type { Paging, TriggerDetection } from '../../catalogue/core/entry.js';

/** Pages one poll reads at most; with 100 a page, the 2,000 items a trigger can watch. */
export const MAX_PAGES = 20;

/**
 * The paging a poll of `input` follows, or undefined for one page.
 *
 * @example pagingFor({ ..., paging: { by: 'offset', field: 'skip', sizeField: 'limit', size: 100 } }, {}) // the paging
 */
export function pagingFor(
  detect: TriggerDetection,
  input: Readonly<Record<string, unknown>>,
): Paging | undefined {
  const paging = detect.paging;
  if (!paging || input[paging.field] !== undefined) return undefined;
  return paging;
}

/**
 * The input of page `index` (from 0): the page field set, the size as the caller asked or the
 * entry's.
 *
 * @example pageInput({ q: 'x' }, { by: 'page', field: 'page', sizeField: 'limit', size: 100 }, 1)
 * // { q: 'x', page: 2, limit: 100 }
 */
export function pageInput(
  input: Readonly<Record<string, unknown>>,
  paging: Paging,
  index: number,
): Record<string, unknown> {
  const size = pageSize(input, paging);
  const at = paging.by === 'page' ? index + 1 : index * size;
  return { ...input, [paging.field]: at, [paging.sizeField]: size };
}

/** The page size a poll of `input` asks for. */
export function pageSize(input: Readonly<Record<string, unknown>>, paging: Paging): number {
  const asked = input[paging.sizeField];
  return typeof asked === 'number' && asked > 0 ? asked : paging.size;
}

/**
 * Whether the poll reads another page after page `index` (from 0), which held `length` entries.
 *
 * @example morePages(paging, { limit: 100 }, 0, 100) // true
 * @example morePages(paging, { limit: 100 }, 0, 37) // false: the last page
 */
export function morePages(
  paging: Paging | undefined,
  input: Readonly<Record<string, unknown>>,
  index: number,
  length: number,
): boolean {
  if (!paging) return false;
  return length >= pageSize(input, paging) && index + 1 < MAX_PAGES;
}
