/**
 * Which catalogue trigger a subscription names, or why it cannot be polled: a name the catalogue
 * does not know (with names close to it), an action (run, not polled), or an entry a workspace
 * cannot use (`whyNotRunnable`).
 */
import type { CatalogueEntry } from '../../catalogue/core/entry.js';
import { closeNames } from '../../catalogue/core/closeNames.js';
import { whyNotRunnable } from '../../catalogue/core/runnable.js';

export type TriggerChoice =
  | { ok: true; entry: CatalogueEntry }
  | { ok: false; refusal: 'unknown_trigger'; closeNames: string[] }
  | { ok: false; refusal: 'not_a_trigger'; entry: CatalogueEntry }
  | { ok: false; refusal: 'unsupported'; entry: CatalogueEntry; why: string }
  | { ok: false; refusal: 'agency_only'; entry: CatalogueEntry };

/**
 * @example chooseTrigger(CATALOGUE, 'get-contact-tasks') // { ok: true, entry }
 * @example chooseTrigger(CATALOGUE, 'create-contact') // { ok: false, refusal: 'not_a_trigger', entry }
 */
export function chooseTrigger(entries: readonly CatalogueEntry[], name: string): TriggerChoice {
  const entry = entries.find((e) => e.name === name);
  if (!entry) {
    const triggers = entries.filter((e) => e.kind === 'trigger').map((e) => e.name);
    return { ok: false, refusal: 'unknown_trigger', closeNames: closeNames(name, triggers) };
  }
  if (entry.kind !== 'trigger') return { ok: false, refusal: 'not_a_trigger', entry };
  const notRunnable = whyNotRunnable(entry);
  return notRunnable ? { ok: false, entry, ...notRunnable } : { ok: true, entry };
}
