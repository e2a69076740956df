/**
 * The OAuth redirect URI: `GHL_BRIDGE_PUBLIC_URL` + `/v1/oauth/callback`, or, without it, the
 * origin the request came in on. The install and the code exchange must name the same one, and it
 * must be one of the app's redirect URLs in the HighLevel marketplace.
 */
export const OAUTH_CALLBACK_PATH = '/v1/oauth/callback';

/** @example redirectUri(undefined, 'http://127.0.0.1:3000/v1/oauth/install') // 'http://127.0.0.1:3000/v1/oauth/callback' */
export function redirectUri(publicUrl: string | undefined, requestUrl: string): string {
  return `${publicUrl ?? new URL(requestUrl).origin}${OAUTH_CALLBACK_PATH}`;
}
