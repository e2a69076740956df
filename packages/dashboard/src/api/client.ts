/**
 * The dashboard's calls to the server, typed from its OpenAPI document (src/generated/api.ts).
 * Same origin: the session cookie rides along and the server checks the Origin of every write.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../generated/api';

export const api = createClient<paths>({ baseUrl: window.location.origin });

/** An answer that was not a success: the server's `{error: {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/**
 * The data of a call, or its error thrown as an `ApiError` (for TanStack Query to hold).
 *
 * @example const { workspaces } = await data(api.GET('/v1/workspaces'));
 */
export async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await call;
  if (response.ok) return body as T;
  const failure = (error ?? {}) as ErrorBody;
  throw new ApiError(
    response.status,
    failure.error?.code ?? `http_${response.status}`,
    failure.error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    failure.error?.details,
  );
}
