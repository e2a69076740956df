import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

const T0 = Date.parse('2026-05-04T12:00:00Z');

describe('rate limits', () => {
  it('sends the X-RateLimit-* headers on every response, errors included', async () => {
    const { emulator, api, locationId } = setup({ clock: manualClock(T0) });
    const ok = await api('GET', `/locations/${locationId}`);
    expect(
      Object.fromEntries([...ok.headers].filter(([k]) => k.startsWith('x-ratelimit'))),
    ).toEqual({
      'x-ratelimit-limit-daily': '200000',
      'x-ratelimit-daily-remaining': '199999',
      'x-ratelimit-interval-milliseconds': '10000',
      'x-ratelimit-max': '100',
      'x-ratelimit-remaining': '99',
    });
    const notFound = await api('GET', '/contacts/nope');
    expect(notFound.status).toBe(400);
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe('98');
    const unauthenticated = await call(emulator, 'GET', `/locations/${locationId}`);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('x-ratelimit-max')).toBe('100');
  });

  it('answers 429 past 100 requests in 10 s, with Retry-After, until the window slides', async () => {
    const clock = manualClock(T0);
    const { api, locationId } = setup({ clock });
    const path = `/locations/${locationId}`;
    for (let i = 0; i < 100; i++) {
      expect((await api('GET', path)).status).toBe(200);
      if (i === 49) await clock.advance(4_000);
    }
    const refused = await api('GET', path);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, message: 'Too Many Requests' });
    expect(refused.headers.get('retry-after')).toBe('6');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');

    await clock.advance(6_000);
    const afterSlide = await api('GET', path);
    expect(afterSlide.status).toBe(200);
    expect(afterSlide.headers.get('x-ratelimit-remaining')).toBe('49');
  });

  it('keeps one budget per app: a second token has its own', async () => {
    const { emulator, api, locationId } = setup({
      clock: manualClock(T0),
      limits: { burst: 2 },
    });
    const path = `/locations/${locationId}`;
    await api('GET', path);
    await api('GET', path);
    expect((await api('GET', path)).status).toBe(429);
    const { token } = emulator.control.createToken(locationId);
    expect((await call(emulator, 'GET', path, { token })).status).toBe(200);
  });

  it('enforces the daily budget (configurable) until the next UTC day', async () => {
    const clock = manualClock(Date.parse('2026-05-04T23:59:00Z'));
    const { api, locationId } = setup({ clock, limits: { daily: 3 } });
    const path = `/locations/${locationId}`;
    for (let i = 0; i < 3; i++) await api('GET', path);
    const refused = await api('GET', path);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    expect(refused.headers.get('retry-after')).toBe('60');
    await clock.advance(60_000);
    expect((await api('GET', path)).status).toBe(200);
  });
});
