import { describe, expect, it } from 'vitest';
import { rotateSecret, type VoiceAuth } from '../core/settings.js';
import { vapiSignature, verifyVapiRequest, type HeaderSource } from './vapiAuth.js';

const SECRET = 'current-secret-0123456789';
const OLD = 'previous-secret-9876543210';
const BODY = '{"message":{"type":"tool-calls","toolCallList":[]}}';
const NOW = new Date('2026-12-01T12:00:00Z');

const auth = (type: VoiceAuth['type'], extra: Partial<VoiceAuth> = {}): VoiceAuth => ({
  type,
  secret: SECRET,
  ...extra,
});

const rotating = (type: VoiceAuth['type'], expiresAt: string) =>
  auth(type, { previousSecret: OLD, previousSecretExpiresAt: expiresAt });

describe('vapiSignature', () => {
  it('is the hex HMAC-SHA256 of the raw body (RFC 4231 test case 2)', () => {
    expect(vapiSignature('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('reads strings and bytes the same', () => {
    expect(vapiSignature(new TextEncoder().encode(BODY), SECRET)).toBe(vapiSignature(BODY, SECRET));
  });
});

describe('verifyVapiRequest', () => {
  const signature = vapiSignature(BODY, SECRET);

  it.each<[string, VoiceAuth, HeaderSource, ReturnType<typeof verifyVapiRequest>['ok'], string?]>([
    ['bearer', auth('bearer'), { Authorization: `Bearer ${SECRET}` }, true],
    ['bearer, scheme in any case', auth('bearer'), { authorization: `bearer ${SECRET}` }, true],
    [
      'bearer from a Headers object',
      auth('bearer'),
      new Headers({ authorization: `Bearer ${SECRET}` }),
      true,
    ],
    [
      'bearer with a wrong secret',
      auth('bearer'),
      { authorization: 'Bearer nope' },
      false,
      'bad_credential',
    ],
    [
      'bearer secret without the scheme',
      auth('bearer'),
      { authorization: SECRET },
      false,
      'missing_credential',
    ],
    [
      'bearer configured, X-Vapi-Secret sent',
      auth('bearer'),
      { 'x-vapi-secret': SECRET },
      false,
      'missing_credential',
    ],
    ['x-vapi-secret', auth('x-vapi-secret'), { 'X-Vapi-Secret': SECRET }, true],
    [
      'x-vapi-secret, a prefix of the secret',
      auth('x-vapi-secret'),
      { 'x-vapi-secret': SECRET.slice(0, 10) },
      false,
      'bad_credential',
    ],
    [
      'x-vapi-secret configured, bearer sent',
      auth('x-vapi-secret'),
      { authorization: `Bearer ${SECRET}` },
      false,
      'missing_credential',
    ],
    ['hmac', auth('hmac'), { 'x-vapi-signature': signature }, true],
    [
      'hmac, upper-case hex with sha256= prefix',
      auth('hmac'),
      { 'X-Vapi-Signature': `sha256=${signature.toUpperCase()}` },
      true,
    ],
    [
      'hmac over another body',
      auth('hmac'),
      { 'x-vapi-signature': vapiSignature(`${BODY} `, SECRET) },
      false,
      'bad_credential',
    ],
    [
      'hmac under another secret',
      auth('hmac'),
      { 'x-vapi-signature': vapiSignature(BODY, OLD) },
      false,
      'bad_credential',
    ],
    [
      'hmac, the secret itself instead of a signature',
      auth('hmac'),
      { 'x-vapi-signature': SECRET },
      false,
      'bad_credential',
    ],
    ['hmac configured, nothing sent', auth('hmac'), {}, false, 'missing_credential'],
    [
      'previous bearer before expiry',
      rotating('bearer', '2026-12-02T00:00:00Z'),
      { authorization: `Bearer ${OLD}` },
      true,
    ],
    [
      'previous bearer after expiry',
      rotating('bearer', '2026-12-01T11:59:59Z'),
      { authorization: `Bearer ${OLD}` },
      false,
      'bad_credential',
    ],
    [
      'previous hmac before expiry',
      rotating('hmac', '2026-12-02T00:00:00Z'),
      { 'x-vapi-signature': vapiSignature(BODY, OLD) },
      true,
    ],
    [
      'current during a rotation',
      rotating('x-vapi-secret', '2026-12-02T00:00:00Z'),
      { 'x-vapi-secret': SECRET },
      true,
    ],
  ])('%s', (_name, settings, headers, ok, reason) => {
    const result = verifyVapiRequest(settings, { headers, rawBody: BODY }, NOW);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('says which secret matched, so the route can warn while the old one is in use', () => {
    const settings = rotating('bearer', '2026-12-02T00:00:00Z');
    expect(
      verifyVapiRequest(
        settings,
        { headers: { authorization: `Bearer ${OLD}` }, rawBody: BODY },
        NOW,
      ),
    ).toEqual({
      ok: true,
      secret: 'previous',
    });
    expect(
      verifyVapiRequest(
        settings,
        { headers: { authorization: `Bearer ${SECRET}` }, rawBody: BODY },
        NOW,
      ),
    ).toEqual({
      ok: true,
      secret: 'current',
    });
  });

  it('tells what to configure when the credential is missing, without echoing the secret', () => {
    const result = verifyVapiRequest(auth('hmac'), { headers: {}, rawBody: BODY }, NOW);
    expect(result).toEqual({
      ok: false,
      reason: 'missing_credential',
      message:
        "This workspace expects Vapi to send x-vapi-signature (or x-signature): <HMAC-SHA256 of the body>; set that credential on the assistant's server URL.",
    });
    const bad = verifyVapiRequest(
      auth('bearer'),
      { headers: { authorization: 'Bearer x' }, rawBody: BODY },
      NOW,
    );
    expect(JSON.stringify(bad)).not.toContain(SECRET);
  });
});

describe('verifyVapiRequest with a signed timestamp (the replay window)', () => {
  const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
  const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);
  /** Headers as Vapi's HMAC plan sends them by default: x-signature over `{timestamp}.{body}`. */
  const signedAt = (when: Date, body = BODY, secret = SECRET) => ({
    'x-timestamp': seconds(when),
    'x-signature': vapiSignature(body, secret, seconds(when)),
  });
  const check = (settings: VoiceAuth, headers: HeaderSource, now = NOW) =>
    verifyVapiRequest(settings, { headers, rawBody: BODY }, now);

  it('accepts a fresh signed request, in seconds or milliseconds, hex or base64', () => {
    expect(check(auth('hmac'), signedAt(at(-60))).ok).toBe(true);
    const ms = String(at(-60).getTime());
    expect(
      check(auth('hmac'), { 'x-timestamp': ms, 'x-signature': vapiSignature(BODY, SECRET, ms) }).ok,
    ).toBe(true);
    const base64 = Buffer.from(vapiSignature(BODY, SECRET, seconds(NOW)), 'hex').toString('base64');
    expect(check(auth('hmac'), { 'x-timestamp': seconds(NOW), 'x-signature': base64 }).ok).toBe(
      true,
    );
  });

  it('refuses the same request replayed after the window, and one from the future', () => {
    const captured = signedAt(NOW);
    expect(check(auth('hmac'), captured, at(299)).ok).toBe(true);
    expect(check(auth('hmac'), captured, at(301))).toMatchObject({
      ok: false,
      reason: 'stale_request',
    });
    expect(check(auth('hmac'), signedAt(at(400)))).toMatchObject({ reason: 'stale_request' });
    const tight = auth('hmac', { maxAgeSeconds: 30 });
    expect(check(tight, captured, at(29)).ok).toBe(true);
    expect(check(tight, captured, at(31))).toMatchObject({ reason: 'stale_request' });
  });

  it('binds the timestamp: a fresh timestamp on an old signature does not pass', () => {
    const old = signedAt(at(-3600));
    expect(check(auth('hmac'), { ...old, 'x-timestamp': seconds(NOW) })).toMatchObject({
      reason: 'bad_credential',
    });
    // Nor does a body-only signature sent with a timestamp.
    expect(
      check(auth('hmac'), {
        'x-timestamp': seconds(NOW),
        'x-signature': vapiSignature(BODY, SECRET),
      }),
    ).toMatchObject({ reason: 'bad_credential' });
  });

  it('requires the timestamp when maxAgeSeconds is set, and refuses one that is not a number', () => {
    const strict = auth('hmac', { maxAgeSeconds: 300 });
    expect(check(strict, { 'x-vapi-signature': vapiSignature(BODY, SECRET) })).toMatchObject({
      reason: 'missing_timestamp',
    });
    expect(check(strict, signedAt(NOW)).ok).toBe(true);
    expect(
      check(auth('hmac'), { 'x-timestamp': NOW.toISOString(), 'x-signature': 'ab' }),
    ).toMatchObject({ reason: 'stale_request' });
  });
});

describe('rotateSecret', () => {
  it('makes the new secret current and keeps the old one for the grace period', () => {
    const rotated = rotateSecret(auth('bearer'), 'brand-new-secret-000000', NOW, 60);
    expect(rotated).toEqual({
      type: 'bearer',
      secret: 'brand-new-secret-000000',
      previousSecret: SECRET,
      previousSecretExpiresAt: '2026-12-01T13:00:00.000Z',
    });
    const withOld = { headers: { authorization: `Bearer ${SECRET}` }, rawBody: BODY };
    expect(verifyVapiRequest(rotated, withOld, new Date('2026-12-01T12:59:00Z')).ok).toBe(true);
    expect(verifyVapiRequest(rotated, withOld, new Date('2026-12-01T13:00:00Z')).ok).toBe(false);
  });

  it('drops a secret from two rotations ago', () => {
    const twice = rotateSecret(
      rotating('bearer', '2026-12-02T00:00:00Z'),
      'third-secret-000000000',
      NOW,
      60,
    );
    expect(twice.previousSecret).toBe(SECRET);
    expect(
      verifyVapiRequest(twice, { headers: { authorization: `Bearer ${OLD}` }, rawBody: BODY }, NOW)
        .ok,
    ).toBe(false);
  });
});
