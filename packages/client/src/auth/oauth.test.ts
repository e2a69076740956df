import { describe, expect, it } from 'vitest';
import { scriptedFetch, type SentRequest } from '../../test/scriptedFetch.js';
import { systemClock } from '../clock.js';
import { TokenRefreshError } from '../errors.js';
import { HighLevel } from '../highlevel.js';
import { oauth } from './oauth.js';
import type { OAuthTokens } from './tokens.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
/** Real waiting (timeouts stay far away), frozen "now" (token expiry is exact). */
const clock = {
  now: () => NOW,
  sleep: (ms: number, signal?: AbortSignal) => systemClock.sleep(ms, signal),
};

function expired(): OAuthTokens {
  return {
    accessToken: 'old-access',
    refreshToken: 'refresh-1',
    expiresAt: NOW - 1000,
    userType: 'Location',
    locationId: 'loc1',
  };
}

/** HighLevel: rotates refresh tokens (a used one is dead) and accepts only the current access token. */
function tokenServer(initial = { access: 'old-access', refresh: 'refresh-1' }) {
  let valid = initial;
  let issued = 0;
  const reply = async (req: SentRequest) => {
    if (req.url.pathname === '/oauth/token') {
      const form = new URLSearchParams(req.body);
      await new Promise((r) => setTimeout(r, 5));
      if (form.get('refresh_token') !== valid.refresh) {
        return {
          status: 400,
          body: { error: 'invalid_grant', message: 'Invalid grant: refresh token is invalid' },
        };
      }
      issued++;
      valid = { access: `access-${issued + 1}`, refresh: `refresh-${issued + 1}` };
      return {
        body: {
          access_token: valid.access,
          refresh_token: valid.refresh,
          expires_in: 86399,
          userType: 'Location',
          locationId: 'loc1',
        },
      };
    }
    if (req.headers.get('authorization') !== `Bearer ${valid.access}`) {
      return { status: 401, body: { statusCode: 401, message: 'Invalid JWT' } };
    }
    return { body: { contact: { id: 'c1' } } };
  };
  return { reply, current: () => valid };
}

describe('oauth()', () => {
  it('100 concurrent calls with an expired token cause exactly one refresh, and all succeed', async () => {
    const server = tokenServer();
    const script = scriptedFetch(server.reply);
    const saved: OAuthTokens[] = [];
    const auth = oauth({
      clientId: 'id',
      clientSecret: 'secret',
      tokens: expired(),
      onTokens: (t) => void saved.push(t),
    });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });

    const results = await Promise.all(Array.from({ length: 100 }, () => hl.contacts.get('c1')));

    expect(results.every((c) => c.id === 'c1')).toBe(true);
    const refreshes = script.sent.filter((s) => s.url.pathname === '/oauth/token');
    expect(refreshes).toHaveLength(1);
    expect(new URLSearchParams(refreshes[0]!.body)).toEqual(
      new URLSearchParams({
        client_id: 'id',
        client_secret: 'secret',
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1',
        user_type: 'Location',
      }),
    );
    expect(refreshes[0]!.headers.get('authorization')).toBeNull();
    expect(refreshes[0]!.headers.get('version')).toBeNull();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: NOW + 86_399_000,
    });
    expect(
      script.sent.filter((s) => s.headers.get('authorization') === 'Bearer old-access'),
    ).toHaveLength(0);
  });

  it('persists the rotated refresh token before the new access token is used', async () => {
    const server = tokenServer();
    const order: string[] = [];
    const script = scriptedFetch((req) => {
      order.push(
        req.url.pathname === '/oauth/token'
          ? 'refresh'
          : `call ${req.headers.get('authorization')}`,
      );
      return server.reply(req);
    });
    const auth = oauth({
      clientId: 'id',
      clientSecret: 's',
      tokens: expired(),
      onTokens: async (t) => {
        await new Promise((r) => setTimeout(r, 10));
        order.push(`saved ${t.refreshToken}`);
      },
    });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });
    await hl.contacts.get('c1');
    expect(order).toEqual(['refresh', 'saved refresh-2', 'call Bearer access-2']);
  });

  it('refreshes once on a 401 for a token it thought was valid, then succeeds', async () => {
    // HighLevel no longer accepts the access token although it has not expired (revoked early).
    const server = tokenServer({ access: 'issued-elsewhere', refresh: 'refresh-1' });
    const script = scriptedFetch(server.reply);
    const tokens = { ...expired(), expiresAt: NOW + 3_600_000 };
    const auth = oauth({ clientId: 'id', clientSecret: 's', tokens, onTokens: () => undefined });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });
    await expect(hl.contacts.get('c1')).resolves.toMatchObject({ id: 'c1' });
    expect(script.sent.map((s) => `${s.url.pathname} ${s.headers.get('authorization')}`)).toEqual([
      '/contacts/c1 Bearer old-access',
      '/oauth/token null',
      '/contacts/c1 Bearer access-2',
    ]);
  });

  it('a failed refresh raises a clear error once, never a loop', async () => {
    const script = scriptedFetch((req) =>
      req.url.pathname === '/oauth/token'
        ? {
            status: 400,
            body: { error: 'invalid_grant', message: 'Invalid grant: refresh token is invalid' },
          }
        : { status: 401, body: { statusCode: 401, message: 'Invalid JWT' } },
    );
    const auth = oauth({
      clientId: 'id',
      clientSecret: 's',
      tokens: expired(),
      onTokens: () => undefined,
    });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });
    const error = await hl.contacts.get('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as Error).message).toMatch(/authorized again/);
    expect(script.sent.filter((s) => s.url.pathname === '/oauth/token')).toHaveLength(1);
    expect(script.sent.filter((s) => s.url.pathname !== '/oauth/token')).toHaveLength(0);
  });

  it('uses tokens another process refreshed (loadTokens under the lock) instead of spending a dead refresh token', async () => {
    const script = scriptedFetch({ body: { contact: { id: 'c1' } } });
    let locks = 0;
    const auth = oauth({
      clientId: 'id',
      clientSecret: 's',
      tokens: expired(),
      onTokens: () => undefined,
      lock: async (fn) => {
        locks++;
        return fn();
      },
      loadTokens: () =>
        Promise.resolve({
          accessToken: 'from-other-process',
          refreshToken: 'r9',
          expiresAt: NOW + 86_000_000,
        }),
    });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });
    await hl.contacts.get('c1');
    expect(locks).toBe(1);
    expect(script.sent.map((s) => [s.url.pathname, s.headers.get('authorization')])).toEqual([
      ['/contacts/c1', 'Bearer from-other-process'],
    ]);
  });

  it('keeps tokens it could not save and saves them before the next request', async () => {
    const server = tokenServer();
    const script = scriptedFetch(server.reply);
    let fail = true;
    const saved: string[] = [];
    const auth = oauth({
      clientId: 'id',
      clientSecret: 's',
      tokens: expired(),
      onTokens: (t) => {
        if (fail) throw new Error('database down');
        saved.push(t.refreshToken!);
      },
    });
    const hl = new HighLevel({
      auth,
      fetch: script.fetch,
      clock,
      rateLimit: false,
    });
    await expect(hl.contacts.get('c1')).rejects.toBeInstanceOf(TokenRefreshError);
    fail = false;
    await expect(hl.contacts.get('c1')).resolves.toMatchObject({ id: 'c1' });
    expect(saved).toEqual(['refresh-2']);
    expect(script.sent.filter((s) => s.url.pathname === '/oauth/token')).toHaveLength(1);
  });
});
