import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply, type SentRequest } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const user = (n: number) => ({ id: `u${n}`, name: `User ${n}`, email: `u${n}@example.com` });

/** `total` users served by skip/limit; `withCount` false leaves `count` out of the answer. */
function userPages(total: number, withCount = true) {
  const all = Array.from({ length: total }, (_, i) => user(i));
  return (request: SentRequest): Reply => {
    const skip = Number(request.url.searchParams.get('skip'));
    const limit = Number(request.url.searchParams.get('limit'));
    const users = all.slice(skip, skip + limit);
    return { body: withCount ? { users, count: total } : { users } };
  };
}

describe('users', () => {
  it('searches with skip and limit as HighLevel’s string parameters', async () => {
    const { hl, script } = client({ body: { users: [user(1)], count: 1 } });
    expect(
      await hl.users.search({ companyId: 'co1', locationId: 'loc1', skip: 0, limit: 10 }),
    ).toEqual({
      users: [user(1)],
      count: 1,
    });
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/users/search');
    expect(sent.headers.get('version')).toBe('2021-07-28');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      companyId: 'co1',
      locationId: 'loc1',
      skip: '0',
      limit: '10',
    });
  });

  it('searchAll stops when the count is reached, without asking for an empty page', async () => {
    const { hl, script } = client(userPages(50));
    const ids = [];
    for await (const u of hl.users.searchAll({ companyId: 'co1' })) ids.push(u.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
    expect(script.sent.map((s) => s.url.searchParams.get('skip'))).toEqual(['0', '25']);
  });

  it('searchAll stops after a short page when HighLevel gives no count', async () => {
    const { hl, script } = client(userPages(12, false));
    const ids = [];
    for await (const u of hl.users.searchAll({ companyId: 'co1', limit: 5 })) ids.push(u.id);
    expect(ids).toHaveLength(12);
    expect(script.sent.map((s) => s.url.searchParams.get('skip'))).toEqual(['0', '5', '10']);
  });

  it('gets a user, whose answer is not wrapped', async () => {
    const { hl, script } = client({ body: user(7) });
    expect(await hl.users.get('u7')).toEqual(user(7));
    expect(script.sent[0]!.url.pathname).toBe('/users/u7');
  });
});
