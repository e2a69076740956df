/**
 * HighLevel answers errors with NestJS-style bodies (`{statusCode, message, error?}`); the
 * emulator throws one `HighLevelError` carrying the exact body and the app renders it verbatim.
 * Bodies follow observed live responses rather than the spec's generic DTOs
 * (docs/highlevel-behaviour.md#errors).
 */
export class HighLevelError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : JSON.stringify(body.message));
    this.name = 'HighLevelError';
  }
}

export const invalidJwt = () =>
  new HighLevelError(401, { statusCode: 401, message: 'Invalid JWT' });

export const versionHeaderMissing = () =>
  new HighLevelError(401, { statusCode: 401, message: 'version header was not found' });

export const scopeNotHeld = () =>
  new HighLevelError(401, {
    statusCode: 401,
    message: 'The token is not authorized for this scope.',
  });

export const wrongLocation = () =>
  new HighLevelError(403, {
    statusCode: 403,
    message: 'The token does not have access to this location.',
  });

/**
 * A token of the wrong class for the operation: an agency token on a Location route (observed,
 * docs/highlevel-behaviour.md#agency-and-location-tokens), or a Location token on an agency-only
 * one (assumed, see DEVIATIONS.md).
 */
export const authClassNotSupported = () =>
  new HighLevelError(401, {
    statusCode: 401,
    message: 'This AuthClass is not yet supported by the IAM Service',
  });

/** HighLevel's 429 body and `Retry-After` are undocumented; see DEVIATIONS.md. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HighLevelError(
    429,
    { statusCode: 429, message: 'Too Many Requests' },
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** 400 with NestJS's `error: "Bad Request"`, e.g. `Contact not found for id:abc`. */
export const badRequest = (message: string, extra: Record<string, unknown> = {}) =>
  new HighLevelError(400, { statusCode: 400, message, error: 'Bad Request', ...extra });

/** 422 from class-validator: `message` is always an array of strings. */
export const unprocessable = (messages: string[]) =>
  new HighLevelError(422, {
    message: messages,
    error: 'Unprocessable Entity',
    statusCode: 422,
  });

export const notFoundRoute = (method: string, path: string) =>
  new HighLevelError(404, {
    message: `Cannot ${method} ${path}`,
    error: 'Not Found',
    statusCode: 404,
  });
