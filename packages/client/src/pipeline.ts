import type { OperationInfo } from './operation.js';
import type { Priority } from './rateLimit/types.js';
import type { AuthProvider } from './auth/types.js';

/** One request on its way through the layers (auth, rate limit, retry, timeout) to `fetch`. */
export interface PreparedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The path template (`/contacts/{contactId}`): what logs, metrics and errors name. */
  pathTemplate: string;
  url: URL;
  /** Headers without `Authorization`; the auth layer adds it to the copy it sends. */
  headers: Headers;
  body: string | URLSearchParams | FormData | undefined;
  operation: OperationInfo | undefined;
  idempotent: boolean;
  /** The Location (or Company) the request acts on: the rate-limit and token key. */
  resourceId: string | undefined;
  priority: Priority;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  /** Whose token to send; null for none. */
  auth: AuthProvider | null;
  /** 1 for the first attempt. */
  attempt: number;
}

/** A success response, parsed. Failures are raised as `HighLevelError`s. */
export interface ParsedResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export type Send = (request: PreparedRequest) => Promise<ParsedResponse>;

/** A cross-cutting concern wrapped around the next step (octokit's `hook.wrap` pattern). */
export type Layer = (next: Send) => Send;

/** Composes layers, the first one outermost. */
export function compose(layers: Layer[], core: Send): Send {
  return layers.reduceRight<Send>((next, layer) => layer(next), core);
}
