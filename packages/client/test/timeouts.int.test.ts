/**
 * Timeouts against the emulator's latency and slow-body faults, run twice: with the emulator
 * in-process (`emulatorFetch`) and served on a real port (the global `fetch`). Client and
 * emulator share a manual clock, so "20 s late" takes no real time; each step waits for the
 * state it needs (the request parked in the emulator, the client's retry) before the clock moves.
 */
import { OutcomeUnknownError, TimeoutError, type ClientEvent } from '@ghl-bridge/client';
import { emulatorFetch, startServer, type Emulator } from '@ghl-bridge/emulator';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { BASE_URL, calls, emulatorClient, statuses } from './emulatorClient.js';

interface Transport {
  name: string;
  connect(emulator: Emulator): Promise<{ fetch: typeof fetch; baseUrl: string }>;
}

const transports: Transport[] = [
  {
    name: 'in-process',
    connect: (emulator) => Promise.resolve({ fetch: emulatorFetch(emulator), baseUrl: BASE_URL }),
  },
  {
    name: 'over HTTP',
    async connect(emulator) {
      const server = await startServer(emulator, { port: 0 });
      onTestFinished(() => server.close());
      return { fetch: globalThis.fetch, baseUrl: server.url };
    },
  },
];

const TIMEOUT_MS = 5_000;
const LATE_MS = 20_000;
const GET_CONTACT = { method: 'GET', path: '/contacts/{contactId}' };

/** A promise with its outcome readable at any time, for polling. */
function watch<T>(work: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  work.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** Waits for the client to report a retry after a timed-out attempt. */
const retriedAfterTimeout = (events: ClientEvent[]) =>
  vi.waitFor(() =>
    expect(
      events.filter((e) => e.type === 'retry').map((e) => e.reason),
      `the client should give up on the attempt at ${TIMEOUT_MS} ms and retry`,
    ).toEqual(['timeout']),
  );

describe.each(transports)('timeouts, $name', (transport) => {
  async function setup() {
    const harness = emulatorClient();
    const { fetch, baseUrl } = await transport.connect(harness.emulator);
    const hl = harness.client({ fetch, baseUrl, timeoutMs: TIMEOUT_MS });
    const contact = await hl.contacts.create({
      locationId: harness.locationId,
      email: 'ada@example.com',
    });
    const parked = () =>
      vi.waitFor(() => expect(harness.emulator.control.faults()[0]?.hits).toBe(1));
    return { ...harness, hl, contactId: contact.id!, parked };
  }

  it('latency 20 s on GET contact, timeout 5 s: the attempt times out at 5 s and the retry returns the contact', async () => {
    const { hl, emulator, clock, events, contactId, parked } = await setup();
    emulator.control.setFaults([{ match: GET_CONTACT, latencyMs: LATE_MS, count: 1 }]);

    const call = watch(hl.contacts.get(contactId));
    await parked();
    await clock.advance(TIMEOUT_MS);
    await retriedAfterTimeout(events);
    await clock.advance(1_000); // the backoff before the second attempt (at most 500 ms)

    await vi.waitFor(() => expect(call.settled).toBe(true));
    expect(call.value?.id).toBe(contactId);
    await clock.advance(LATE_MS); // lets the abandoned first attempt finish
  });

  it('slow body (headers now, body 20 s later) on GET contact: timed out at 5 s and retried', async () => {
    const { hl, emulator, clock, events, contactId, parked } = await setup();
    emulator.control.setFaults([{ match: GET_CONTACT, slowBodyMs: LATE_MS, count: 1 }]);

    const call = watch(hl.contacts.get(contactId));
    await parked();
    await clock.advance(TIMEOUT_MS);
    await retriedAfterTimeout(events);
    await clock.advance(1_000);

    await vi.waitFor(() => expect(call.settled).toBe(true));
    expect(call.value?.id).toBe(contactId);
    await clock.advance(LATE_MS);
  });

  it('latency 20 s on a create, timeout 5 s: OutcomeUnknownError at 5 s, never re-sent; the late write leaves one contact', async () => {
    const { hl, emulator, clock, locationId, requests, parked } = await setup();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, latencyMs: LATE_MS, count: 1 },
    ]);

    const call = watch(hl.contacts.create({ locationId, email: 'bob@example.com' }));
    await parked();
    await clock.advance(TIMEOUT_MS);

    await vi.waitFor(() =>
      expect(call.settled, `the create should fail once ${TIMEOUT_MS} ms have passed`).toBe(true),
    );
    expect(call.error).toBeInstanceOf(OutcomeUnknownError);
    expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);

    // HighLevel had the whole request before the client gave up, so it applies it, late.
    await clock.advance(LATE_MS);
    await vi.waitFor(() => expect(calls(requests(), 'POST', '/contacts/')).toHaveLength(2));
    expect(statuses(calls(requests(), 'POST', '/contacts/'))).toEqual([201, 201]);
    const emails = emulator.control.locationState(locationId).contacts.map((c) => c.email);
    expect(emails.filter((e) => e === 'bob@example.com')).toHaveLength(1);
    expect((await hl.contacts.findDuplicate({ locationId, email: 'bob@example.com' }))?.email).toBe(
      'bob@example.com',
    );
  });
});
