/**
 * HighLevel clients for stored connections: one shared per-Location rate limiter per process
 * (database-backed on PostgreSQL, so every process shares one budget), every event to metrics.
 */
import {
  AuthConfigurationError,
  HighLevel,
  privateIntegrationToken,
  type AuthProvider,
  type ClientEvent,
  type RateLimiter,
} from '@ghl-bridge/client';
import type { Keyring } from '../crypto/keyring.js';
import type { InstallAuth } from '../oauth/installAuth.js';
import { connectionApiKey, type ConnectionRow } from './connectionStore.js';

/** What of a stored connection calling HighLevel needs. */
export type ConnectionCredentials = Pick<
  ConnectionRow,
  'workspace_id' | 'location_id' | 'credential_kind' | 'api_key_ciphertext' | 'api_key_key_id'
>;

export interface HighLevelClients {
  /**
   * A client acting with `apiKey` for `locationId`; `onEvent` also hears this client's events
   * (e.g. the HighLevel requests of one voice tool call, for its audit trail).
   */
  forKey(apiKey: string, locationId: string, onEvent?: (event: ClientEvent) => void): HighLevel;
  /**
   * A client acting for a stored connection: its sealed API key, or the app's install on its
   * Location. Throws `CredentialKeyError` when the key cannot be decrypted.
   */
  forConnection(
    connection: ConnectionCredentials,
    onEvent?: (event: ClientEvent) => void,
  ): HighLevel;
  /** A client acting for the app's install on `locationId` (connect by choosing a Location). */
  forInstall(locationId: string, onEvent?: (event: ClientEvent) => void): HighLevel;
  /**
   * A client for the app itself, before it holds a token: only for `POST /oauth/token` (trading
   * an install's code), which authenticates with the client secret.
   */
  forApp(): HighLevel;
  readonly baseUrl: string;
}

export interface HighLevelClientsOptions {
  baseUrl: string;
  /** Default the global fetch; the emulator's fetch in demo mode and tests. */
  fetch?: typeof fetch;
  limiter: RateLimiter;
  onEvent?: (event: ClientEvent) => void;
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs?: number;
  /** Opens stored API keys. */
  keyring?: Keyring;
  /** Tokens of the marketplace app's installs. */
  installs?: InstallAuth;
}

/**
 * @example
 * const clients = createHighLevelClients({ baseUrl, limiter: createRateLimiter() });
 * await clients.forKey(apiKey, locationId).raw('GET', '/locations/{locationId}', { path: { locationId } });
 */
export function createHighLevelClients(options: HighLevelClientsOptions): HighLevelClients {
  const clientFor = (auth: AuthProvider, onEvent?: (event: ClientEvent) => void) =>
    new HighLevel({
      auth,
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      rateLimit: options.limiter,
      timeoutMs: options.timeoutMs ?? 10_000,
      onEvent:
        onEvent && options.onEvent
          ? (event) => {
              options.onEvent?.(event);
              onEvent(event);
            }
          : (onEvent ?? options.onEvent),
      userAgent: 'ghl-bridge-server',
    });
  const installs = (): InstallAuth => {
    if (!options.installs) throw new Error('createHighLevelClients: no installs configured');
    return options.installs;
  };
  return {
    baseUrl: options.baseUrl,
    forKey: (apiKey, locationId, onEvent) =>
      clientFor(privateIntegrationToken(apiKey, { locationId }), onEvent),
    forInstall: (locationId, onEvent) => clientFor(installs().forLocation(locationId), onEvent),
    forApp: () =>
      clientFor({
        getToken: () =>
          Promise.reject(
            new AuthConfigurationError(
              'auth_configuration',
              'The app client holds no token: it can only trade an install code (POST /oauth/token)',
            ),
          ),
      }),
    forConnection(connection, onEvent) {
      if (connection.credential_kind === 'oauth') {
        return clientFor(installs().forLocation(connection.location_id), onEvent);
      }
      if (!options.keyring) throw new Error('createHighLevelClients: no keyring configured');
      const apiKey = connectionApiKey(options.keyring, connection);
      return clientFor(
        privateIntegrationToken(apiKey, { locationId: connection.location_id }),
        onEvent,
      );
    },
  };
}
