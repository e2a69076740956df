/**
 * The refusals running an action and subscribing to a trigger share, in words: a name the
 * catalogue does not know (with the names it may mean), an entry HighLevel's v2 API cannot do, one
 * HighLevel takes only from an agency token, and a workspace not connected yet.
 */
import type { EntryKind } from '../catalogue/core/entry.js';
import { HttpError } from './httpError.js';

/** How each kind of entry is used, for the words. */
const USE: Record<EntryKind, { noun: string; verb: string; done: string; start: string }> = {
  action: { noun: 'action', verb: 'run', done: 'run', start: 'run actions' },
  trigger: { noun: 'trigger', verb: 'poll', done: 'polled', start: 'subscribe to triggers' },
};

export type SharedRefusal =
  | { code: 'unknown'; closeNames: string[] }
  | { code: 'unsupported'; why: string }
  | { code: 'agency_only' }
  | { code: 'not_connected' };

/**
 * @example throw sharedRefusal('trigger', 'get-contact-taks', { code: 'unknown', closeNames: ['get-contact-tasks'] }, 'ws_1');
 */
export function sharedRefusal(
  kind: EntryKind,
  name: string,
  refusal: SharedRefusal,
  workspaceId: string,
): HttpError {
  const use = USE[kind];
  switch (refusal.code) {
    case 'unknown': {
      const close = refusal.closeNames;
      const meant = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
      return new HttpError(
        404,
        `unknown_${use.noun}`,
        `There is no ${use.noun} "${name}".${meant} GET /v1/catalogue?kind=${use.noun} lists every ${use.noun}.`,
        { closeNames: close },
      );
    }
    case 'unsupported':
      return new HttpError(422, 'unsupported', `${name} cannot be ${use.done}: ${refusal.why}`);
    case 'agency_only':
      return new HttpError(
        422,
        'agency_only',
        `HighLevel takes ${name} only from an agency token; a workspace's connection acts for its one Location, so the bridge cannot ${use.verb} it.`,
      );
    case 'not_connected':
      return new HttpError(
        409,
        'not_connected',
        `Workspace ${workspaceId} is not connected to GoHighLevel, so it cannot ${use.start} yet; connect it first (PUT /v1/workspaces/${workspaceId}/integrations/gohighlevel).`,
      );
  }
}
