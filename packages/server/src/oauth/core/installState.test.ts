import { describe, expect, it } from 'vitest';
import { INSTALL_STATE_TTL_MS, readInstallState, signInstallState } from './installState.js';

const key = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);
const now = 1_800_000_000_000;

describe('install state', () => {
  it('reads back what was signed, and two links differ', () => {
    const state = { workspaceId: 'ws_1', returnTo: '/', expiresAt: now + INSTALL_STATE_TTL_MS };
    const a = signInstallState(state, key);
    const b = signInstallState(state, key);
    expect(a).not.toBe(b);
    expect(readInstallState(a, [key], now)).toEqual({ ok: true, state });
  });

  it('accepts a previous key after a rotation', () => {
    const token = signInstallState({ expiresAt: now + 1000 }, other);
    expect(readInstallState(token, [key, other], now).ok).toBe(true);
  });

  const signed = signInstallState({ workspaceId: 'ws_1', expiresAt: now + 1000 }, key);
  const [body, signature] = signed.split('.') as [string, string];
  const forged = Buffer.from(JSON.stringify({ workspaceId: 'ws_evil', expiresAt: now + 1000 }));
  it.each([
    [
      'signed with another key',
      signInstallState({ expiresAt: now + 1000 }, other),
      'bad_signature',
    ],
    ['a changed payload', `${forged.toString('base64url')}.${signature}`, 'bad_signature'],
    ['a cut signature', `${body}.${signature.slice(0, 10)}`, 'bad_signature'],
    ['no signature', body, 'malformed'],
    ['three parts', `${signed}.x`, 'malformed'],
    ['empty', '', 'malformed'],
    ['expired', signInstallState({ expiresAt: now }, key), 'expired'],
  ])('refuses %s', (_name, token, problem) => {
    expect(readInstallState(token, [key], now)).toEqual({ ok: false, problem });
  });
});
