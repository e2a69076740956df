/**
 * Which catalogue entry a caller means by an action's name, or why it cannot be run: a name the
 * catalogue does not know (with the names it may have meant), a trigger (polled, not run), an
 * entry HighLevel's v2 API cannot do, or one HighLevel takes only from an agency token, which a
 * workspace's connection never holds (it acts for one Location).
 */
import type { CatalogueEntry } from '../../catalogue/core/entry.js';
import { closeNames } from '../../catalogue/core/closeNames.js';
import { whyNotRunnable } from '../../catalogue/core/runnable.js';

export type ActionChoice =
  | { ok: true; entry: CatalogueEntry }
  | { ok: false; refusal: 'unknown_action'; closeNames: string[] }
  | { ok: false; refusal: 'trigger'; entry: CatalogueEntry }
  | { ok: false; refusal: 'unsupported'; entry: CatalogueEntry; why: string }
  | { ok: false; refusal: 'agency_only'; entry: CatalogueEntry };

/**
 * The action `name` names in `entries`, or why it cannot be run. With `triggers`, a trigger is
 * run too, as the one read it polls with (the MCP server offers triggers as read tools).
 *
 * @example chooseAction(CATALOGUE, 'create-contact') // { ok: true, entry }
 * @example chooseAction(CATALOGUE, 'get-contact') // { ok: false, refusal: 'trigger', entry }
 */
export function chooseAction(
  entries: readonly CatalogueEntry[],
  name: string,
  options: { triggers?: boolean } = {},
): ActionChoice {
  const entry = entries.find((e) => e.name === name);
  if (!entry) {
    const actions = entries.filter((e) => e.kind === 'action').map((e) => e.name);
    return { ok: false, refusal: 'unknown_action', closeNames: closeNames(name, actions) };
  }
  if (entry.kind === 'trigger' && !options.triggers)
    return { ok: false, refusal: 'trigger', entry };
  const notRunnable = whyNotRunnable(entry);
  return notRunnable ? { ok: false, entry, ...notRunnable } : { ok: true, entry };
}
