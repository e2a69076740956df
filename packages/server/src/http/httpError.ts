import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error a handler or middleware throws for a client-visible failure. The error handler
 * renders it as `{ "error": { "code", "message", "details"? } }` with `status`.
 *
 * @example
 * throw new HttpError(404, 'workspace_not_found', `No workspace ${id}`);
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The error body every failure is rendered as. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * The 422 for a body that fails its schema: every wrong field with its path and message.
 *
 * @example if (!parsed.success) throw validationFailed(parsed.error.issues);
 */
export function validationFailed(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): HttpError {
  return new HttpError(
    422,
    'validation_failed',
    'Some fields are missing or wrong; see details.fields.',
    {
      fields: issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(body)',
        message: issue.message,
      })),
    },
  );
}
