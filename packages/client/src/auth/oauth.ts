import { HighLevelError, TokenRefreshError } from '../errors.js';
import { tokensFromResponse, type OAuthTokens } from './tokens.js';
import type { AuthBinding, AuthProvider, TokenRequest } from './types.js';

export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  /** The tokens as last stored. */
  tokens: OAuthTokens;
  /**
   * Persist rotated tokens. Awaited before the new access token is used: HighLevel's refresh
   * tokens are single-use, so tokens that were not saved would be lost with the process.
   */
  onTokens: (tokens: OAuthTokens) => void | Promise<void>;
  /**
   * Runs the refresh under a lock shared by every process using these tokens (e.g. a database
   * row lock), so that only one of them spends the refresh token.
   */
  lock?: <T>(refresh: () => Promise<T>) => Promise<T>;
  /** Reads the stored tokens under the lock: another process may have refreshed already. */
  loadTokens?: () => Promise<OAuthTokens | undefined>;
  /** Refresh this long before expiry. Default 60 s. */
  refreshBeforeMs?: number;
}

/**
 * OAuth 2.0 tokens of a Location or Company, refreshed before they expire and once after a 401.
 * Concurrent callers share one refresh. https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md
 *
 * @example
 * const auth = oauth({ clientId, clientSecret, tokens: await db.loadTokens(), onTokens: (t) => db.saveTokens(t) });
 * const hl = new HighLevel({ auth });
 */
export function oauth(options: OAuthOptions): AuthProvider & { current(): OAuthTokens } {
  let tokens = options.tokens;
  let unsaved: OAuthTokens | undefined;
  let inflight: Promise<void> | undefined;
  let binding: AuthBinding | undefined;
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const lock = options.lock ?? ((fn) => fn());
  const now = () => binding?.clock.now() ?? Date.now();
  const fresh = (t: OAuthTokens) => t.expiresAt - now() > refreshBeforeMs;

  async function save(next: OAuthTokens): Promise<void> {
    try {
      await options.onTokens(next);
    } catch (cause) {
      unsaved = next;
      throw new TokenRefreshError(
        'token_refresh_failed',
        'HighLevel issued new OAuth tokens but onTokens could not save them; they are kept in memory and saving is retried before the next request',
        { cause },
      );
    }
    unsaved = undefined;
    tokens = next;
  }

  async function refreshNow(
    rejected: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (!binding)
      throw new TokenRefreshError(
        'token_refresh_failed',
        'oauth() must be passed to new HighLevel({ auth }) before use',
      );
    const stored = options.loadTokens ? await options.loadTokens() : undefined;
    if (stored && stored.accessToken !== rejected && fresh(stored)) {
      tokens = stored;
      binding.emit({
        type: 'token_refresh',
        outcome: 'reused',
        resourceId: stored.locationId ?? stored.companyId,
      });
      return;
    }
    const current = stored ?? tokens;
    if (!current.refreshToken) {
      throw new TokenRefreshError(
        'token_refresh_failed',
        'The OAuth access token expired and there is no refresh token: reinstall the app to authorize again',
      );
    }
    const form: Record<string, string> = {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: current.refreshToken,
    };
    if (current.userType) form.user_type = current.userType;
    let body: unknown;
    try {
      body = await binding.call({ method: 'POST', path: '/oauth/token', form, auth: null, signal });
    } catch (cause) {
      binding.emit({
        type: 'token_refresh',
        outcome: 'failed',
        resourceId: current.locationId ?? current.companyId,
      });
      const why = cause instanceof HighLevelError ? cause.message : String(cause);
      throw new TokenRefreshError(
        'token_refresh_failed',
        `Refreshing the HighLevel OAuth token failed: ${why}. If the refresh token was already used or revoked, the app must be authorized again.`,
        { cause, status: cause instanceof HighLevelError ? cause.status : undefined },
      );
    }
    const next = { ...current, ...stripUndefined(tokensFromResponse(body, now())) };
    await save(next);
    binding.emit({
      type: 'token_refresh',
      outcome: 'refreshed',
      resourceId: next.locationId ?? next.companyId,
    });
  }

  /** One refresh at a time in this process; `lock` makes it one across processes. */
  function refresh(rejected: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    inflight ??= lock(() => refreshNow(rejected, signal)).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    get resourceId() {
      return tokens.locationId ?? tokens.companyId;
    },
    bind(b) {
      binding = b;
    },
    current: () => tokens,
    async getToken(request: TokenRequest) {
      if (unsaved) await save(unsaved);
      if (!fresh(tokens)) await refresh(undefined, request.signal);
      return tokens.accessToken;
    },
    async onInvalidToken(token: string, request: TokenRequest) {
      if (token !== tokens.accessToken) return true;
      await refresh(token, request.signal);
      return tokens.accessToken !== token;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
