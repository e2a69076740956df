/**
 * @ghl-bridge/client: a typed, resilient client for HighLevel (GoHighLevel) API v2.
 * Webhook verification lives in `@ghl-bridge/client/webhooks`.
 */
export { HighLevel, DEFAULT_BASE_URL, type HighLevelOptions } from './highlevel.js';

export { privateIntegrationToken } from './auth/privateIntegrationToken.js';
export { oauth, type OAuthOptions } from './auth/oauth.js';
export { agencyLocations } from './auth/agencyLocations.js';
export { tokensFromResponse, type OAuthTokens } from './auth/tokens.js';
export type { AuthProvider, AuthBinding, AuthCall, TokenRequest } from './auth/types.js';
export type { OperationCaller } from './caller.js';

export * from './errors.js';
export type { ClientEvent, EventSink } from './events.js';

export * from './rateLimit/index.js';
export {
  decideRetry,
  backoffMs,
  type RetryOptions,
  type RetryDecision,
  type AttemptFailure,
} from './retry/policy.js';
export * from './clock.js';

export type {
  Method,
  PathFor,
  OperationOf,
  RequestOptions,
  RawRequestOptions,
  ResponseOf,
  CallOptions,
} from './types.js';
export type { Paths, Services } from './generated/index.js';
export type { OperationInfo } from './operation.js';
export { operations } from './generated/operations.js';
export { findOperation, isIdempotent } from './operationTable.js';

export * from './resources/index.js';
