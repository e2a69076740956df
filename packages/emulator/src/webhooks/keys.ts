/**
 * The emulator's webhook signing keys. HighLevel signs every webhook twice over the raw body:
 * `x-ghl-signature` with Ed25519 and the legacy `x-wh-signature` with RSA-SHA256 (PKCS#1 v1.5)
 * (https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide,
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/WebhookAuthentication.md).
 * The emulator does the same with its own keys and publishes the public halves, so receivers
 * under test verify with `verifyWebhook({ publicKeys })` exactly as they would in production.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface WebhookKeys {
  ed25519PrivateKey: KeyObject;
  rsaPrivateKey: KeyObject;
  /** The public halves as PEM: served at `/_emulator/keys`, taken by `verifyWebhook`. */
  publicKeys: { ed25519: string; rsa: string };
}

/** Both headers HighLevel signs a delivery with. */
export interface WebhookSignatureHeaders {
  'x-ghl-signature': string;
  'x-wh-signature': string;
}

/**
 * Fresh key pairs. RSA is 2048-bit by default to start fast; HighLevel's is 4096-bit, which
 * changes nothing for a verifier.
 *
 * @example
 * const keys = createWebhookKeys();
 * keys.publicKeys.ed25519; // '-----BEGIN PUBLIC KEY-----\n…'
 */
export function createWebhookKeys(options: { rsaModulusLength?: number } = {}): WebhookKeys {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: options.rsaModulusLength ?? 2048 });
  const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
  return {
    ed25519PrivateKey: ed.privateKey,
    rsaPrivateKey: rsa.privateKey,
    publicKeys: { ed25519: pem(ed.publicKey), rsa: pem(rsa.publicKey) },
  };
}

/**
 * Signs the exact bytes that will be sent. Sign the string you POST, never a re-serialization.
 *
 * @example
 * const body = JSON.stringify(event);
 * await fetch(url, { method: 'POST', body, headers: signWebhook(body, keys) });
 */
export function signWebhook(
  rawBody: string | Uint8Array,
  keys: WebhookKeys,
): WebhookSignatureHeaders {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return {
    'x-ghl-signature': sign(null, bytes, keys.ed25519PrivateKey).toString('base64'),
    'x-wh-signature': sign('sha256', bytes, keys.rsaPrivateKey).toString('base64'),
  };
}
