import { tokensFromResponse, type OAuthTokens } from '../auth/tokens.js';
import type { Paths } from '../generated/index.js';
import type { CallOptions } from '../types.js';
import { Resource, type OAuthSchemas } from './resource.js';

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface ExchangeCodeParams extends AppCredentials {
  /** The `code` HighLevel added to the redirect URL after the install. */
  code: string;
  /** The redirect URI of the app, when it has several. */
  redirectUri?: string;
  /** `Location` for a sub-account token, `Company` for an agency token. */
  userType?: 'Company' | 'Location';
}

export interface RefreshTokenParams extends AppCredentials {
  refreshToken: string;
  userType?: 'Company' | 'Location';
}

type TokenForm = OAuthSchemas['GetAccessCodebodyDto'];

export type InstalledLocationsParams =
  Paths['/oauth/installedLocations']['get']['parameters']['query'];
export type InstalledLocations = OAuthSchemas['GetInstalledLocationsSuccessfulResponseDto'];

/**
 * HighLevel's OAuth endpoints (`apps/oauth.json`), for the app's own install flow. Most apps need
 * only `oauth(…)` auth, which refreshes tokens by itself; these are for exchanging the install's
 * authorization code and for agency apps listing and entering their Locations.
 *
 * `POST /oauth/token` (`exchangeCode`, `refresh`) authenticates with the client secret alone: the
 * spec declares no security for it, and an app calls it during an install, before it holds any
 * token. It is sent with no bearer token, whatever the client's `auth`.
 */
export class OAuth extends Resource {
  /**
   * Trades the authorization code of an install for tokens. Store them at once (with
   * `expiresAt`): the code works only once.
   *
   * @example
   * const tokens = await hl.oauth.exchangeCode({ clientId, clientSecret, code: url.searchParams.get('code')!, userType: 'Location' });
   */
  exchangeCode(params: ExchangeCodeParams, options: CallOptions = {}): Promise<OAuthTokens> {
    return this.token(
      {
        client_id: params.clientId,
        client_secret: params.clientSecret,
        grant_type: 'authorization_code',
        code: params.code,
        redirect_uri: params.redirectUri,
        user_type: params.userType,
      },
      options,
    );
  }

  /**
   * A new access token for a refresh token. Refresh tokens are single-use: store the returned
   * `refreshToken` before anything else, or the next refresh fails. (`oauth(…)` auth does this
   * for you.)
   *
   * @example const next = await hl.oauth.refresh({ clientId, clientSecret, refreshToken: stored.refreshToken! });
   */
  refresh(params: RefreshTokenParams, options: CallOptions = {}): Promise<OAuthTokens> {
    return this.token(
      {
        client_id: params.clientId,
        client_secret: params.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: params.refreshToken,
        user_type: params.userType,
      },
      options,
    );
  }

  /**
   * A Location token minted from this client's agency (Company) token. It has no refresh token:
   * mint a new one when it expires (`agencyLocations(…)` auth does this for you).
   *
   * @example const locationTokens = await agencyClient.oauth.locationToken({ companyId, locationId });
   */
  async locationToken(
    params: { companyId: string; locationId: string },
    options: CallOptions = {},
  ): Promise<OAuthTokens> {
    const res = await this.client.request('POST', '/oauth/locationToken', {
      ...options,
      body: { companyId: params.companyId, locationId: params.locationId },
    });
    return this.tokens(res);
  }

  /**
   * The agency's Locations and whether the app is installed in each (agency token).
   *
   * @example const { locations } = await hl.oauth.installedLocations({ companyId, appId, isInstalled: true });
   */
  async installedLocations(
    params: InstalledLocationsParams,
    options: CallOptions = {},
  ): Promise<InstalledLocations> {
    return this.client.request('GET', '/oauth/installedLocations', { ...options, query: params });
  }

  /** `POST /oauth/token`, form-encoded, ahead of normal traffic like the auth layer's own token calls. */
  private async token(form: TokenForm, options: CallOptions): Promise<OAuthTokens> {
    const res = await this.client.request('POST', '/oauth/token', {
      priority: 'interactive',
      ...options,
      auth: null,
      body: form,
    });
    return this.tokens(res);
  }

  private tokens(body: unknown): OAuthTokens {
    return tokensFromResponse(body, this.client.clock.now());
  }
}
