/**
 * The client over a real socket: the emulator started by its CLI (`ghl-emulator --port 0 --seed
 * demo`), the client using the global `fetch` with `baseUrl` pointing at it, faults set through
 * the HTTP control API as any other program would set them.
 */
import {
  HighLevel,
  NetworkError,
  OutcomeUnknownError,
  privateIntegrationToken,
} from '@ghl-bridge/client';
import { DEMO } from '@ghl-bridge/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliHandle } from '../../emulator/src/cli.js';
import { rejectionOf } from './emulatorClient.js';

let running: CliHandle;
let url: string;
let hl: HighLevel;
const locationId = DEMO.locationId;

beforeAll(async () => {
  running = await main(['--port', '0', '--seed', 'demo'], { out: () => {}, handleSignals: false });
  url = running.server.url;
  hl = new HighLevel({
    auth: privateIntegrationToken(DEMO.token, { locationId }),
    baseUrl: url,
  });
});
afterAll(() => running.stop());
beforeEach(() => control('POST', '/reset'));

/** The emulator's HTTP control API. */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/_emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

const storedContacts = async () =>
  ((await control('GET', `/locations/${locationId}/state`)) as { contacts: { email: string }[] })
    .contacts;

describe('the client against ghl-emulator on a real port', () => {
  it('creates, reads, updates, tags and finds a contact, and writes a note', async () => {
    const created = await hl.contacts.create({ locationId, email: 'wire@example.com' });
    const id = created.id!;

    await hl.contacts.update(id, { firstName: 'Wire' });
    expect(await hl.contacts.addTags(id, ['booked'])).toEqual(['booked']);
    await hl.notes.create(id, { body: 'Booked over the wire' });

    expect(await hl.contacts.get(id)).toMatchObject({ firstName: 'Wire', tags: ['booked'] });
    const page = await hl.contacts.search({ locationId, query: 'wire' });
    expect(page.contacts.map((c) => c.id)).toEqual([id]);
    expect((await hl.notes.list(id)).map((n) => n.body)).toEqual(['Booked over the wire']);
    expect(await storedContacts()).toEqual([
      expect.objectContaining({ email: 'wire@example.com', tags: ['booked'] }),
    ]);
  });

  it('commit then fail (dropped connection) on a create: the socket is reset, the client says outcome unknown, and the contact exists once', async () => {
    await control('PUT', '/faults', [
      { match: { method: 'POST', path: '/contacts/' }, commitThenFail: 'drop', count: 1 },
    ]);

    const error = await rejectionOf(hl.contacts.create({ locationId, email: 'drop@example.com' }));

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const cause = (error as OutcomeUnknownError).cause;
    expect(cause).toBeInstanceOf(NetworkError);
    expect(cause).toMatchObject({ beforeSend: false });
    const { requests } = (await control('GET', `/requests?locationId=${locationId}`)) as {
      requests: { method: string; operation: string }[];
    };
    expect(
      requests.filter((r) => r.method === 'POST' && r.operation === '/contacts/'),
    ).toHaveLength(1);
    expect((await storedContacts()).map((c) => c.email)).toEqual(['drop@example.com']);
    const found = await hl.contacts.findDuplicate({ locationId, email: 'drop@example.com' });
    expect(found?.email).toBe('drop@example.com');
  });

  it('503 twice on GET over the wire: retried, the contact is returned', async () => {
    const created = await hl.contacts.create({ locationId, email: 'retry@example.com' });
    await control('PUT', '/faults', [
      { match: { method: 'GET', path: '/contacts/{contactId}' }, status: 503, count: 2 },
    ]);
    const fast = new HighLevel({
      auth: privateIntegrationToken(DEMO.token, { locationId }),
      baseUrl: url,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });

    expect((await fast.contacts.get(created.id!)).email).toBe('retry@example.com');
    const { faults } = (await control('GET', '/faults')) as { faults: { hits: number }[] };
    expect(faults.map((f) => f.hits)).toEqual([2]);
  });
});
