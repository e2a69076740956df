import { expect, it } from 'vitest';
import { ADMIN_TOKEN, describeOnBackends } from '../../../test/harness.js';
import { anyString, arrayContaining } from '../../../test/matchers.js';

const ORIGIN = 'http://localhost';
/** What a browser sends from the dashboard page: the cookie, and an Origin on writes. */
const fromDashboard = (cookie: string, write = false) => ({
  token: null,
  headers: { cookie, host: 'localhost', ...(write ? { origin: ORIGIN } : {}) },
});

/** The `name=value` part of the session cookie set by `res`, with its attributes. */
function sessionCookie(res: { headers: Headers }) {
  const header = res.headers.get('set-cookie') ?? '';
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  return { pair, attributes: attributes.map((a) => a.toLowerCase()) };
}

describeOnBackends(
  'dashboard sessions: POST, GET and DELETE /v1/session, DELETE /v1/sessions',
  (server) => {
    async function signIn(token: string) {
      const res = await server().call('POST', '/v1/session', {
        token: null,
        json: { token },
        headers: { host: 'localhost', origin: ORIGIN },
      });
      return { res, cookie: sessionCookie(res).pair };
    }

    it('signs the admin in with an HttpOnly, SameSite=Strict cookie and never echoes the token', async () => {
      const { res, cookie } = await signIn(ADMIN_TOKEN);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ principal: { kind: 'admin' }, expiresAt: anyString() });
      expect(res.text).not.toContain(ADMIN_TOKEN);
      const { attributes } = sessionCookie(res);
      expect(cookie).toMatch(/^ghl_bridge_session=[\w-]{40,}$/);
      expect(cookie).not.toContain(ADMIN_TOKEN);
      expect(attributes).toEqual(arrayContaining(['httponly', 'samesite=strict', 'path=/']));
      // Plain HTTP here: Secure would make the browser drop the cookie.
      expect(attributes).not.toContain('secure');

      const me = await server().call('GET', '/v1/session', fromDashboard(cookie));
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ principal: { kind: 'admin' }, expiresAt: res.body.expiresAt });
      const list = await server().call('GET', '/v1/workspaces', fromDashboard(cookie));
      expect(list.status).toBe(200);
    });

    it('marks the cookie Secure when the request came over TLS', async () => {
      const res = await server().call('POST', '/v1/session', {
        token: null,
        json: { token: ADMIN_TOKEN },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.status).toBe(200);
      expect(sessionCookie(res).attributes).toContain('secure');
    });

    it('refuses a wrong token with 401 and sets no cookie', async () => {
      for (const token of ['nope', 'ghlb_not-a-real-key', `${ADMIN_TOKEN}x`]) {
        const { res } = await signIn(token);
        expect(res.status).toBe(401);
        expect(res.body.error?.code).toBe('unauthorized');
        expect(res.headers.get('set-cookie')).toBeNull();
      }
      const empty = await server().call('POST', '/v1/session', { token: null, json: {} });
      expect(empty.status).toBe(422);
    });

    it('refuses a write on the cookie without this server as its Origin (CSRF)', async () => {
      const { cookie } = await signIn(ADMIN_TOKEN);
      const body = { json: { name: 'From elsewhere' } };
      const noOrigin = await server().call('POST', '/v1/workspaces', {
        ...fromDashboard(cookie),
        ...body,
      });
      expect(noOrigin.status).toBe(403);
      expect(noOrigin.body.error?.code).toBe('cross_site_request');
      const otherSite = await server().call('POST', '/v1/workspaces', {
        token: null,
        headers: { cookie, host: 'localhost', origin: 'https://evil.example' },
        ...body,
      });
      expect(otherSite.status).toBe(403);
      const list = await server().call('GET', '/v1/workspaces', fromDashboard(cookie));
      expect(list.body.workspaces?.map((w) => w.name)).not.toContain('From elsewhere');

      const created = await server().call('POST', '/v1/workspaces', {
        ...fromDashboard(cookie, true),
        ...body,
      });
      expect(created.status).toBe(201);
    });

    it('refuses a sign-in posted by another site', async () => {
      const res = await server().call('POST', '/v1/session', {
        token: null,
        json: { token: ADMIN_TOKEN },
        headers: { host: 'localhost', origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('signs out: the session ends on the server, not only in the browser', async () => {
      const { cookie } = await signIn(ADMIN_TOKEN);
      const out = await server().call('DELETE', '/v1/session', fromDashboard(cookie, true));
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/ghl_bridge_session=;.*Max-Age=0/i);
      const again = await server().call('GET', '/v1/session', fromDashboard(cookie));
      expect(again.status).toBe(401);
      expect(again.body.error?.code).toBe('session_expired');
    });

    it('signs out everywhere: a workspace ends its own sessions, the admin ends them all', async () => {
      const mine = await server().createWorkspace('Everywhere');
      const other = await server().createWorkspace('Elsewhere');
      const laptop = (await signIn(mine.apiKey)).cookie;
      const phone = (await signIn(mine.apiKey)).cookie;
      const theirs = (await signIn(other.apiKey)).cookie;
      const admin = (await signIn(ADMIN_TOKEN)).cookie;
      const alive = async (cookie: string) =>
        (await server().call('GET', '/v1/session', fromDashboard(cookie))).status === 200;

      const ended = await server().call('DELETE', '/v1/sessions', fromDashboard(laptop, true));
      expect(ended.status).toBe(200);
      expect(ended.body).toEqual({ ended: 2 });
      expect(ended.headers.get('set-cookie')).toMatch(/ghl_bridge_session=;.*Max-Age=0/i);
      expect([await alive(laptop), await alive(phone)]).toEqual([false, false]);
      expect([await alive(theirs), await alive(admin)]).toEqual([true, true]);
      // The key itself still works: only cookies end.
      const bearer = await server().call('GET', `/v1/workspaces/${mine.id}`, {
        token: mine.apiKey,
      });
      expect(bearer.status).toBe(200);

      const all = await server().call('DELETE', '/v1/sessions', fromDashboard(admin, true));
      expect(all.status).toBe(200);
      expect((all.body as { ended?: number }).ended).toBeGreaterThanOrEqual(2);
      expect([await alive(theirs), await alive(admin)]).toEqual([false, false]);

      const forged = await server().call('DELETE', '/v1/sessions', fromDashboard(theirs));
      expect(forged.status).toBe(401);
    });

    it('a workspace session opens its own workspace only, and ends with the workspace', async () => {
      const mine = await server().createWorkspace('Mine');
      const other = await server().createWorkspace('Other');
      const { res, cookie } = await signIn(mine.apiKey);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        principal: { kind: 'workspace', workspaceId: mine.id, workspaceName: 'Mine' },
      });
      expect(res.text).not.toContain(mine.apiKey);

      const own = await server().call('GET', `/v1/workspaces/${mine.id}`, fromDashboard(cookie));
      expect(own.status).toBe(200);
      const theirs = await server().call(
        'GET',
        `/v1/workspaces/${other.id}`,
        fromDashboard(cookie),
      );
      expect(theirs.status).toBe(403);
      const all = await server().call('GET', '/v1/workspaces', fromDashboard(cookie));
      expect(all.status).toBe(403);

      expect((await server().call('DELETE', `/v1/workspaces/${mine.id}`)).status).toBe(204);
      const after = await server().call('GET', '/v1/session', fromDashboard(cookie));
      expect(after.status).toBe(401);
    });

    it('ends an admin session when the admin token changes', async () => {
      const { cookie } = await signIn(ADMIN_TOKEN);
      await server().restart({ GHL_BRIDGE_ADMIN_TOKEN: 'a-new-admin-token-0123456789abcdef' });
      try {
        const res = await server().call('GET', '/v1/session', fromDashboard(cookie));
        expect(res.status).toBe(401);
      } finally {
        await server().restart({});
      }
    });

    it('expires a session after 12 hours', async () => {
      const { cookie } = await signIn(ADMIN_TOKEN);
      const clock = server().emulator.control;
      expect((await server().call('GET', '/v1/session', fromDashboard(cookie))).status).toBe(200);
      clock.setClock(clock.now() + 12 * 3_600_000 + 1000);
      const res = await server().call('GET', '/v1/session', fromDashboard(cookie));
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('session_expired');
    });

    it('a bearer token still works beside the cookie routes', async () => {
      const res = await server().call('GET', '/v1/session');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ principal: { kind: 'admin' }, expiresAt: null });
    });
  },
  { sharedClock: true },
);
