/**
 * How the REST voice routes answer: a tool's outcome in the words the voice tools say
 * (voice/core/spokenResult.ts), as the JSON of a success, or as the HTTP error it is when it is
 * not the outcome the route is for (a taken slot is a 409 with alternatives, and so on); in the
 * language the request asks for (`?language=`, else Accept-Language), else the workspace's.
 */
import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldProblem, MissingDetails, ToolOutcome } from '../voice/core/outcomes.js';
import { acceptedLocale, speakableLocale } from '../voice/core/phrases/locales.js';
import type { ToolResult } from '../voice/core/results.js';
import { spokenResult, type SpokenResult } from '../voice/core/spokenResult.js';
import { HttpError } from './httpError.js';

/** When and in which locale an answer is said: a voice context is one. */
export interface Answering {
  /** The request's moment, for "today" and "tomorrow". */
  now: Date;
  locale: string;
}

/** The `language` query parameter of the REST voice routes. */
export const languageQuery = {
  language: z
    .string()
    .refine((value) => speakableLocale(value) !== undefined, {
      message: 'expected en, es, fr or de, with a region if wanted, like es-MX or de-DE',
    })
    .optional()
    .openapi({
      description:
        "The language of `message` and of the labels: en, es, fr or de, with a region if wanted (es-MX says times as Mexico does). Without it, the first of these in the Accept-Language header; else the voice settings' `locale`",
      example: 'es-MX',
    }),
};

/**
 * The voice context, answering in the locale the request asks for: `language` (the query
 * parameter), else the first language of `acceptLanguage` answers can be said in, else the
 * workspace's.
 *
 * @example const ctx = inRequestedLocale(await c.var.openVoiceContext(), c.req.valid('query').language, c.req.header('accept-language'));
 */
export function inRequestedLocale<C extends { locale: string }>(
  ctx: C,
  language: string | undefined,
  acceptLanguage: string | undefined,
): C {
  const asked = (language && speakableLocale(language)) || acceptedLocale(acceptLanguage);
  return asked ? { ...ctx, locale: asked } : ctx;
}

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
 * it, its message in the same words.
 *
 * @example return c.json(voiceAnswer(await cancelAppointment(ctx, args), ['cancelled'], ctx), 200);
 */
export function voiceAnswer<O extends ToolOutcome, S extends O['status']>(
  outcome: O,
  expected: readonly S[],
  { now, locale }: Answering,
): SpokenResult<Extract<O, { status: S }>> {
  const result = spokenResult(outcome, now, locale);
  if (!(expected as readonly string[]).includes(outcome.status)) throw httpErrorOf(result);
  return result;
}

/**
 * The 422 for arguments that can't be used, saying what is missing and what to send instead.
 *
 * @example if (!read.ok) throw voiceRefusal(read.result, ctx);
 */
export function voiceRefusal(outcome: MissingDetails, { now, locale }: Answering): HttpError {
  return httpErrorOf(spokenResult(outcome, now, locale));
}

/**
 * The 422 for an availability search that can't be run, naming each field to fix.
 *
 * @example if (!read.ok) throw searchRefusal(read.result, ctx);
 */
export function searchRefusal(outcome: MissingDetails, { now, locale }: Answering): HttpError {
  const { message } = spokenResult(outcome, now, locale);
  return new HttpError(422, 'validation_failed', message, { fields: fieldsOf(outcome.invalid) });
}
