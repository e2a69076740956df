/**
 * The public keys webhooks from HighLevel are checked with (`GHL_WEBHOOK_PUBLIC_KEYS`): PEM
 * blocks, each sorted by its kind into Ed25519 (`x-ghl-signature`) or RSA (`x-wh-signature`).
 * Several of a kind are allowed so a new key can be trusted before the old one is dropped. A kind
 * with no key given keeps HighLevel's published key, so trusting an emulator's Ed25519 key (or a
 * rotated one) does not silently stop the legacy RSA signatures being checked.
 * https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide
 */
import { createPublicKey } from 'node:crypto';
import {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
} from '@ghl-bridge/client/webhooks';

/** Trusted public keys by signature scheme, as PEM; each list has at least one key. */
export interface WebhookKeyring {
  ed25519: readonly string[];
  rsa: readonly string[];
}

/** HighLevel's published keys: what the bridge trusts when nothing is configured. */
export const HIGHLEVEL_WEBHOOK_KEYRING: WebhookKeyring = Object.freeze({
  ed25519: Object.freeze([HIGHLEVEL_ED25519_PUBLIC_KEY]),
  rsa: Object.freeze([HIGHLEVEL_RSA_PUBLIC_KEY]),
});

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * The keys in `text` (PEM blocks one after another; `\n` written out as two characters, as in a
 * one-line `.env` value, is read as a line break), or what is wrong with it.
 *
 * @example
 * const parsed = parseWebhookPublicKeys(process.env.GHL_WEBHOOK_PUBLIC_KEYS ?? '');
 * if ('keys' in parsed) parsed.keys.ed25519.length; // 1 or more
 */
export function parseWebhookPublicKeys(
  text: string,
): { keys: WebhookKeyring } | { problem: string } {
  const normalized = text.replace(/\\n/g, '\n');
  const blocks = normalized.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    return {
      problem:
        'expected one or more PEM public keys ("-----BEGIN PUBLIC KEY-----" … "-----END PUBLIC KEY-----")',
    };
  }
  if (normalized.replace(PEM_BLOCK, '').trim() !== '') {
    return { problem: 'expected only PEM public key blocks, found other text between them' };
  }
  const ed25519: string[] = [];
  const rsa: string[] = [];
  for (const [index, block] of blocks.entries()) {
    let kind: string | undefined;
    try {
      kind = createPublicKey(block).asymmetricKeyType;
    } catch (cause) {
      return {
        problem: `key ${index + 1} is not a readable public key (${(cause as Error).message})`,
      };
    }
    const pem = `${block}\n`;
    if (kind === 'ed25519') ed25519.push(pem);
    else if (kind === 'rsa') rsa.push(pem);
    else return { problem: `key ${index + 1} is a ${kind} key; expected Ed25519 or RSA keys` };
  }
  return {
    keys: Object.freeze({
      ed25519: Object.freeze(ed25519.length > 0 ? ed25519 : HIGHLEVEL_WEBHOOK_KEYRING.ed25519),
      rsa: Object.freeze(rsa.length > 0 ? rsa : HIGHLEVEL_WEBHOOK_KEYRING.rsa),
    }),
  };
}
