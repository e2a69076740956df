/**
 * Tokens for the Locations the marketplace app is installed on, as the client's auth providers:
 * a Location's own install refreshes its tokens (single-flight across processes under the
 * database lock, the rotated refresh token stored before the new access token is used); an
 * agency's Location gets tokens minted from the agency's (`POST /oauth/locationToken`,
 * https://marketplace.gohighlevel.com/docs/ghl/oauth/get-location-access-token). One provider
 * per Location or agency per process, so concurrent jobs share one refresh.
 *
 * A refresh token HighLevel refuses (used already, revoked) cannot be repaired from here: the
 * install is marked, its connections paused with the reason, and the app must be installed again.
 */
import {
  agencyLocations,
  HighLevelError,
  oauth,
  TokenRefreshError,
  type AuthBinding,
  type AuthProvider,
  type OAuthTokens,
  type TokenRequest,
} from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { OAuthAppConfig } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { NamedLock } from '../db/namedLock.js';
import type { DB } from '../db/schema.js';
import { findInstall, installTokens, writeTokens, type InstallRow } from './installStore.js';

/** The connection cannot act until the app is installed again; `reason` says why, in words. */
export class ConnectionPausedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ConnectionPausedError';
  }
}

/**
 * The install changed under a provider this process kept (made again directly, or through its
 * agency): the attempt fails like an outage, and the next one uses the install as it is now.
 */
export class InstallChangedError extends Error {
  constructor(readonly resourceId: string) {
    super(`The HighLevel app's install on ${resourceId} changed while it was in use; retried.`);
    this.name = 'InstallChangedError';
  }
}

export interface InstallAuthDeps {
  db: Kysely<DB>;
  keyring: Keyring;
  lock: NamedLock;
  /** Undefined when no marketplace app is configured: OAuth connections cannot act. */
  app: OAuthAppConfig | undefined;
  /** HighLevel refused an install's tokens for good: mark it and pause its connections. */
  onRefused: (resourceId: string, reason: string) => Promise<void>;
}

export interface InstallAuth {
  /** The auth of a connection made by choosing an installed Location. */
  forLocation(locationId: string): AuthProvider;
}

const refusedMessage = (what: string, why: string) =>
  `HighLevel refused the app's tokens for ${what} (${why}). The refresh token was used or revoked, or the app was uninstalled: install the app again (GET /v1/oauth/install) and choose this Location; its sync jobs are paused until then.`;

/** HighLevel answered a token request with a refusal (not a network failure or an outage). */
const refused = (error: unknown): error is HighLevelError =>
  error instanceof HighLevelError &&
  error.status !== undefined &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 429;

/**
 * @example
 * const auth = installAuth({ db, keyring, lock: databaseLock(database), app: config.oauth, onRefused });
 * new HighLevel({ auth: auth.forLocation('loc_1') });
 */
export function installAuth(deps: InstallAuthDeps): InstallAuth {
  const providers = new Map<string, AuthProvider>();

  const tokensOf = (row: InstallRow): OAuthTokens | undefined => {
    const stored = installTokens(deps.keyring, row);
    if (!stored || row.uninstalled_at) return undefined;
    return {
      ...stored,
      userType: row.user_type,
      ...(row.location_id ? { locationId: row.location_id } : {}),
      ...(row.company_id ? { companyId: row.company_id } : {}),
      scope: row.scopes.join(' '),
    };
  };

  const goneMessage = (resourceId: string, row: InstallRow | undefined) =>
    row?.last_error ??
    `The app is not installed on ${resourceId}: install it (GET /v1/oauth/install) and choose this Location, or connect with an API key.`;

  /** The stored tokens, or a pause when the install is gone. */
  async function stored(resourceId: string): Promise<OAuthTokens> {
    const row = await findInstall(deps.db, resourceId);
    const tokens = row && tokensOf(row);
    if (tokens) return tokens;
    // Installed again through its agency meanwhile: this process's provider is out of date.
    if (row && !row.uninstalled_at && row.via_company_id) throw installChanged(resourceId);
    throw new ConnectionPausedError(goneMessage(resourceId, row));
  }

  /** The install was made again another way; the next attempt builds the provider anew. */
  const installChanged = (resourceId: string) => {
    providers.delete(resourceId);
    return new InstallChangedError(resourceId);
  };

  /** A refreshing provider for an install that holds its own tokens (a Location or an agency). */
  async function ownTokens(resourceId: string): Promise<AuthProvider> {
    const app = deps.app;
    if (!app) {
      throw new ConnectionPausedError(
        'This connection uses the HighLevel marketplace app, but GHL_OAUTH_CLIENT_ID and GHL_OAUTH_CLIENT_SECRET are not set on this server: set them, or reconnect with an API key.',
      );
    }
    const provider = oauth({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      tokens: await stored(resourceId),
      onTokens: (next) => writeTokens(deps.db, deps.keyring, resourceId, next),
      lock: (refresh) => deps.lock(`oauth-refresh:${resourceId}`, refresh),
      loadTokens: () => stored(resourceId),
    });
    return pausingOnRefusal(provider, resourceId, `install ${resourceId}`);
  }

  /** Turns a refused refresh into a paused install. */
  function pausingOnRefusal(
    provider: AuthProvider,
    resourceId: string,
    what: string,
  ): AuthProvider {
    const onRefusal = async (error: unknown): Promise<never> => {
      const inner = error instanceof TokenRefreshError ? error.cause : error;
      if (error instanceof TokenRefreshError && refused(inner)) {
        const reason = refusedMessage(what, inner.message);
        await deps.onRefused(resourceId, reason);
        throw new ConnectionPausedError(reason);
      }
      throw error;
    };
    return {
      get resourceId() {
        return provider.resourceId;
      },
      bind: (b) => provider.bind?.(b),
      getToken: (request) => provider.getToken(request).catch(onRefusal),
      onInvalidToken: (token, request) =>
        (provider.onInvalidToken?.(token, request) ?? Promise.resolve(false)).catch(onRefusal),
    };
  }

  /** Location tokens minted from the agency's token. */
  function minted(locationId: string, companyId: string): AuthProvider {
    const company = cached(companyId, () => ownTokens(companyId));
    const provider = agencyLocations(company, { companyId });
    const onRefusal = async (error: unknown): Promise<never> => {
      // The agency's token works (a refusal of it pauses the agency) but HighLevel will not
      // mint for this Location: the app was removed from it.
      if (refused(error) && !(error instanceof TokenRefreshError)) {
        // Installed on the Location itself meanwhile: not a refusal of the install it has now.
        const row = await findInstall(deps.db, locationId);
        if (row && !row.uninstalled_at && row.via_company_id !== companyId) {
          throw installChanged(locationId);
        }
        const reason = refusedMessage(`Location ${locationId}`, error.message);
        await deps.onRefused(locationId, reason);
        throw new ConnectionPausedError(reason);
      }
      throw error;
    };
    const at = (request: TokenRequest) => ({ ...request, resourceId: locationId });
    return {
      resourceId: locationId,
      bind: (b) => provider.bind?.(b),
      getToken: (request) => provider.getToken(at(request)).catch(onRefusal),
      onInvalidToken: (token, request) =>
        (provider.onInvalidToken?.(token, at(request)) ?? Promise.resolve(false)).catch(onRefusal),
    };
  }

  /** A provider made on first use (it needs the database) and kept for the process. */
  function cached(key: string, make: () => Promise<AuthProvider>): AuthProvider {
    const existing = providers.get(key);
    if (existing) return existing;
    const provider = lazy(key, make, () => providers.delete(key));
    providers.set(key, provider);
    return provider;
  }

  return {
    forLocation(locationId) {
      return cached(locationId, async () => {
        const row = await findInstall(deps.db, locationId);
        if (!row || row.uninstalled_at) {
          throw new ConnectionPausedError(goneMessage(locationId, row));
        }
        return row.via_company_id && !row.tokens_ciphertext
          ? minted(locationId, row.via_company_id)
          : ownTokens(locationId);
      });
    },
  };
}

/**
 * A provider built on first use. A failure to build it (the install gone, the database down) is
 * not kept: the next request tries again, and `forget` drops it from the process's cache, so a
 * re-install is picked up.
 */
function lazy(
  resourceId: string,
  make: () => Promise<AuthProvider>,
  forget: () => void,
): AuthProvider {
  let made: AuthProvider | undefined;
  let making: Promise<AuthProvider> | undefined;
  let binding: AuthBinding | undefined;
  const get = (): Promise<AuthProvider> => {
    if (made) return Promise.resolve(made);
    making ??= make().then(
      (provider) => {
        if (binding) provider.bind?.(binding);
        made = provider;
        return provider;
      },
      (error: unknown) => {
        making = undefined;
        forget();
        throw error;
      },
    );
    return making;
  };
  const dropOnPause = (error: unknown): never => {
    if (error instanceof ConnectionPausedError) forget();
    throw error;
  };
  return {
    resourceId,
    bind(b) {
      binding = b;
      made?.bind?.(b);
    },
    async getToken(request) {
      return (await get()).getToken(request).catch(dropOnPause);
    },
    async onInvalidToken(token, request) {
      const provider = await get();
      return (provider.onInvalidToken?.(token, request) ?? Promise.resolve(false)).catch(
        dropOnPause,
      );
    },
  };
}
