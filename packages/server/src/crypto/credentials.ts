/**
 * HighLevel credentials at rest: AES-256-GCM under the keyring's current key, with the key id
 * stored beside the ciphertext, and a preview (`pit-…a1b2`) that is safe to show.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.js';

export interface SealedSecret {
  /** base64 of iv (12 bytes) | auth tag (16 bytes) | ciphertext. */
  ciphertext: string;
  keyId: string;
}

/**
 * Encrypts `plaintext`; `context` (e.g. the workspace id) is bound as associated data, so a
 * ciphertext copied to another row does not decrypt.
 *
 * @example
 * const sealed = seal(ring, apiKey, workspaceId);
 * open(ring, sealed, workspaceId) === apiKey;
 */
export function seal(ring: Keyring, plaintext: string, context: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
    keyId: ring.current.id,
  };
}

export class CredentialKeyError extends Error {}

/** What to tell an operator about a credential sealed under a key the server lacks. */
export function missingKeyMessage(keyId: string): string {
  return `Stored credentials were encrypted with secret key ${keyId}, which is not configured: add that key to GHL_BRIDGE_PREVIOUS_SECRET_KEYS (then run \`ghl-bridge rekey\`), or reconnect the workspace`;
}

/** Decrypts a sealed secret; throws `CredentialKeyError` when its key is not in the ring. */
export function open(ring: Keyring, sealed: SealedSecret, context: string): string {
  const key = ring.byId.get(sealed.keyId);
  if (!key) throw new CredentialKeyError(missingKeyMessage(sealed.keyId));
  const raw = Buffer.from(sealed.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/**
 * What may be shown of an API key: its `pit-` style prefix and last four characters.
 *
 * @example
 * apiKeyPreview('pit-2f1e0c9a-7b3d-4e5f-8a9b-0c1d2e3fa1b2'); // 'pit-…a1b2'
 */
export function apiKeyPreview(apiKey: string): string {
  const prefix = /^([a-z]{2,5}-)/i.exec(apiKey)?.[1] ?? '';
  const tail = apiKey.length >= 12 ? apiKey.slice(-4) : '';
  return `${prefix}…${tail}`;
}
