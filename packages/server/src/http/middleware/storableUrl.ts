import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';
import { unstorableTextProblem } from '../../storableText.js';

/**
 * Path segments and query parameters with text the database cannot store (a `%00`, a lone
 * surrogate) are a 400 `invalid_characters`, naming the segment or parameter, instead of reaching
 * a query and failing there. Segments that are not valid percent-encoding are left to the router.
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

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
