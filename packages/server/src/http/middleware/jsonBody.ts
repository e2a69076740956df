import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { HttpError, validationFailed } from '../httpError.js';
import { unstorableTextIn } from '../../storableText.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Requests that carry a body must send JSON: another media type is a 415, unparseable JSON a
 * 400 `invalid_json`, text the database cannot store (NUL, a lone surrogate) a 422
 * `validation_failed` naming each field, each with a message saying what to send. The body stays cached for the
 * route's validator.
 *
 * @example app.use('/v1/*', jsonBody());
 */
export function jsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WITH_BODY.has(c.req.method)) return next();
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    if (!type) {
      if (length === '0' || length === undefined) return next();
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Send the body as JSON with Content-Type: application/json.',
      );
    }
    if (!JSON_TYPE.test(type)) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        `The body was sent as ${type.split(';')[0]}; send JSON with Content-Type: application/json.`,
      );
    }
    // An empty body (a POST that carries nothing) is left to the route: one that needs a body
    // says so through its schema.
    const text = await c.req.text();
    if (text.trim() === '') return next();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(
        400,
        'invalid_json',
        'The request body is not valid JSON (check quotes, commas and brackets).',
      );
    }
    // Text the database cannot store is refused here, naming the field, not by a failing query.
    const problems = unstorableTextIn(body);
    if (problems.length > 0) throw validationFailed(problems);
    await next();
  };
}
