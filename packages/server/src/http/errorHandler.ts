/**
 * Renders every failure as JSON `{ error: { code, message, details? } }`: our `HttpError`s as
 * they are, Hono's own exceptions by status, and anything else as a 500 that says only that it
 * was our fault and which request it was (the stack goes to the log, never to the client).
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CredentialKeyError } from '../crypto/credentials.js';
import type { AppEnv } from './env.js';
import { errorBody, HttpError } from './httpError.js';

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
};

function asHttpError(error: unknown, c: Context<AppEnv>): HttpError | undefined {
  if (error instanceof HttpError) return error;
  // A stored credential under a secret key this process lacks: a configuration fault of the
  // server, fixed by an operator, not by the client (docs/deploy.md#rotating-the-secret-key).
  if (error instanceof CredentialKeyError) {
    return new HttpError(503, 'credentials_unreadable', error.message);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status: ContentfulStatusCode = error.status;
    if (/malformed json/i.test(error.message)) {
      return new HttpError(400, 'invalid_json', 'The request body is empty or not valid JSON.');
    }
    return new HttpError(
      status,
      CODE_FOR_STATUS[status] ?? 'bad_request',
      error.message || `The request to ${c.req.method} ${c.req.path} was refused.`,
    );
  }
  return undefined;
}

export const renderError: ErrorHandler<AppEnv> = (error, c) => {
  const known = asHttpError(error, c);
  if (known) return c.json(errorBody(known.code, known.message, known.details), known.status);
  const requestId = c.get('requestId');
  c.get('log')?.error({ err: error }, 'unhandled error');
  return c.json(
    errorBody(
      'internal_error',
      `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    ),
    500,
  );
};

export const renderNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(
    errorBody(
      'not_found',
      `There is no route ${c.req.method} ${c.req.path}. See /docs or /openapi.json.`,
    ),
    404,
  );
