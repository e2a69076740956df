/**
 * Subscribing a workspace to a catalogue trigger: the trigger and its parameters checked (as an
 * action's input is), the webhook endpoint its items go to (an existing one of the workspace, or
 * a new one for a URL), then the first poll at once. The first poll records what is already there
 * (it is not news) and shows that HighLevel accepts the parameters: when HighLevel refuses them,
 * nothing is kept and the caller hears why. The HTTP API and `ghl-bridge triggers add` both
 * subscribe through here.
 */
import { sql } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import { withLocation } from '../actions/core/actionInput.js';
import { inputProblems, type FieldProblem } from '../actions/core/inputCheck.js';
import { CATALOGUE } from '../catalogue/core/catalogue.js';
import type { CatalogueEntry } from '../catalogue/core/entry.js';
import { findConnection } from '../highlevel/connectionStore.js';
import { createEndpoint, deleteEndpoint, findEndpoint } from '../webhooksOut/endpointStore.js';
import { webhookUrlProblem } from '../webhooksOut/urlGuard.js';
import { chooseTrigger } from './core/triggerChoice.js';
import type { PollSummary } from './core/pollSummary.js';
import { pollSubscription, type PollDeps } from './pollSubscription.js';
import {
  createSubscription,
  deleteSubscription,
  findSubscription,
  type TriggerSubscriptionRow,
} from './subscriptionStore.js';

export interface SubscribeDeps extends PollDeps {
  keyring: Keyring;
  /** Webhook endpoints may be on private addresses (GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

export interface SubscribeRequest {
  workspaceId: string;
  trigger: string;
  input: Readonly<Record<string, unknown>>;
  intervalMinutes: number;
  /** Deliver to this endpoint of the workspace… */
  endpointId?: string | undefined;
  /** …or to a new endpoint at this URL. */
  url?: string | undefined;
}

export type SubscribeRefusal =
  | { code: 'unknown_trigger'; closeNames: string[] }
  | { code: 'not_a_trigger' }
  | { code: 'unsupported'; why: string }
  | { code: 'agency_only' }
  | { code: 'not_connected' }
  | { code: 'validation_failed'; fields: FieldProblem[] }
  | { code: 'endpoint_not_found'; endpointId: string };

export type SubscribeOutcome =
  | { kind: 'refused'; refusal: SubscribeRefusal }
  /** HighLevel refused the first poll (or was not reached): nothing was kept. */
  | { kind: 'first_poll_failed'; failure: unknown; entry: CatalogueEntry; locationId: string }
  | {
      kind: 'subscribed';
      subscription: TriggerSubscriptionRow;
      firstPoll: PollSummary;
      /** The signing secret of the endpoint made for `url`, shown this once. */
      secret?: string;
    };

const refused = (refusal: SubscribeRefusal): SubscribeOutcome => ({ kind: 'refused', refusal });

/**
 * @example const outcome = await subscribe(deps, { workspaceId, trigger: 'get-contact-tasks', input: { contactId }, intervalMinutes: 5, endpointId });
 */
export async function subscribe(
  deps: SubscribeDeps,
  request: SubscribeRequest,
): Promise<SubscribeOutcome> {
  const choice = chooseTrigger(CATALOGUE, request.trigger);
  if (!choice.ok) {
    if (choice.refusal === 'unknown_trigger') {
      return refused({ code: 'unknown_trigger', closeNames: choice.closeNames });
    }
    if (choice.refusal === 'unsupported') return refused({ code: 'unsupported', why: choice.why });
    return refused({ code: choice.refusal });
  }
  const { entry } = choice;
  const connection = await findConnection(deps.db, request.workspaceId);
  if (!connection) return refused({ code: 'not_connected' });
  const locationId = connection.location_id;
  const problems = inputProblems(entry, withLocation(entry, request.input, locationId), locationId);
  const fields = problems.map((p) => ({
    path: p.path === '(body)' ? 'input' : `input.${p.path}`,
    message: p.message,
  }));
  if (request.url !== undefined) {
    const problem = await webhookUrlProblem(request.url, { allowPrivate: deps.allowPrivate });
    if (problem) fields.push({ path: 'url', message: problem });
  }
  if (fields.length > 0) return refused({ code: 'validation_failed', fields });

  let endpointId = request.endpointId;
  let secret: string | undefined;
  if (endpointId !== undefined) {
    if (!(await findEndpoint(deps.db, request.workspaceId, endpointId))) {
      return refused({ code: 'endpoint_not_found', endpointId });
    }
  } else {
    const made = await createEndpoint(deps.db, deps.keyring, request.workspaceId, {
      url: request.url!,
      // It takes no event an endpoint subscribes to: only this subscription's items.
      events: [],
      description: `Items of the trigger ${entry.name}`,
    });
    endpointId = made.endpoint.id;
    secret = made.secret;
  }
  const now = new Date();
  const subscription = await createSubscription(deps.db, request.workspaceId, {
    trigger: entry.name,
    input: { ...request.input },
    intervalSeconds: request.intervalMinutes * 60,
    endpointId,
    firstPollAt: new Date(now.getTime() + request.intervalMinutes * 60_000),
  });
  const first = await pollSubscription(deps, subscription, connection, undefined, now);
  if (first.failure !== undefined) {
    await deleteSubscription(deps.db, request.workspaceId, subscription.id);
    if (secret !== undefined) await deleteEndpoint(deps.db, request.workspaceId, endpointId);
    return { kind: 'first_poll_failed', failure: first.failure, entry, locationId };
  }
  return {
    kind: 'subscribed',
    subscription: (await findSubscription(deps.db, request.workspaceId, subscription.id))!,
    firstPoll: first.summary,
    ...(secret !== undefined ? { secret } : {}),
  };
}

/**
 * Ends a subscription; the endpoint made for it (one that takes no other event and serves no
 * other subscription) goes with it. False when the workspace has no such subscription.
 *
 * @example await unsubscribe(db, 'ws_1', 'trg_1');
 */
export async function unsubscribe(
  db: PollDeps['db'],
  workspaceId: string,
  id: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const subscription = await findSubscription(trx, workspaceId, id);
    if (!subscription) return false;
    await deleteSubscription(trx, workspaceId, id);
    await trx
      .deleteFrom('webhook_endpoints as e')
      .where('e.id', '=', subscription.endpoint_id)
      .where('e.workspace_id', '=', workspaceId)
      .where(sql<boolean>`cardinality(e.events) = 0`)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('trigger_subscriptions as s')
              .select('s.id')
              .whereRef('s.endpoint_id', '=', 'e.id'),
          ),
        ),
      )
      .execute();
    return true;
  });
}
