/**
 * Signing secrets and signatures per Standard Webhooks
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * a secret is `whsec_` + base64 of random bytes; each request carries `webhook-id`,
 * `webhook-timestamp` (seconds) and `webhook-signature`, `v1,<base64 HMAC-SHA256 of
 * "{id}.{timestamp}.{body}">`, one per secret in use, separated by spaces (during a rotation the
 * receiver's old and new secret both verify). The HMAC is the `standardwebhooks` library's, the
 * one receivers verify with.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Random bytes in a secret: Standard Webhooks asks for 24 to 64. */
const SECRET_BYTES = 32;

/**
 * A new signing secret, shown to the user once.
 *
 * @example newSigningSecret() // 'whsec_3q2+7w…='
 */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The headers of one attempt: `body` signed with every secret in `secrets`.
 *
 * @example
 * const headers = signedHeaders(['whsec_…'], 'evt_1', new Date(), '{"type":"booking.synced",…}');
 * headers['webhook-signature']; // 'v1,K5oZ…='
 */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
  };
}
