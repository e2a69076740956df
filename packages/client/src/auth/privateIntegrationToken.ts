import { AuthConfigurationError } from '../errors.js';
import type { AuthProvider } from './types.js';

/**
 * A Private Integration Token: a static bearer token for one sub-account (Location) or agency.
 * HighLevel never refreshes it; a rotated or revoked one fails with 401 and needs a new token.
 * https://marketplace.gohighlevel.com/docs/Authorization/PrivateIntegrationsToken
 *
 * @example
 * const hl = new HighLevel({ auth: privateIntegrationToken(process.env.GHL_TOKEN!, { locationId: 'abc' }) });
 */
export function privateIntegrationToken(
  token: string,
  options: { locationId?: string } = {},
): AuthProvider {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new AuthConfigurationError(
      'auth_configuration',
      'privateIntegrationToken() needs a non-empty token',
    );
  }
  return {
    resourceId: options.locationId,
    getToken: () => Promise.resolve(token.trim()),
  };
}
