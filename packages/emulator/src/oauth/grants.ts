/**
 * `POST /oauth/token`: the authorization-code and refresh-token grants of HighLevel's OAuth 2.0
 * (spec/highlevel/apps/oauth.json `GetAccessCodebodyDto`). Refresh tokens rotate: the one used
 * is deleted and a new one issued. Error bodies carry the OAuth error code in `error` and the
 * node-oauth2-server message whose wording HighLevel's spec shows for 401
 * ("Invalid token: access token is invalid"); see DEVIATIONS.md.
 */
import { dtoRules, validBody } from '../dto.js';
import { HighLevelError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import type { OAuthAppRecord } from './model.js';
import { issueTokens } from './tokens.js';

const tokenRules = dtoRules('oauth', 'GetAccessCodebodyDto');

export const oauthError = (status: number, error: string, message: string) =>
  new HighLevelError(status, { statusCode: status, message, error });

const invalidGrant = (message: string) => oauthError(400, 'invalid_grant', message);

function missing(name: string): never {
  throw oauthError(400, 'invalid_request', `Missing parameter: \`${name}\``);
}

function exchangeCode(rt: Runtime, app: OAuthAppRecord, form: Record<string, unknown>) {
  if (typeof form.code !== 'string' || form.code === '') missing('code');
  const code = rt.state.authorizationCodes[form.code];
  if (!code || code.appId !== app.id) {
    throw invalidGrant('Invalid grant: authorization code is invalid');
  }
  // A code works once, whatever happens next.
  delete rt.state.authorizationCodes[code.code];
  if (code.expiresAt <= rt.clock.now()) {
    throw invalidGrant('Invalid grant: authorization code has expired');
  }
  if (typeof form.redirect_uri === 'string' && code.redirectUri !== null) {
    if (form.redirect_uri !== code.redirectUri) {
      throw oauthError(400, 'invalid_request', 'Invalid request: `redirect_uri` is invalid');
    }
  }
  const { code: _code, expiresAt: _expiresAt, redirectUri: _redirectUri, ...grant } = code;
  return issueTokens(rt, grant);
}

function refresh(rt: Runtime, app: OAuthAppRecord, form: Record<string, unknown>) {
  if (typeof form.refresh_token !== 'string' || form.refresh_token === '') {
    missing('refresh_token');
  }
  const used = rt.state.refreshTokens[form.refresh_token];
  if (!used || used.appId !== app.id) {
    throw invalidGrant('Invalid grant: refresh token is invalid');
  }
  delete rt.state.refreshTokens[used.token];
  const { token: _token, ...grant } = used;
  return issueTokens(rt, grant);
}

/**
 * The token endpoint's answer for a form (or JSON) body: new tokens, or a HighLevelError.
 *
 * @example
 * tokenGrant(rt, { client_id, client_secret, grant_type: 'authorization_code', code });
 * // { access_token, token_type: 'Bearer', expires_in: 86399, refresh_token, scope, userType, … }
 */
export function tokenGrant(rt: Runtime, body: unknown): Record<string, unknown> {
  const form = validBody(tokenRules, body);
  const app = Object.values(rt.state.apps).find((a) => a.clientId === form.client_id);
  if (!app || app.clientSecret !== form.client_secret) {
    throw oauthError(401, 'invalid_client', 'Invalid client: client is invalid');
  }
  if (form.grant_type === 'authorization_code') return exchangeCode(rt, app, form);
  if (form.grant_type === 'refresh_token') return refresh(rt, app, form);
  throw oauthError(
    400,
    'unsupported_grant_type',
    'Unsupported grant type: `grant_type` is invalid',
  );
}
