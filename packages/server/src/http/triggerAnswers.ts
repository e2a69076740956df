/**
 * What subscribing to a trigger tells its caller, in words: the subscription, or one `HttpError`
 * per reason it was refused. The route and `ghl-bridge triggers add` both answer with it.
 */
import type { SubscribeOutcome, SubscribeRefusal } from '../triggers/subscribe.js';
import { highLevelFailure } from './actionAnswers.js';
import { sharedRefusal } from './catalogueRefusals.js';
import { HttpError, validationFailed } from './httpError.js';

function refusalError(name: string, refusal: SubscribeRefusal, workspaceId: string): HttpError {
  switch (refusal.code) {
    case 'unknown_trigger':
      return sharedRefusal(
        'trigger',
        name,
        { code: 'unknown', closeNames: refusal.closeNames },
        workspaceId,
      );
    case 'not_a_trigger':
      return new HttpError(
        400,
        'not_a_trigger',
        `${name} is an action: it is run, not polled. Run it with POST /v1/workspaces/${workspaceId}/actions/${name}.`,
      );
    case 'unsupported':
    case 'agency_only':
    case 'not_connected':
      return sharedRefusal('trigger', name, refusal, workspaceId);
    case 'validation_failed':
      return validationFailed(
        refusal.fields.map((f) => ({ path: f.path.split('.'), message: f.message })),
      );
    case 'endpoint_not_found':
      return validationFailed([
        {
          path: ['endpointId'],
          message: `no webhook endpoint ${refusal.endpointId} in this workspace; GET /v1/workspaces/${workspaceId}/webhook-endpoints lists them`,
        },
      ]);
  }
}

/**
 * The subscription of `outcome`; throws the `HttpError` to answer instead (or the error itself
 * when it is not HighLevel's, for the error handler).
 *
 * @example const { subscription, secret } = subscribedOrThrow(outcome, 'get-contact-tasks', ws);
 */
export function subscribedOrThrow(outcome: SubscribeOutcome, name: string, workspaceId: string) {
  if (outcome.kind === 'refused') throw refusalError(name, outcome.refusal, workspaceId);
  if (outcome.kind === 'first_poll_failed') {
    throw highLevelFailure(name, outcome.failure, outcome.entry, outcome.locationId);
  }
  return outcome;
}
