import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newWorkspaceApiKey, hashApiKey } from './apiKeys.js';
import { apiKeyPreview, CredentialKeyError, open, seal } from './credentials.js';
import { embeddedSecretKey, keyringFrom } from './keyring.js';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');
const SECRET = 'pit-2f1e0c9a-7b3d-4e5f-8a9b-0c1d2e3fa1b2';

describe('credentials', () => {
  it('round-trips and never stores the plaintext', () => {
    const ring = keyringFrom([keyA]);
    const sealed = seal(ring, SECRET, 'ws_1');
    expect(sealed.keyId).toBe(ring.current.id);
    expect(sealed.ciphertext).not.toContain(SECRET);
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('latin1')).not.toContain('pit-');
    expect(open(ring, sealed, 'ws_1')).toBe(SECRET);
  });

  it('uses a fresh IV each time', () => {
    const ring = keyringFrom([keyA]);
    expect(seal(ring, SECRET, 'ws').ciphertext).not.toBe(seal(ring, SECRET, 'ws').ciphertext);
  });

  it('refuses a ciphertext moved to another workspace or tampered with', () => {
    const ring = keyringFrom([keyA]);
    const sealed = seal(ring, SECRET, 'ws_1');
    expect(() => open(ring, sealed, 'ws_2')).toThrow();
    const raw = Buffer.from(sealed.ciphertext, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => open(ring, { ...sealed, ciphertext: raw.toString('base64') }, 'ws_1')).toThrow();
  });

  it('decrypts with a previous key after rotation and encrypts with the new one', () => {
    const before = keyringFrom([keyA]);
    const sealed = seal(before, SECRET, 'ws');
    const after = keyringFrom([keyB, keyA]);
    expect(open(after, sealed, 'ws')).toBe(SECRET);
    expect(seal(after, SECRET, 'ws').keyId).not.toBe(sealed.keyId);
    expect(() => open(keyringFrom([keyB]), sealed, 'ws')).toThrow(CredentialKeyError);
  });

  it.each([
    ['pit-2f1e0c9a-7b3d-4e5f-8a9b-0c1d2e3fa1b2', 'pit-…a1b2'],
    ['abcdefghijklmnop', '…mnop'],
    ['pit-short', 'pit-…'],
  ])('previews %s as %s', (key, preview) => {
    expect(apiKeyPreview(key)).toBe(preview);
  });
});

describe('embeddedSecretKey', () => {
  it('generates a 32-byte key with mode 0600 once, then reads it back', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ghlb-key-')), 'nested');
    const first = embeddedSecretKey(dir);
    expect(first.created).toBe(true);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first.key);
    expect(embeddedSecretKey(dir)).toEqual({ key: first.key, created: false });
  });
});

describe('workspace API keys', () => {
  it('are random and stored as a hash', () => {
    const a = newWorkspaceApiKey();
    const b = newWorkspaceApiKey();
    expect(a.apiKey).not.toBe(b.apiKey);
    expect(a.hash).toBe(hashApiKey(a.apiKey));
    expect(a.hash).not.toContain(a.apiKey);
    expect(a.apiKey).toMatch(/^ghlb_[A-Za-z0-9_-]{32}$/);
  });
});
