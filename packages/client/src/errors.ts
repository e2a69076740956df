/**
 * Every error the client raises. One hierarchy, created in one place (`errorFromResponse`), each
 * with a stable `code`, HighLevel's own message and `traceId` where HighLevel gave one, and never
 * a token: request headers are redacted before they are attached.
 */

/** The request an error belongs to, with `Authorization` redacted. */
export interface RequestSummary {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export interface HighLevelErrorOptions {
  cause?: unknown;
  status?: number;
  traceId?: string;
  request?: RequestSummary;
  body?: unknown;
  /** The response headers (rate-limit budget, Retry-After). */
  headers?: Headers;
}

/** Stable error codes: switch on these, not on messages or classes. */
export type HighLevelErrorCode =
  | 'invalid_token'
  | 'scope_not_authorized'
  | 'version_header_missing'
  | 'location_access_denied'
  | 'not_found'
  | 'duplicate_contact'
  | 'slot_unavailable'
  | 'validation'
  | 'bad_request'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'outcome_unknown'
  | 'token_refresh_failed'
  | 'auth_configuration'
  | 'invalid_signature'
  | 'stale_webhook';

export class HighLevelError extends Error {
  readonly code: HighLevelErrorCode;
  /** HTTP status HighLevel answered with, when it answered. */
  readonly status: number | undefined;
  /** HighLevel's per-request trace id, for its support. */
  readonly traceId: string | undefined;
  readonly request: RequestSummary | undefined;
  /** The parsed response body, when there was one. */
  readonly body: unknown;
  readonly headers: Headers | undefined;

  constructor(code: HighLevelErrorCode, message: string, options: HighLevelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status;
    this.traceId = options.traceId;
    this.request = options.request;
    this.body = options.body;
    this.headers = options.headers;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      traceId: this.traceId,
      request: this.request,
    };
  }
}

/** 401 "Invalid JWT" and kin: the token is wrong, expired or revoked. */
export class AuthenticationError extends HighLevelError {}
/** 401 "The token is not authorized for this scope." */
export class ScopeError extends HighLevelError {}
/** 401 "version header was not found": a client bug, not an auth failure. */
export class VersionHeaderError extends HighLevelError {}
/** 403 "The token does not have access to this location." */
export class LocationAccessError extends HighLevelError {}
/** 404, or HighLevel's 400 "Contact not found for id:…". */
export class NotFoundError extends HighLevelError {}
/** 400 "This location does not allow duplicated contacts." */
export class DuplicateContactError extends HighLevelError {
  /** The contact that already holds the email or phone (HighLevel's `meta.contactId`). */
  readonly existingContactId: string | undefined;
  /** Which field matched (`email` or `phone`), from `meta.matchingField`. */
  readonly matchingField: string | undefined;
  constructor(
    message: string,
    options: HighLevelErrorOptions & { meta?: Record<string, unknown> },
  ) {
    super('duplicate_contact', message, options);
    const meta = options.meta ?? {};
    this.existingContactId = typeof meta.contactId === 'string' ? meta.contactId : undefined;
    this.matchingField = typeof meta.matchingField === 'string' ? meta.matchingField : undefined;
  }
}
/** 400 "The slot you have selected is no longer available." */
export class SlotUnavailableError extends HighLevelError {}
/** 422 (HighLevel's message array) or another 400. */
export class ValidationError extends HighLevelError {
  /** HighLevel's messages, one per problem ("property gender should not exist"). */
  readonly messages: string[];
  constructor(
    code: 'validation' | 'bad_request',
    messages: string[],
    message: string,
    options: HighLevelErrorOptions,
  ) {
    super(code, message, options);
    this.messages = messages;
  }
}
/** 429 after the retry budget ran out. */
export class RateLimitError extends HighLevelError {
  /** How long HighLevel asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: HighLevelErrorOptions & { retryAfterMs?: number }) {
    super('rate_limited', message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}
/** 5xx from HighLevel. */
export class ServerError extends HighLevelError {}
/** The connection failed. */
export class NetworkError extends HighLevelError {
  /** True when the request certainly never reached HighLevel (connection refused, DNS). */
  readonly beforeSend: boolean;
  constructor(message: string, options: HighLevelErrorOptions & { beforeSend: boolean }) {
    super('network', message, options);
    this.beforeSend = options.beforeSend;
  }
}
/** No answer within the timeout. */
export class TimeoutError extends HighLevelError {}
/** The caller's AbortSignal fired. */
export class AbortedError extends HighLevelError {}
/**
 * A create (or other non-idempotent write) may or may not have been applied: the connection
 * dropped, the call timed out, or HighLevel answered 5xx after it was sent. It is never re-sent
 * blindly; look the object up (by email, phone, time slot …) before trying again.
 */
export class OutcomeUnknownError extends HighLevelError {}
/** The OAuth refresh failed: the stored refresh token is dead or was never persisted. */
export class TokenRefreshError extends HighLevelError {}
/** The client was given auth it cannot use for this request. */
export class AuthConfigurationError extends HighLevelError {}
