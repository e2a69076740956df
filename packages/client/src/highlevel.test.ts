import { describe, expect, it } from 'vitest';
import { connectionError, scriptedFetch } from '../test/scriptedFetch.js';
import { manualClock } from './clock.js';
import { OutcomeUnknownError, TimeoutError } from './errors.js';
import type { ClientEvent } from './events.js';
import { operations } from './generated/operations.js';
import { HighLevel } from './highlevel.js';
import { privateIntegrationToken } from './auth/privateIntegrationToken.js';
import type { RawRequestOptions } from './types.js';

const token = 'pit-0123456789abcdef';
const auth = () => privateIntegrationToken(token, { locationId: 'loc1' });

describe('request() reaches every v2 operation of the spec', () => {
  it(`sends all ${operations.length} operations with the spec's Version header`, async () => {
    const script = scriptedFetch({ status: 200, body: {} });
    const hl = new HighLevel({ auth: auth(), fetch: script.fetch, rateLimit: false, retry: false });
    // `request` is typed per operation; here the operation table drives it at run time.
    const call = hl.request.bind(hl) as unknown as (
      m: string,
      p: string,
      o: RawRequestOptions,
    ) => Promise<unknown>;
    for (const op of operations) {
      const params = Object.fromEntries(
        [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1]!, `v-${m[1]}`]),
      );
      await call(op.method, op.path, { path: params, body: op.bodyType ? {} : undefined });
    }
    expect(script.sent).toHaveLength(operations.length);
    script.sent.forEach((sent, i) => {
      const op = operations[i]!;
      expect(sent.method).toBe(op.method);
      expect(decodeURIComponent(sent.url.pathname)).toBe(op.path.replace(/\{([^}]+)\}/g, 'v-$1'));
      expect(sent.headers.get('version'), `${op.method} ${op.path}`).toBe(op.version);
      expect(sent.headers.get('authorization')).toBe(`Bearer ${token}`);
    });
    expect(operations.length).toBe(576);
    expect(operations.filter((o) => o.version === null).map((o) => o.path)).toEqual([
      '/oauth/token',
    ]);
  });

  it('fills path parameters, encodes query arrays and JSON bodies', async () => {
    const script = scriptedFetch({ status: 200, body: { contact: { id: 'c 1' } } });
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      baseUrl: 'http://127.0.0.1:4010/',
    });
    await hl.request('PUT', '/contacts/{contactId}', {
      path: { contactId: 'c 1' },
      body: { firstName: 'Ada' },
    });
    await hl.request('GET', '/calendars/{calendarId}/free-slots', {
      path: { calendarId: 'cal' },
      query: { startDate: 1, endDate: 2, userIds: ['u1', 'u2'] },
    });
    const [put, slots] = script.sent;
    expect(put!.url.toString()).toBe('http://127.0.0.1:4010/contacts/c%201');
    expect(put!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(put!.body!)).toEqual({ firstName: 'Ada' });
    expect(slots!.url.searchParams.getAll('userIds')).toEqual(['u1', 'u2']);
    expect(slots!.headers.get('version')).toBe('2021-04-15');
  });
});

describe('retries and timeouts', () => {
  it('never re-sends a create that timed out, and says the outcome is unknown', async () => {
    const clock = manualClock(0);
    const script = scriptedFetch(() => new Promise<never>(() => undefined));
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      clock,
      timeoutMs: 1000,
    });
    const created = hl.contacts.create({ locationId: 'loc1', email: 'ada@example.com' });
    const outcome = created.catch((e: unknown) => e);
    await clock.advance(60_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
    expect(script.sent).toHaveLength(1);
  });

  it('re-sends a GET that timed out, then succeeds', async () => {
    const clock = manualClock(0);
    const script = scriptedFetch(() => new Promise<never>(() => undefined), {
      body: { contact: { id: 'c1' } },
    });
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      clock,
      timeoutMs: 1000,
      random: () => 0,
    });
    const got = hl.contacts.get('c1');
    await clock.advance(10_000);
    await expect(got).resolves.toEqual({ id: 'c1' });
    expect(script.sent).toHaveLength(2);
  });

  it('re-sends a create whose connection was refused (it never left)', async () => {
    const clock = manualClock(0);
    const script = scriptedFetch(connectionError('ECONNREFUSED'), {
      status: 201,
      body: { contact: { id: 'c1' } },
    });
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      clock,
      random: () => 0,
    });
    const created = hl.contacts.create({ locationId: 'loc1', email: 'a@b.co' });
    await clock.advance(10_000);
    await expect(created).resolves.toEqual({ id: 'c1' });
    expect(script.sent).toHaveLength(2);
  });

  it('does not re-send a create after the connection dropped mid-request', async () => {
    const script = scriptedFetch(connectionError('ECONNRESET'));
    const hl = new HighLevel({ auth: auth(), fetch: script.fetch, rateLimit: false });
    await expect(hl.contacts.create({ locationId: 'loc1', email: 'a@b.co' })).rejects.toMatchObject(
      { code: 'outcome_unknown' },
    );
    expect(script.sent).toHaveLength(1);
  });

  it('waits out a 429 as long as Retry-After says, then succeeds', async () => {
    const clock = manualClock(0);
    const events: ClientEvent[] = [];
    const script = scriptedFetch(
      {
        status: 429,
        body: { statusCode: 429, message: 'Too Many Requests' },
        headers: { 'retry-after': '3' },
      },
      { body: { contact: { id: 'c1' } } },
    );
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      clock,
      onEvent: (e) => events.push(e),
    });
    const got = hl.contacts.get('c1');
    await clock.advance(2_999);
    expect(script.sent).toHaveLength(1);
    await clock.advance(1);
    await expect(got).resolves.toEqual({ id: 'c1' });
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      {
        type: 'retry',
        method: 'GET',
        path: '/contacts/{contactId}',
        attempt: 1,
        delayMs: 3000,
        reason: 'rate_limited',
      },
    ]);
  });

  it('raises the typed error after the retry budget', async () => {
    const clock = manualClock(0);
    const script = scriptedFetch({ status: 503, body: { message: 'unavailable' } });
    const hl = new HighLevel({
      auth: auth(),
      fetch: script.fetch,
      rateLimit: false,
      clock,
      retry: { maxAttempts: 3 },
    });
    const got = hl.contacts.get('c1').catch((e: unknown) => e);
    await clock.runAll();
    expect(await got).toMatchObject({ code: 'server_error', status: 503 });
    expect(script.sent).toHaveLength(3);
  });
});

describe('secrets', () => {
  it('never puts the token in an error message, its JSON or its stack', async () => {
    const script = scriptedFetch({
      status: 401,
      body: { statusCode: 401, message: 'Invalid JWT' },
    });
    const hl = new HighLevel({ auth: auth(), fetch: script.fetch, rateLimit: false });
    const error = await hl.contacts.get('c1').then(
      () => new Error('expected a failure'),
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ code: 'invalid_token', status: 401 });
    const shown = [error.message, JSON.stringify(error), error.stack ?? '', String(error)].join(
      '\n',
    );
    expect(shown).not.toContain(token);
    expect(JSON.stringify(error)).toContain('Bearer [redacted]');
  });
});
