import { AuthConfigurationError } from '../errors.js';
import { tokensFromResponse, type OAuthTokens } from './tokens.js';
import type { AuthBinding, AuthProvider, TokenRequest } from './types.js';

/**
 * Location tokens minted from an agency (Company) token through `POST /oauth/locationToken`
 * (`apps/oauth.json`, scope `oauth.write`), cached until shortly before they expire. Each request
 * must name its Location (path, query, body or the `locationId` call option).
 *
 * @example
 * const hl = new HighLevel({ auth: agencyLocations(oauth({ ...agencyTokens }), { companyId: 'cmp_1' }) });
 * await hl.contacts.get('contact_1', { locationId: 'loc_1' });
 */
export function agencyLocations(
  companyAuth: AuthProvider,
  options: { companyId: string; refreshBeforeMs?: number },
): AuthProvider {
  const cache = new Map<string, OAuthTokens>();
  const minting = new Map<string, Promise<OAuthTokens>>();
  let binding: AuthBinding | undefined;
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;

  function mint(locationId: string, signal: AbortSignal | undefined): Promise<OAuthTokens> {
    let pending = minting.get(locationId);
    if (!pending) {
      const b = binding;
      if (!b)
        throw new AuthConfigurationError(
          'auth_configuration',
          'agencyLocations() must be passed to new HighLevel({ auth }) before use',
        );
      pending = b
        .call({
          method: 'POST',
          path: '/oauth/locationToken',
          form: { companyId: options.companyId, locationId },
          auth: companyAuth,
          signal,
        })
        .then((body) => {
          const tokens = tokensFromResponse(body, b.clock.now());
          cache.set(locationId, tokens);
          return tokens;
        })
        .finally(() => minting.delete(locationId));
      minting.set(locationId, pending);
    }
    return pending;
  }

  function locationOf(request: TokenRequest): string {
    if (request.resourceId) return request.resourceId;
    throw new AuthConfigurationError(
      'auth_configuration',
      'agencyLocations() needs to know the Location of each request: pass { locationId } to the call',
    );
  }

  return {
    resourceId: undefined,
    bind(b) {
      binding = b;
      companyAuth.bind?.(b);
    },
    async getToken(request) {
      const locationId = locationOf(request);
      const cached = cache.get(locationId);
      const now = binding?.clock.now() ?? Date.now();
      if (cached && cached.expiresAt - now > refreshBeforeMs) return cached.accessToken;
      return (await mint(locationId, request.signal)).accessToken;
    },
    onInvalidToken(token, request) {
      const locationId = locationOf(request);
      if (cache.get(locationId)?.accessToken === token) cache.delete(locationId);
      return Promise.resolve(true);
    },
  };
}
