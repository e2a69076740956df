/**
 * Checks a webhook's signature over the raw request bytes. HighLevel sends two: `x-ghl-signature`
 * (Ed25519, current) and `x-wh-signature` (RSA-SHA256, legacy, being retired). Like HighLevel's
 * own SDK we check the Ed25519 one and fall back to RSA only when it is absent, so a request
 * with a bad Ed25519 signature cannot get through on a good (possibly old, replayed) RSA one.
 * https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { WebhookVerificationError } from './errors.js';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_RSA_PUBLIC_KEY } from './keys.js';

/** Request headers as `fetch` (`Headers`) or Node's `IncomingMessage.headers` give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Keys to verify with instead of HighLevel's (an emulator's, a test's): PEM or KeyObject. */
export interface WebhookPublicKeys {
  ed25519?: string | KeyObject;
  rsa?: string | KeyObject;
}

export type SignatureScheme = 'ed25519' | 'rsa';

const HEADER_OF: Record<SignatureScheme, string> = {
  ed25519: 'x-ghl-signature',
  rsa: 'x-wh-signature',
};
const NAME_OF: Record<SignatureScheme, string> = { ed25519: 'Ed25519', rsa: 'RSA' };

/** A header's value, whatever the case of its name; the first one when repeated. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/**
 * Which signature to check: Ed25519 whenever `x-ghl-signature` carries one, else RSA. Some
 * senders put a literal `N/A` in `x-ghl-signature` when they did not sign with Ed25519.
 */
export function chooseSignature(
  ed25519Header: string | undefined,
  rsaHeader: string | undefined,
): { scheme: SignatureScheme; signature: string } | null {
  const ed = ed25519Header?.trim();
  if (ed && ed.toUpperCase() !== 'N/A') return { scheme: 'ed25519', signature: ed };
  const rsa = rsaHeader?.trim();
  if (rsa) return { scheme: 'rsa', signature: rsa };
  return null;
}

const highLevelKeys: Partial<Record<SignatureScheme, KeyObject>> = {};

/** The key for `scheme`, checked to be of the right kind. */
function keyFor(scheme: SignatureScheme, given: string | KeyObject | undefined): KeyObject {
  if (given === undefined) {
    const pem = scheme === 'ed25519' ? HIGHLEVEL_ED25519_PUBLIC_KEY : HIGHLEVEL_RSA_PUBLIC_KEY;
    return (highLevelKeys[scheme] ??= createPublicKey(pem));
  }
  let key: KeyObject;
  try {
    key = typeof given === 'string' ? createPublicKey(given) : given;
  } catch (cause) {
    throw new WebhookVerificationError(
      'unusable_key',
      `publicKeys.${scheme} is not a readable public key (${(cause as Error).message}). ` +
        'Pass a PEM "-----BEGIN PUBLIC KEY-----" block or a KeyObject.',
      { cause },
    );
  }
  const expected = scheme === 'ed25519' ? 'ed25519' : 'rsa';
  if (key.type === 'secret' || key.asymmetricKeyType !== expected) {
    throw new WebhookVerificationError(
      'unusable_key',
      `publicKeys.${scheme} is a ${key.asymmetricKeyType ?? key.type} key, but ` +
        `${HEADER_OF[scheme]} needs an ${NAME_OF[scheme]} public key.`,
    );
  }
  return key;
}

function signatureMatches(
  scheme: SignatureScheme,
  body: Uint8Array,
  key: KeyObject,
  signature: string,
): boolean {
  try {
    // Ed25519 signs the message itself (no digest); RSA uses SHA-256 with PKCS#1 v1.5 padding,
    // node:crypto's default for RSA keys.
    const algorithm = scheme === 'ed25519' ? null : 'sha256';
    return verify(algorithm, body, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks the request's signature and returns the scheme that verified it; throws
 * `WebhookVerificationError` (`invalid_signature`) otherwise. Most receivers want
 * `verifyWebhook`, which also parses the body and refuses replays.
 *
 * @example
 * const scheme = verifyWebhookSignature({ rawBody, headers: req.headers }); // 'ed25519'
 */
export function verifyWebhookSignature(options: {
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
  publicKeys?: WebhookPublicKeys;
}): SignatureScheme {
  const { rawBody, headers, publicKeys = {} } = options;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError(
      `rawBody must be the request body exactly as received (string or Uint8Array), got ` +
        `${typeof rawBody}. A JSON body parser probably ran first: read the raw body instead ` +
        `(e.g. express.raw({ type: 'application/json' }) or await request.text()).`,
    );
  }
  const chosen = chooseSignature(
    headerValue(headers, HEADER_OF.ed25519),
    headerValue(headers, HEADER_OF.rsa),
  );
  if (!chosen) {
    throw new WebhookVerificationError(
      'missing_signature',
      'Neither x-ghl-signature nor x-wh-signature carries a signature. HighLevel signs every ' +
        'webhook: check that the request came from HighLevel and that no proxy drops headers.',
    );
  }
  const { scheme, signature } = chosen;
  const key = keyFor(scheme, publicKeys[scheme]);
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  if (signatureMatches(scheme, body, key, signature)) return scheme;
  const whose = publicKeys[scheme] ? `publicKeys.${scheme}` : `HighLevel's published key`;
  throw new WebhookVerificationError(
    'signature_mismatch',
    `${HEADER_OF[scheme]} does not verify with ${whose} (${NAME_OF[scheme]}). Check that ` +
      'rawBody is the exact bytes received, not JSON re-serialized by a body parser' +
      (scheme === 'ed25519'
        ? '; x-wh-signature is not tried when x-ghl-signature is present.'
        : '.'),
  );
}
