import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { HttpError, validationFailed } from '../httpError.js';
import { unstorableTextIn } from '../../core/storableText.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/**
 * Far deeper than any body the API takes (voice settings, the deepest, go 4 levels down), far
 * shallower than what exhausts the stack of a recursive walk: JSON.parse accepts 100,000 nested
 * arrays, and each check after it (the text check below, the route's schema) recurses.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * Requests that carry a body must send JSON: another media type is a 415, unparseable JSON a
 * 400 `invalid_json`, a body nested deeper than `MAX_BODY_DEPTH` or with text the database cannot
 * store (NUL, a lone surrogate) a 422 `validation_failed` naming each field, each with a message
 * saying what to send. The body stays cached for the route's validator.
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
    const tooDeep = pathPastDepth(body, MAX_BODY_DEPTH);
    if (tooDeep) {
      throw validationFailed([
        {
          path: tooDeep,
          message: `nested deeper than ${MAX_BODY_DEPTH} levels; send a flatter body`,
        },
      ]);
    }
    // Text the database cannot store is refused here, naming the field, not by a failing query.
    const problems = unstorableTextIn(body);
    if (problems.length > 0) throw validationFailed(problems);
    await next();
  };
}

/**
 * The path of the first array or object inside more than `limit` others, or undefined. Walks
 * with its own stack, so no nesting can exhaust the call stack.
 *
 * @example pathPastDepth({ a: [[[]]] }, 2) // ['a', 0, 0]
 */
function pathPastDepth(value: unknown, limit: number): Array<string | number> | undefined {
  const pending: Array<{ node: unknown; path: Array<string | number> }> = [
    { node: value, path: [] },
  ];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length > limit) return path;
    for (const [key, item] of Object.entries(node)) {
      pending.push({ node: item, path: [...path, Array.isArray(node) ? Number(key) : key] });
    }
  }
  return undefined;
}
