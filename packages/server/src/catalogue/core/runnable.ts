/**
 * Whether a workspace can use a catalogue entry at all: not when HighLevel's v2 API cannot do it,
 * nor when HighLevel takes its operation only from an agency token, which a workspace's
 * connection never holds (it acts for one Location).
 */
import type { CatalogueEntry } from './entry.js';

export type NotRunnable = { refusal: 'unsupported'; why: string } | { refusal: 'agency_only' };

/**
 * @example whyNotRunnable(findCatalogueEntry('create-location')!) // { refusal: 'agency_only' }
 * @example whyNotRunnable(findCatalogueEntry('create-contact')!) // undefined
 */
export function whyNotRunnable(
  entry: Pick<CatalogueEntry, 'unsupported' | 'access'>,
): NotRunnable | undefined {
  if (entry.unsupported) return { refusal: 'unsupported', why: entry.unsupported };
  if (entry.access.length > 0 && entry.access.every((a) => a.startsWith('Agency'))) {
    return { refusal: 'agency_only' };
  }
  return undefined;
}
