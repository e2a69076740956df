/**
 * The API's OpenAPI document without a running server: exactly what `GET /openapi.json`
 * serves, for the generators that type their calls from it (the dashboard's client).
 */
import { createApp } from './app.js';
import { documentOf, type ApiDocument } from './apiDocumentRoute.js';
import type { AppDeps } from './deps.js';

/**
 * Dependencies that are never used: registering a route only describes it. Anything reached
 * through them is another stand-in, so registration works and nothing can be served.
 */
function describeOnly(): AppDeps {
  const standIn: object = new Proxy(function unused() {}, {
    // Not a promise, and not convertible to text or a number: only ever passed along.
    get: (_target, property) =>
      property === 'then' || typeof property === 'symbol' ? undefined : standIn,
    apply: () => standIn,
    construct: () => standIn,
  });
  const unused = standIn as never;
  return {
    adminToken: undefined,
    bodyLimitBytes: 0,
    database: unused,
    keyring: unused,
    logger: unused,
    metrics: unused,
    highLevel: unused,
    queue: unused,
    queueReady: () => false,
  };
}

/**
 * @example writeFileSync('openapi.json', JSON.stringify(apiDocument(), null, 2));
 */
export function apiDocument(): ApiDocument {
  return documentOf(createApp(describeOnly()));
}
