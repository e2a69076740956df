/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

const newContact = (locationId: string, email: string) => ({
  body: { locationId, email },
});

describe('fault injection', () => {
  it('answers a status instead of handling the request, `count` times', async () => {
    const { emulator, api, locationId } = setup();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, status: 503, count: 2 },
    ]);
    const first = await api('POST', '/contacts/', newContact(locationId, 'a@example.com'));
    const second = await api('POST', '/contacts/', newContact(locationId, 'b@example.com'));
    const third = await api('POST', '/contacts/', newContact(locationId, 'c@example.com'));
    expect([first.status, second.status, third.status]).toEqual([503, 503, 201]);
    expect(first.body).toEqual({ statusCode: 503, message: 'Service Unavailable' });
    const emails = emulator.control.locationState(locationId).contacts.map((c) => c.email);
    expect(emails).toEqual(['c@example.com']);
    expect(first.headers.get('x-ratelimit-max')).toBe('100');
  });

  it('matches by path template, regex, method and Location, with a custom body', async () => {
    const { emulator, api, locationId } = setup();
    const other = emulator.control.createLocation({ name: 'Other' });
    emulator.control.setFaults([
      { match: { path: '/locations/{locationId}', locationId: other.locationId }, status: 500 },
      { match: { method: 'GET', path: /^\/contacts\/[^/]+$/ }, status: 502, body: { oops: true } },
    ]);
    expect((await api('GET', `/locations/${locationId}`)).status).toBe(200);
    const hit = await api('GET', '/contacts/abc');
    expect(hit.status).toBe(502);
    expect(hit.body).toEqual({ oops: true });
    expect(emulator.control.faults().map((f) => f.hits)).toEqual([0, 1]);
  });

  it('hits with the given probability, using the injected random source', async () => {
    const rolls = [0.9, 0.1];
    const { emulator, api, locationId } = setup({ random: () => rolls.shift() ?? 0 });
    emulator.control.setFaults([{ status: 500, probability: 0.5 }]);
    expect((await api('GET', `/locations/${locationId}`)).status).toBe(200);
    expect((await api('GET', `/locations/${locationId}`)).status).toBe(500);
  });

  it('delays by latencyMs on the emulator clock', async () => {
    const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
    const { emulator, api, locationId } = setup({ clock });
    emulator.control.setFaults([{ latencyMs: 5_000 }]);
    let settled = false;
    const pending = api('GET', `/locations/${locationId}`).then((r) => {
      settled = true;
      return r;
    });
    await clock.advance(4_999);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect((await pending).status).toBe(200);
  });

  it('commit then fail (status): the contact is created, the caller sees 500', async () => {
    const { emulator, api, locationId } = setup();
    emulator.control.setFaults([
      { match: { path: '/contacts/' }, commitThenFail: 'status', count: 1 },
    ]);
    const res = await api('POST', '/contacts/', newContact(locationId, 'ada@example.com'));
    expect(res.status).toBe(500);
    const stored = emulator.control.locationState(locationId).contacts;
    expect(stored.map((c) => c.email)).toEqual(['ada@example.com']);
    const retry = await api('POST', '/contacts/', newContact(locationId, 'ada@example.com'));
    expect(retry.status).toBe(400);
    expect(retry.body.meta.contactId).toBe(stored[0]!.id);
  });

  it('commit then fail (drop): fetch rejects like a reset connection, the write happened', async () => {
    const { emulator, locationId, token } = setup();
    emulator.control.setFaults([{ commitThenFail: 'drop', count: 1 }]);
    const attempt = emulator.fetch(
      new Request('http://ghl.test/contacts/', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Version: '2021-07-28',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ locationId, email: 'drop@example.com' }),
      }),
    );
    const err = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect(((err as TypeError).cause as { code: string }).code).toBe('ECONNRESET');
    expect(emulator.control.locationState(locationId).contacts).toHaveLength(1);
  });

  it('slowBodyMs sends headers at once and the body later', async () => {
    const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
    const { emulator, locationId, token } = setup({ clock });
    emulator.control.setFaults([{ slowBodyMs: 2_000 }]);
    const res = await emulator.fetch(
      new Request(`http://ghl.test/locations/${locationId}`, {
        headers: { Authorization: `Bearer ${token}`, Version: '2021-07-28' },
      }),
    );
    expect(res.status).toBe(200);
    let done = false;
    const body = res.json().then((b) => {
      done = true;
      return b as { location: { id: string } };
    });
    await clock.advance(1_000);
    expect(done).toBe(false);
    await clock.advance(1_000);
    expect((await body).location.id).toBe(locationId);
  });

  it('clearFaults stops them', async () => {
    const { emulator, api, locationId } = setup();
    emulator.control.setFaults([{ status: 500 }]);
    emulator.control.clearFaults();
    expect((await api('GET', `/locations/${locationId}`)).status).toBe(200);
  });
});
