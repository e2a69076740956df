/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

type Ctx = ReturnType<typeof setup> & { ids: Record<string, string> };
let ctx: Ctx;

/** Five contacts, one minute apart, from 2026-04-01T09:00Z. */
beforeEach(async () => {
  const clock = manualClock(Date.parse('2026-04-01T09:00:00Z'));
  const s = setup({ clock });
  const people = [
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', tags: ['vip', 'booked'] },
    { firstName: 'Bob', lastName: 'Builder', phone: '+14155550101', tags: ['booked'] },
    { firstName: 'Cleo', lastName: 'Patra', email: 'cleo@nile.example', phone: '(415) 555-0102' },
    { firstName: 'Dan', lastName: 'Lovelace', email: 'dan@example.com', tags: ['lead'] },
    { firstName: 'Eve', lastName: 'Adams', email: 'eve@example.com', dnd: true },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const res = await s.api('POST', '/contacts/', { body: { locationId: s.locationId, ...p } });
    ids[p.firstName] = res.body.contact.id as string;
    await clock.advance(60_000);
  }
  ctx = { ...s, ids };
});

async function search(body: Record<string, unknown>) {
  const res = await ctx.api('POST', '/contacts/search', {
    body: { locationId: ctx.locationId, pageLimit: 20, ...body },
  });
  expect(res.status).toBe(200);
  return res.body as {
    contacts: { id: string; firstName: string; searchAfter: unknown[] }[];
    total: number;
  };
}
const names = (r: { contacts: { firstName: string }[] }) => r.contacts.map((c) => c.firstName);

describe('POST /contacts/search', () => {
  it('returns everything newest first by default, with total', async () => {
    const r = await search({});
    expect(names(r)).toEqual(['Eve', 'Dan', 'Cleo', 'Bob', 'Ada']);
    expect(r.total).toBe(5);
  });

  it.each([
    [{ field: 'tags', operator: 'eq', value: 'booked' }, ['Ada', 'Bob']],
    [{ field: 'tags', operator: 'not_contains', value: ['booked', 'lead'] }, ['Cleo', 'Eve']],
    [{ field: 'email', operator: 'eq', value: 'ADA@example.com' }, ['Ada']],
    [{ field: 'email', operator: 'contains', value: 'nile' }, ['Cleo']],
    [{ field: 'email', operator: 'not_exists' }, ['Bob']],
    [{ field: 'phone', operator: 'exists' }, ['Bob', 'Cleo']],
    [{ field: 'phone', operator: 'eq', value: '415-555-0102' }, ['Cleo']],
    [{ field: 'lastNameLowerCase', operator: 'eq', value: 'lovelace' }, ['Ada', 'Dan']],
    [
      { field: 'firstNameLowerCase', operator: 'not_eq', value: 'ada' },
      ['Bob', 'Cleo', 'Dan', 'Eve'],
    ],
    [{ field: 'dnd', operator: 'eq', value: true }, ['Eve']],
    [
      {
        field: 'dateAdded',
        operator: 'range',
        value: { gte: '2026-04-01T09:01:00Z', lt: '2026-04-01T09:03:00Z' },
      },
      ['Bob', 'Cleo'],
    ],
  ])('filter %j', async (filter, expected) => {
    const r = await search({
      filters: [filter],
      sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
    });
    expect(names(r)).toEqual(expected);
    expect(r.total).toBe(expected.length);
  });

  it('combines top-level filters with AND and nested groups with OR', async () => {
    const r = await search({
      filters: [
        { field: 'email', operator: 'exists' },
        {
          group: 'OR',
          filters: [
            { field: 'tags', operator: 'eq', value: 'vip' },
            { field: 'lastNameLowerCase', operator: 'eq', value: 'adams' },
          ],
        },
      ],
      sort: [{ field: 'dateAdded', direction: 'asc' }],
    });
    expect(names(r)).toEqual(['Ada', 'Eve']);
  });

  it('matches free-text query on name, email and phone digits', async () => {
    expect(names(await search({ query: 'lovelace' })).sort()).toEqual(['Ada', 'Dan']);
    expect(names(await search({ query: '5550101' }))).toEqual(['Bob']);
  });

  it('pages with page/pageLimit', async () => {
    const sort = [{ field: 'dateAdded', direction: 'asc' }];
    const p1 = await search({ pageLimit: 2, page: 1, sort });
    const p3 = await search({ pageLimit: 2, page: 3, sort });
    expect(names(p1)).toEqual(['Ada', 'Bob']);
    expect(names(p3)).toEqual(['Eve']);
    expect(p3.total).toBe(5);
  });

  it('pages with searchAfter from the last contact of a page', async () => {
    const sort = [{ field: 'firstNameLowerCase', direction: 'desc' }];
    const seen: string[] = [];
    let cursor: unknown[] | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await search({ pageLimit: 2, sort, ...(cursor ? { searchAfter: cursor } : {}) });
      seen.push(...names(r));
      if (r.contacts.length === 0) break;
      cursor = r.contacts.at(-1)!.searchAfter;
    }
    expect(seen).toEqual(['Eve', 'Dan', 'Cleo', 'Bob', 'Ada']);
  });

  it('422s a bad body: unknown property, bad operator, pageLimit over 500', async () => {
    const res = await ctx.api('POST', '/contacts/search', {
      body: {
        locationId: ctx.locationId,
        pageLimit: 501,
        limit: 5,
        filters: [{ field: 'email', operator: 'like', value: 'x' }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'property limit should not exist',
      'pageLimit must not be greater than 500',
      'filters.0.operator must be one of the following values: eq, not_eq, contains, not_contains, exists, not_exists, range',
    ]);
  });
});

describe('GET /contacts/search/duplicate', () => {
  it('finds by email or by (url-encoded) phone, and answers {contact: null} otherwise', async () => {
    const loc = ctx.locationId;
    const byEmail = await ctx.api(
      'GET',
      `/contacts/search/duplicate?locationId=${loc}&email=ADA%40example.com`,
    );
    expect(byEmail.body.contact.id).toBe(ctx.ids.Ada);
    const byPhone = await ctx.api(
      'GET',
      `/contacts/search/duplicate?locationId=${loc}&number=%2B14155550102`,
    );
    expect(byPhone.body.contact.id).toBe(ctx.ids.Cleo);
    const none = await ctx.api(
      'GET',
      `/contacts/search/duplicate?locationId=${loc}&email=zed%40example.com`,
    );
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ contact: null });
  });
});

describe('GET /contacts/ (deprecated list)', () => {
  it('lists oldest first with limit and startAfterId', async () => {
    const first = await ctx.api('GET', `/contacts/?locationId=${ctx.locationId}&limit=3`);
    expect(first.body.contacts.map((c: { firstName: string }) => c.firstName)).toEqual([
      'Ada',
      'Bob',
      'Cleo',
    ]);
    expect(first.body.count).toBe(5);
    const next = await ctx.api(
      'GET',
      `/contacts/?locationId=${ctx.locationId}&limit=3&startAfterId=${first.body.meta.startAfterId}`,
    );
    expect(next.body.contacts.map((c: { firstName: string }) => c.firstName)).toEqual([
      'Dan',
      'Eve',
    ]);
  });

  it('422s without locationId', async () => {
    expect((await ctx.api('GET', '/contacts/')).status).toBe(422);
  });
});
