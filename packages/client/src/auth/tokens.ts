import { HighLevelError } from '../errors.js';

/** OAuth tokens as the client keeps and hands them to `onTokens`. */
export interface OAuthTokens {
  accessToken: string;
  /** Single-use: every refresh returns a new one and kills the old. */
  refreshToken?: string;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  /** Space-separated scopes granted. */
  scope?: string;
  /** `Location` (sub-account) or `Company` (agency). */
  userType?: 'Location' | 'Company';
  locationId?: string;
  companyId?: string;
  userId?: string;
}

/**
 * HighLevel's token response (`GetAccessCodeSuccessfulResponseDto` in `apps/oauth.json`):
 * `access_token`, `expires_in` (seconds, ~86399), `refresh_token`, `scope`, `userType`, …
 */
export function tokensFromResponse(body: unknown, now: number): OAuthTokens {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' && b[k] !== '' ? b[k] : undefined);
  const accessToken = str('access_token');
  if (!accessToken) {
    throw new HighLevelError(
      'token_refresh_failed',
      'HighLevel answered the token request without an access_token',
      { body },
    );
  }
  const expiresIn = typeof b.expires_in === 'number' ? b.expires_in : Number(b.expires_in ?? 86399);
  const userType = str('userType');
  return {
    accessToken,
    refreshToken: str('refresh_token'),
    expiresAt: now + (Number.isFinite(expiresIn) ? expiresIn : 86399) * 1000,
    scope: str('scope'),
    userType: userType === 'Company' || userType === 'Location' ? userType : undefined,
    locationId: str('locationId'),
    companyId: str('companyId'),
    userId: str('userId'),
  };
}
