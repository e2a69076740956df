import { AuthenticationError } from '../errors.js';
import type { Layer, PreparedRequest } from '../pipeline.js';

function withToken(request: PreparedRequest, token: string): PreparedRequest {
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...request, headers };
}

/**
 * Adds the bearer token. On a 401 "Invalid JWT" it asks the provider once for a new token (an
 * OAuth refresh) and sends once more; scope, Version and location errors are never retried here.
 */
export function authLayer(): Layer {
  return (next) => async (request) => {
    const auth = request.auth;
    if (!auth) return next(request);
    const ask = { resourceId: request.resourceId, signal: request.signal };
    const token = await auth.getToken(ask);
    try {
      return await next(withToken(request, token));
    } catch (error) {
      if (!(error instanceof AuthenticationError) || !auth.onInvalidToken) throw error;
      if (!(await auth.onInvalidToken(token, ask))) throw error;
      return next(withToken(request, await auth.getToken(ask)));
    }
  };
}
