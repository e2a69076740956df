/**
 * What running an action tells its caller, in words: the result, or one `HttpError` per reason it
 * was not run or HighLevel refused it. The route and `ghl-bridge actions run` both answer with it.
 * HighLevel's refusals of the connection (credentials, scopes, rate limit, not reached) are
 * `highLevelRefusal`'s, as on every route that calls HighLevel.
 */
import type { ActionOutcome, ActionRefusal } from '../actions/runAction.js';
import type { HighLevelRefusal } from '../actions/core/storedAnswer.js';
import { answerOf } from '../actions/highLevelAnswer.js';
import type { CatalogueEntry } from '../catalogue/core/entry.js';
import { highLevelRefusal } from './highLevelRefusal.js';
import { sharedRefusal } from './catalogueRefusals.js';
import { HttpError, validationFailed } from './httpError.js';

/** The 200 body of a run action: its name and HighLevel's answer, as HighLevel sent it. */
export interface ActionResult {
  action: string;
  result: unknown;
}

/** Who asked, for the words. */
export interface ActionAsked {
  workspaceId: string;
  idempotencyKey?: string;
}

function refusedBeforeHighLevel(name: string, refusal: ActionRefusal, asked: ActionAsked) {
  const ws = asked.workspaceId;
  switch (refusal.code) {
    case 'unknown_action':
      return sharedRefusal('action', name, { code: 'unknown', closeNames: refusal.closeNames }, ws);
    case 'trigger':
      return new HttpError(
        400,
        'not_an_action',
        `${name} is a trigger: HighLevel is polled for it and what is new is sent to you; it is not run. Subscribe to it with POST /v1/workspaces/${ws}/triggers.`,
      );
    case 'unsupported':
    case 'agency_only':
    case 'not_connected':
      return sharedRefusal('action', name, refusal, ws);
    case 'validation_failed':
      return validationFailed(
        refusal.fields.map((f) => ({
          path: f.path === '(body)' ? [] : f.path.split('.'),
          message: f.message,
        })),
      );
    case 'idempotency_key_reused':
      return new HttpError(
        409,
        'idempotency_key_reused',
        `The Idempotency-Key "${asked.idempotencyKey}" was used in the last 24 hours for another request (another action or input). Send a new key with a new request; send the same key only to retry the same request.`,
      );
    case 'in_progress':
      return new HttpError(
        409,
        'in_progress',
        `The first request with Idempotency-Key "${asked.idempotencyKey}" is still waiting for HighLevel; send it again in a few seconds to get its answer.`,
      );
  }
}

function refusedByHighLevel(name: string, refusal: HighLevelRefusal): HttpError {
  const highLevel = {
    status: refusal.status,
    messages: refusal.messages,
    ...(refusal.traceId ? { traceId: refusal.traceId } : {}),
  };
  switch (refusal.reason) {
    case 'invalid':
      return new HttpError(
        422,
        'highlevel_rejected',
        `HighLevel refused the input of ${name}: ${refusal.message}`,
        { highLevel },
      );
    case 'not_found':
      return new HttpError(
        404,
        'highlevel_not_found',
        `HighLevel found nothing for ${name}: ${refusal.message}. An id in the input names nothing in the Location (or it was deleted), or HighLevel offers no such operation at that address.`,
        { highLevel },
      );
    case 'duplicate_contact':
      return new HttpError(
        409,
        'duplicate_contact',
        `HighLevel refused ${name}: ${refusal.message}. The Location does not allow duplicate contacts; update contact ${refusal.existingContactId ?? '(the one that matches)'} instead.`,
        {
          highLevel,
          ...(refusal.existingContactId ? { contactId: refusal.existingContactId } : {}),
        },
      );
    case 'slot_unavailable':
      return new HttpError(
        409,
        'slot_unavailable',
        `HighLevel refused ${name}: ${refusal.message}. Choose another time.`,
        { highLevel },
      );
  }
}

/** HighLevel's refusal of the connection in words, or the error itself when it is not one. */
function connectionRefusal(
  name: string,
  failed: { error: unknown; entry: CatalogueEntry; locationId: string },
): unknown {
  const { method, path } = failed.entry.operations[0]!;
  return (
    highLevelRefusal(failed.error, {
      doing: `running ${name} (${method} ${path})`,
      scope: failed.entry.scopes[0] ?? '',
      locationId: failed.locationId,
    }) ?? failed.error
  );
}

/**
 * What to answer for a HighLevel call of `entry` that failed with `error`: HighLevel's refusal of
 * the request (422, 404, 409) or of the connection, in words; the error itself when it is
 * neither. A trigger's first poll, run when it is subscribed to, is answered with it.
 *
 * @example throw highLevelFailure('get-contact', error, entry, 'loc_1');
 */
export function highLevelFailure(
  name: string,
  error: unknown,
  entry: CatalogueEntry,
  locationId: string,
): unknown {
  const answer = answerOf(error);
  if (answer?.kind === 'refused') return refusedByHighLevel(name, answer.refusal);
  return connectionRefusal(name, { error, entry, locationId });
}

/**
 * The 200 body for `outcome`; throws the `HttpError` to answer instead (or the error itself when
 * it is not HighLevel's, for the error handler).
 *
 * @example return c.json(actionAnswer(await runAction(deps, request), { workspaceId }), 200);
 */
export function actionAnswer(outcome: ActionOutcome, asked: ActionAsked): ActionResult {
  const { name } = outcome;
  if (outcome.kind === 'refused') throw refusedBeforeHighLevel(name, outcome.refusal, asked);
  if (outcome.kind === 'failed') throw connectionRefusal(name, outcome);
  const { answer } = outcome;
  if (answer.kind === 'refused') throw refusedByHighLevel(name, answer.refusal);
  if (answer.kind === 'unknown') {
    const key = asked.idempotencyKey
      ? ` The Idempotency-Key "${asked.idempotencyKey}" keeps this answer for 24 hours: once you know HighLevel did not do it, send it again with a new key.`
      : '';
    throw new HttpError(
      502,
      'outcome_unknown',
      `${name} was sent to HighLevel and its answer was lost: ${answer.message}${key}`,
    );
  }
  return { action: name, result: answer.result };
}
