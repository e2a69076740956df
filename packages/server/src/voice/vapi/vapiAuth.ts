/**
 * Checks the credential Vapi presents on each request to the workspace's server URL
 * (docs/vapi.md#authentication; https://docs.vapi.ai/server-url/server-authentication):
 * - `bearer`: `Authorization: Bearer <secret>`
 * - `x-vapi-secret`: `X-Vapi-Secret: <secret>`
 * - `hmac`: the HMAC-SHA256 of the raw body under the secret, hex (or base64), in
 *   `x-vapi-signature` or `x-signature` (the default header of Vapi's HMAC authentication plan).
 *   With a timestamp header (`x-timestamp`, Unix seconds or milliseconds) the signature covers
 *   `{timestamp}.{body}`, Vapi's default payload format, and a request older (or newer) than the
 *   replay window is refused; `auth.maxAgeSeconds` makes the timestamp required
 *   (https://docs.vapi.ai/server-url/server-authentication).
 *
 * Only the configured type is accepted, so a leaked secret can't be replayed through a weaker
 * header. Every comparison is between two SHA-256 digests with `timingSafeEqual`, so neither the
 * length nor the first differing byte of the secret shows in the response time. During a
 * rotation the previous secret works until its expiry.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VoiceAuth } from '../core/settings.js';

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type VapiAuthResult =
  | { ok: true; secret: 'current' | 'previous' }
  | {
      ok: false;
      reason: 'missing_credential' | 'bad_credential' | 'missing_timestamp' | 'stale_request';
      message: string;
    };

/** The replay window when a timestamp is sent but `auth.maxAgeSeconds` is not set. */
export const DEFAULT_MAX_AGE_SECONDS = 300;

export interface VapiRequest {
  headers: HeaderSource;
  /** The body exactly as received; the signature covers these bytes, not re-serialized JSON. */
  rawBody: string | Uint8Array;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * The hex signature Vapi sends for `rawBody` under `secret`, over `{timestamp}.{body}` when a
 * timestamp is sent (also what tests and docs use to sign a request).
 *
 * @example vapiSignature('{"message":{}}', secret); // '5d41…' (64 hex characters)
 * @example vapiSignature(body, secret, '1733400000'); // with `x-timestamp: 1733400000`
 */
export function vapiSignature(
  rawBody: string | Uint8Array,
  secret: string,
  timestamp?: string,
): string {
  return signatureOf(rawBody, secret, timestamp).toString('hex');
}

function signatureOf(rawBody: string | Uint8Array, secret: string, timestamp?: string): Buffer {
  const hmac = createHmac('sha256', secret);
  if (timestamp !== undefined) hmac.update(`${timestamp}.`);
  return hmac.update(rawBody).digest();
}

/** Unix seconds or milliseconds (told apart by size), as epoch milliseconds. */
function timestampMs(value: string): number | undefined {
  if (!/^\d{1,16}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1e11 ? n : n * 1000;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The presented value for the configured type, stripped of its scheme, or undefined. */
function presentedCredential(auth: VoiceAuth, headers: HeaderSource): string | undefined {
  switch (auth.type) {
    case 'bearer': {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
      return match?.[1];
    }
    case 'x-vapi-secret':
      return header(headers, 'x-vapi-secret')?.trim() || undefined;
    case 'hmac':
      // Some senders prefix the algorithm (`sha256=<hex>`).
      return (
        (header(headers, 'x-vapi-signature') ?? header(headers, 'x-signature'))
          ?.trim()
          .replace(/^sha256=/i, '') || undefined
      );
  }
}

/** The signature as sent against the expected one: hex in either case, or base64. */
function sameSignature(presented: string, expected: Buffer): boolean {
  const hex = sameSecret(presented.toLowerCase(), expected.toString('hex'));
  const base64 = sameSecret(presented, expected.toString('base64'));
  return hex || base64;
}

/**
 * The timestamp an HMAC request is signed with, checked against the replay window: `undefined`
 * when none is sent and none is required.
 */
function signedTimestamp(
  auth: VoiceAuth,
  headers: HeaderSource,
  now: Date,
): { ok: true; timestamp: string | undefined } | Extract<VapiAuthResult, { ok: false }> {
  const timestamp = (header(headers, 'x-timestamp') ?? header(headers, 'x-vapi-timestamp'))?.trim();
  if (timestamp === undefined || timestamp === '') {
    if (auth.maxAgeSeconds === undefined) return { ok: true, timestamp: undefined };
    return {
      ok: false,
      reason: 'missing_timestamp',
      message:
        'This workspace requires signed timestamps: enable the timestamp in the HMAC credential of the assistant (header x-timestamp, signature over {timestamp}.{body}).',
    };
  }
  const maxAgeSeconds = auth.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const at = timestampMs(timestamp);
  if (at === undefined || Math.abs(now.getTime() - at) > maxAgeSeconds * 1000) {
    return {
      ok: false,
      reason: 'stale_request',
      message: `The request's x-timestamp is not Unix time within ${maxAgeSeconds} s of this server's clock: a replayed request, or a clock out of step.`,
    };
  }
  return { ok: true, timestamp };
}

const EXPECTED_HEADER: Record<VoiceAuth['type'], string> = {
  bearer: 'Authorization: Bearer <secret>',
  'x-vapi-secret': 'X-Vapi-Secret: <secret>',
  hmac: 'x-vapi-signature (or x-signature): <HMAC-SHA256 of the body>',
};

/** The secrets valid at `now`: the current one, and the previous one until it expires. */
function validSecrets(auth: VoiceAuth, now: Date): Array<['current' | 'previous', string]> {
  const secrets: Array<['current' | 'previous', string]> = [['current', auth.secret]];
  const expiresAt = auth.previousSecretExpiresAt ? Date.parse(auth.previousSecretExpiresAt) : NaN;
  if (auth.previousSecret && now.getTime() < expiresAt) {
    secrets.push(['previous', auth.previousSecret]);
  }
  return secrets;
}

/**
 * Whether a request carries the workspace's Vapi credential; a failure is answered with 401, the
 * one status other than 200 Vapi gets (docs/vapi.md#answers).
 *
 * @example const check = verifyVapiRequest(settings.auth, { headers, rawBody }, now);
 */
export function verifyVapiRequest(
  auth: VoiceAuth,
  request: VapiRequest,
  now: Date,
): VapiAuthResult {
  const presented = presentedCredential(auth, request.headers);
  if (presented === undefined) {
    return {
      ok: false,
      reason: 'missing_credential',
      message: `This workspace expects Vapi to send ${EXPECTED_HEADER[auth.type]}; set that credential on the assistant's server URL.`,
    };
  }
  let timestamp: string | undefined;
  if (auth.type === 'hmac') {
    const signed = signedTimestamp(auth, request.headers, now);
    if (!signed.ok) return signed;
    timestamp = signed.timestamp;
  }
  let matched: 'current' | 'previous' | undefined;
  // Every valid secret is compared, so the time taken does not say which one matched.
  for (const [which, secret] of validSecrets(auth, now)) {
    const same =
      auth.type === 'hmac'
        ? sameSignature(presented, signatureOf(request.rawBody, secret, timestamp))
        : sameSecret(presented, secret);
    if (same) matched ??= which;
  }
  if (matched) return { ok: true, secret: matched };
  return {
    ok: false,
    reason: 'bad_credential',
    message: `The ${EXPECTED_HEADER[auth.type].split(':')[0]} Vapi sent does not match this workspace's voice secret.`,
  };
}
