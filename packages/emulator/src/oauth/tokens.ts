/**
 * Minting and revoking OAuth credentials. Access tokens last 86399 s and refresh tokens are
 * single-use, as HighLevel's (`expires_in: 86399`; "refresh token … valid … until used",
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Runtime } from '../runtime.js';
import type { RefreshTokenRecord } from './model.js';

export const ACCESS_TOKEN_SECONDS = 86_399;
/** How long a consent screen's code can be traded; HighLevel does not say (assumed). */
export const AUTHORIZATION_CODE_MS = 10 * 60_000;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const opaque = () => randomBytes(32).toString('base64url');

/** App id (24 hex, like HighLevel's) with its client id `<appId>-<8 chars>` and a UUID secret. */
export function newAppCredentials() {
  const appId = hex(12);
  const suffix = randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 8);
  return { appId, clientId: `${appId}-${suffix}`, clientSecret: randomUUID() };
}

/** A 40-hex authorization code, the shape HighLevel's redirects carry. */
export const newAuthorizationCode = () => hex(20);

/** What a grant yields tokens for: everything a refresh token records except itself. */
export type Grant = Omit<RefreshTokenRecord, 'token'>;

/**
 * New access and refresh tokens for `grant`, stored, as `POST /oauth/token` answers them
 * (`GetAccessCodeSuccessfulResponseDto`): `locationId` only on Location tokens,
 * `approvedLocations` only on Company tokens.
 */
export function issueTokens(rt: Runtime, grant: Grant): Record<string, unknown> {
  const accessToken = opaque();
  const refreshToken = opaque();
  const expiresAt = rt.clock.now() + ACCESS_TOKEN_SECONDS * 1000;
  const { appId, companyId, locationId, userId, scopes } = grant;
  if (grant.userType === 'Location' && locationId) {
    rt.state.tokens[accessToken] = {
      token: accessToken,
      kind: 'oauth',
      locationId,
      companyId,
      appId,
      scopes: [...scopes],
      expiresAt,
    };
  } else {
    rt.state.companyTokens[accessToken] = {
      token: accessToken,
      kind: 'oauth',
      companyId,
      appId,
      userId,
      scopes: [...scopes],
      expiresAt,
    };
  }
  rt.state.refreshTokens[refreshToken] = { ...grant, token: refreshToken };
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refreshToken,
    scope: scopes.join(' '),
    userType: grant.userType,
    companyId,
    userId,
  };
  if (grant.userType === 'Location') body.locationId = locationId;
  else body.approvedLocations = [...grant.approvedLocations];
  return body;
}

/**
 * Revokes what an app holds for a Location, or for a whole Company and its Locations
 * (`locationId` null): access tokens, refresh tokens and unused codes.
 */
export function revokeAppCredentials(
  rt: Runtime,
  appId: string,
  target: { companyId: string; locationId: string | null },
): void {
  const covers = (record: { appId: string; companyId: string; locationId?: string | null }) =>
    record.appId === appId &&
    record.companyId === target.companyId &&
    (target.locationId === null || record.locationId === target.locationId);
  const { state } = rt;
  const tables: Record<string, Parameters<typeof covers>[0]>[] = [
    state.tokens,
    state.companyTokens,
    state.refreshTokens,
    state.authorizationCodes,
  ];
  for (const table of tables) {
    for (const [key, record] of Object.entries(table)) {
      if (covers(record)) delete table[key];
    }
  }
}
