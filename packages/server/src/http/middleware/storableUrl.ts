import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';
import { unstorableTextProblem } from '../../core/storableText.js';

/**
 * Path segments and query parameters with text the database cannot store (a `%00`, a lone
 * surrogate) are a 400 `invalid_characters`, naming the segment or parameter, instead of reaching
 * a query and failing there. Escapes that are not valid UTF-8 are left to the router, which keeps
 * them as they are.
 *
 * @example app.use('*', storableUrl());
 */
export function storableUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) {
      const problem = unstorableTextProblem(decodeSegment(segment));
      if (problem) {
        throw new HttpError(400, 'invalid_characters', `A path segment ${problem}.`, {
          in: 'path',
          segment,
        });
      }
    }
    for (const [name, value] of url.searchParams) {
      const problem = unstorableTextProblem(name) ?? unstorableTextProblem(value);
      if (problem) {
        // Percent-encoded again, so the answer itself carries no NUL.
        const parameter = encodeURIComponent(name);
        throw new HttpError(400, 'invalid_characters', `Query parameter ${parameter} ${problem}.`, {
          in: 'query',
          parameter,
        });
      }
    }
    await next();
  };
}

/**
 * The segment as the router hands it to a route: decoded whole, or else run by run of escapes,
 * each left as it is when it is not UTF-8. A `%00` beside a broken escape (`%ED%A0%80a%00`) is
 * still a NUL by the time it reaches a query.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
      try {
        return decodeURIComponent(escapes);
      } catch {
        return escapes;
      }
    });
  }
}
