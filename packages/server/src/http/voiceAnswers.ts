/**
 * How the REST voice routes answer: a tool's outcome in the words the voice tools say
 * (voice/core/spokenResult.ts), as the JSON of a success, or as the HTTP error it is when it is
 * not the outcome the route is for (a taken slot is a 409 with alternatives, and so on).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldProblem, MissingDetails, ToolOutcome } from '../voice/core/outcomes.js';
import type { ToolResult } from '../voice/core/results.js';
import { spokenResult, type SpokenResult } from '../voice/core/spokenResult.js';
import { HttpError } from './httpError.js';

/** Field problems as the API's `details.fields` names them. */
const fieldsOf = (invalid: FieldProblem[] = []) =>
  invalid.map((problem) => ({ path: problem.field, message: problem.expected }));

/** An answer that is not the one the route is for, as the HTTP error it is. */
function httpErrorOf(result: ToolResult): HttpError {
  switch (result.status) {
    case 'slot_unavailable':
      return new HttpError(409, 'slot_unavailable', result.message, {
        alternatives: result.alternatives,
      });
    case 'needs_info':
      return new HttpError(422, 'validation_failed', result.message, {
        missing: result.missing,
        fields: fieldsOf(result.invalid),
      });
    case 'not_found':
      return new HttpError(404, 'appointment_not_found', result.message);
    case 'error': {
      const status: ContentfulStatusCode = result.code === 'unconfirmed' ? 503 : 502;
      return new HttpError(status, result.code, result.message);
    }
    default:
      return new HttpError(500, 'unexpected_result', `Unexpected result ${result.status}`);
  }
}

/**
 * The answer to `outcome` when its status is one `expected`; otherwise throws the HTTP error for
 * it. `now` is the request's, for "today" and "tomorrow".
 *
 * @example return c.json(voiceAnswer(await cancelAppointment(ctx, args), ['cancelled'], ctx.now), 200);
 */
export function voiceAnswer<O extends ToolOutcome, S extends O['status']>(
  outcome: O,
  expected: readonly S[],
  now: Date,
): SpokenResult<Extract<O, { status: S }>> {
  const result = spokenResult(outcome, now);
  if (!(expected as readonly string[]).includes(outcome.status)) throw httpErrorOf(result);
  return result;
}

/**
 * The 422 for arguments that can't be used, saying what is missing and what to send instead.
 *
 * @example if (!read.ok) throw voiceRefusal(read.result, ctx.now);
 */
export function voiceRefusal(outcome: MissingDetails, now: Date): HttpError {
  return httpErrorOf(spokenResult(outcome, now));
}

/**
 * The 422 for an availability search that can't be run, naming each field to fix.
 *
 * @example if (!read.ok) throw searchRefusal(read.result, ctx.now);
 */
export function searchRefusal(outcome: MissingDetails, now: Date): HttpError {
  const { message } = spokenResult(outcome, now);
  return new HttpError(422, 'validation_failed', message, { fields: fieldsOf(outcome.invalid) });
}
