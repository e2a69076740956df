import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/**
 * Refuses bodies over `maxBytes` with a 413, whether the size is declared or streamed.
 *
 * @example app.use('*', bodyLimit({ maxBytes: 1_048_576 }));
 */
export function bodyLimit(options: { maxBytes: number }): MiddlewareHandler<AppEnv> {
  return honoBodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new HttpError(
        413,
        'payload_too_large',
        `The request body is larger than the limit of ${options.maxBytes} bytes.`,
      );
    },
  });
}
