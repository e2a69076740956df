import type { Clock } from '../clock.js';
import type { EventSink } from '../events.js';

/** What a token is asked for. */
export interface TokenRequest {
  /** The Location (or Company) the request acts on, when known. */
  resourceId: string | undefined;
  signal: AbortSignal | undefined;
}

/** A call the auth layer may make itself (token endpoints), through the client's own transport. */
export interface AuthCall {
  method: 'POST' | 'GET';
  path: '/oauth/token' | '/oauth/locationToken' | '/oauth/installedLocations';
  form?: Record<string, string>;
  query?: Record<string, string>;
  /** Whose token to send; null for none (`POST /oauth/token` authenticates with the client secret). */
  auth: AuthProvider | null;
  signal?: AbortSignal;
}

/** What the client hands an auth provider when it is attached. */
export interface AuthBinding {
  call(request: AuthCall): Promise<unknown>;
  clock: Clock;
  emit: EventSink;
}

/**
 * Supplies the bearer token for each request. Implementations: `privateIntegrationToken`,
 * `oauth`, `agencyLocations`.
 */
export interface AuthProvider {
  /** The Location or Company this auth acts for (the rate-limit key when a request names none). */
  readonly resourceId?: string;
  /** Attached by the client so the provider can call token endpoints through it. */
  bind?(binding: AuthBinding): void;
  getToken(request: TokenRequest): Promise<string>;
  /**
   * HighLevel rejected `token` as invalid (401 "Invalid JWT"). Return true when a different token
   * is now available and the request is worth one more try; never loops: called once per request.
   */
  onInvalidToken?(token: string, request: TokenRequest): Promise<boolean>;
}
