/**
 * What the emulator stores for OAuth: marketplace apps, their installs, authorization codes and
 * tokens. HighLevel's flow: an app is installed on a Location or an agency (Company) from the
 * consent screen, which redirects with a `code`; `POST /oauth/token` trades it for an access
 * token (about 24 h) and a refresh token that works once
 * (https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md).
 */

/** `Location` (sub-account) or `Company` (agency): the kind of token an install yields. */
export type UserType = 'Location' | 'Company';

export interface OAuthAppRecord {
  /** The marketplace app id: the client id up to its `-`, as HighLevel's SDK reads it. */
  id: string;
  clientId: string;
  clientSecret: string;
  name: string;
  /** Scopes the app was configured with: what its tokens hold. */
  scopes: string[];
  /** Where the app's webhooks go; null: none. */
  webhookUrl: string | null;
  /** Webhook events the app turned on; null: every event its scopes allow. */
  events: string[] | null;
  /** The redirect URI the consent screen sends the code to; null: any. */
  redirectUri: string | null;
  dateAdded: string;
}

/** The app installed on one Location, or (locationId null) on the agency itself. */
export interface AppInstallRecord {
  appId: string;
  companyId: string;
  locationId: string | null;
  /** Who approved the install: the token responses' `userId`. */
  userId: string;
  installedAt: string;
}

export interface AuthorizationCodeRecord {
  code: string;
  appId: string;
  companyId: string;
  /** Set for a Location token; null for an agency (Company) token. */
  locationId: string | null;
  userType: UserType;
  userId: string;
  scopes: string[];
  /** The redirect URI the code was sent to; a token request naming another is refused. */
  redirectUri: string | null;
  /** Locations an agency install approved (`approvedLocations` in the token response). */
  approvedLocations: string[];
  /** Epoch ms on the emulator clock. */
  expiresAt: number;
}

/** A refresh token; it is deleted when used (HighLevel's refresh tokens are single-use). */
export interface RefreshTokenRecord {
  token: string;
  appId: string;
  companyId: string;
  locationId: string | null;
  userType: UserType;
  userId: string;
  scopes: string[];
  approvedLocations: string[];
}

/** An agency (Company) access token: it can list installs and mint Location tokens. */
export interface CompanyTokenRecord {
  token: string;
  kind: 'oauth';
  companyId: string;
  appId: string;
  userId: string;
  scopes: string[];
  /** Epoch ms after which the token is refused with 401 Invalid JWT. */
  expiresAt: number;
}

/** The key of an install: app and the Location (or Company) it is installed on. */
export const installKey = (appId: string, resourceId: string) => `${appId}:${resourceId}`;
