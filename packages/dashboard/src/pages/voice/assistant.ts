/**
 * The Vapi assistant for one workspace, made from the repository's one assistant file,
 * docs/vapi-assistant.json, which the build bundles into the dashboard. It is filled in here, in
 * the browser, rather than by a server route because only the browser knows both things it
 * needs: the address people reach ghl-bridge at (behind a proxy the server sees its own), and a
 * secret just typed or generated (the server only ever shows the stored one masked). The file
 * in docs/ stays the only copy: what the guide shows is what gets downloaded.
 */
import template from '../../../../../docs/vapi-assistant.json' with { type: 'json' };
import type { AuthType } from '../../api/voice';

/** What docs/vapi.md asks to replace in the file when the secret is not known here. */
export const SECRET_PLACEHOLDER = 'YOUR_VOICE_SECRET';
/** An HMAC secret lives in a Vapi credential, which the assistant names by id. */
export const CREDENTIAL_PLACEHOLDER = 'YOUR_VAPI_CREDENTIAL_ID';

export interface AssistantTarget {
  /** `{origin}/v1/workspaces/{ws}/voice/vapi`. */
  serverUrl: string;
  auth: { type: AuthType; secret?: string | undefined };
}

/**
 * How Vapi presents the credential (docs/vapi.md#authentication): a header it sends as it is for
 * `bearer` and `x-vapi-secret`; for `hmac`, a Vapi credential that signs each request
 * (https://docs.vapi.ai/server-url/server-authentication).
 */
function credentialOf({ type, secret = SECRET_PLACEHOLDER }: AssistantTarget['auth']) {
  if (type === 'hmac') return { credentialId: CREDENTIAL_PLACEHOLDER };
  if (type === 'x-vapi-secret') return { headers: { 'X-Vapi-Secret': secret } };
  return { headers: { Authorization: `Bearer ${secret}` } };
}

/** Every `server` of the file (the assistant's and each tool's) pointed at this workspace. */
function fill(node: unknown, target: AssistantTarget): unknown {
  if (Array.isArray(node)) return node.map((item) => fill(item, target));
  if (node === null || typeof node !== 'object') return node;
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'server' && value !== null && typeof value === 'object') {
      const {
        url: _url,
        headers: _headers,
        credentialId: _id,
        ...rest
      } = value as Record<string, unknown>;
      filled[key] = { url: target.serverUrl, ...rest, ...credentialOf(target.auth) };
    } else {
      filled[key] = fill(value, target);
    }
  }
  return filled;
}

/**
 * The assistant, ready for Vapi's `POST /assistant`, as pretty JSON.
 *
 * @example assistantJson({ serverUrl: 'https://bridge.example.com/v1/workspaces/ws_1/voice/vapi', auth: { type: 'bearer' } });
 */
export function assistantJson(target: AssistantTarget): string {
  return `${JSON.stringify(fill(template, target), null, 2)}\n`;
}

/**
 * A new Vapi secret: 32 bytes of the browser's cryptographic randomness as base64url (43
 * characters, no spaces), well past the 16 the server requires.
 *
 * @example generateSecret(); // 'q3J…'
 */
export function generateSecret(
  fillRandom: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = fillRandom(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
