import { createEmulator, emulatorFetch, type Emulator } from '@ghl-bridge/emulator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingEvent } from '../../test/bookings.js';
import { backends, type BackendName, type TestDatabase } from '../../test/backends.js';
import { backfillWorld, ndjson } from '../../test/backfillWorld.js';
import { ADMIN_TOKEN } from '../../test/harness.js';
import type { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createRuntime } from '../runtime.js';
import { backfillCommand } from './backfill.js';
import { startCommand } from './start.js';

const events = [
  bookingEvent({ id: 'a' }),
  bookingEvent({ id: 'b', email: 'grace@example.com' }),
  bookingEvent({ id: 'a', version: 2, status: 'cancelled' }),
  bookingEvent({ id: 'a', version: 1 }),
];

/**
 * Each test's workspace on `backend` (connected to a Location of `emulator` when one is given),
 * dropped after the test with what the test started (`stops`, last first).
 */
function workspacePerTest(backend: BackendName) {
  let testDb: TestDatabase | undefined;
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await testDb?.drop();
  });
  return {
    stops,
    setUp: async (emulator?: Emulator) => {
      const world = await backfillWorld(backend, emulator);
      testDb = world.testDb;
      return world;
    },
  };
}

async function run(args: {
  config: ReturnType<typeof loadConfig>;
  workspaceId: string;
  file: string;
  dryRun?: boolean;
  fetch?: typeof fetch;
}) {
  const out: string[] = [];
  let progress = '';
  const code = await backfillCommand({
    ...args,
    dryRun: args.dryRun ?? false,
    out: (line) => out.push(line),
    // Not a terminal: plain lines, no control characters.
    progress: { isTTY: false, write: (text) => (progress += text) },
    pollMs: 20,
  });
  return { code, out: out.join('\n'), progress: progress.split('\n').filter(Boolean) };
}

async function stored(config: ReturnType<typeof loadConfig>) {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
  });
  try {
    const bookings = await database.db
      .selectFrom('bookings')
      .select(['booking_id', 'version'])
      .orderBy('booking_id')
      .execute();
    const jobs = await database.db.selectFrom('sync_jobs').select('status').execute();
    return {
      bookings: bookings.map((b) => [b.booking_id, Number(b.version)]),
      jobs: jobs.map((j) => j.status),
    };
  } finally {
    await database.close();
  }
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge backfill [${name}]`, () => {
    const { setUp, stops } = workspacePerTest(name);

    it('prints the plan on --dry-run and writes nothing', async () => {
      const { config, workspaceId } = await setUp();
      const { code, out } = await run({ config, workspaceId, file: ndjson(events), dryRun: true });
      expect(code).toBe(0);
      expect(out).toContain('4 events: 3 to store, 0 already stored, 1 older than stored');
      expect(out).toContain('2 customers: 2 contacts to create, 0 to update');
      expect(out).toContain('9 custom fields to provision');
      expect(out).toMatch(/about 20 HighLevel calls, 2 s at 100 requests per 10 s/);
      expect(await stored(config)).toEqual({ bookings: [], jobs: [] });
    });

    it('stores the bookings with their sync jobs, and a second run resumes without repeating', async () => {
      const { config, workspaceId } = await setUp();
      const file = ndjson(events);
      const first = await run({ config, workspaceId, file });
      expect(first.code).toBe(0);
      expect(first.progress.join('\n')).toMatch(/^Storing \[#+\] 4\/4 100%/m);
      expect(first.progress.join('\n')).not.toContain('\r');
      expect(first.progress.join('\n')).not.toContain('\x1b');
      expect(first.out).toContain(
        '✓ 4 events stored: 2 new bookings, 1 newer version, 0 already stored, 1 older than stored.',
      );
      // Nothing to sync to yet: the jobs wait, and the run says so instead of waiting forever.
      expect(first.out).toContain(
        '✓ Sync: 0 done, 0 failed, 3 waiting for a GoHighLevel connection (they run once the workspace is connected).',
      );
      const after = await stored(config);
      expect(after.bookings).toEqual([
        ['a', 2],
        ['b', 1],
      ]);
      // Not connected: the jobs wait for a connection.
      expect(after.jobs).toEqual([
        'waiting_for_connection',
        'waiting_for_connection',
        'waiting_for_connection',
      ]);

      const again = await run({ config, workspaceId, file });
      expect(again.out).toContain(
        '0 new bookings, 0 newer versions, 2 already stored, 2 older than stored',
      );
      expect((await stored(config)).jobs).toHaveLength(3);
    });

    it('reads CSV with dotted headers', async () => {
      const { config, workspaceId } = await setUp();
      const file = join(mkdtempSync(join(tmpdir(), 'ghlb-backfill-')), 'bookings.csv');
      writeFileSync(
        file,
        'id,version,status,startsAt,endsAt,timezone,service.name,price.amount,price.currency,payment.status,customer.email\n' +
          'a,1,confirmed,2026-12-01T15:00:00-05:00,2026-12-01T16:00:00-05:00,America/New_York,"Massage, deep",120.00,USD,paid,ada@example.com\n' +
          'b,1,confirmed,2026-12-02T15:00:00-05:00,2026-12-02T16:00:00-05:00,America/New_York,Facial,80.00,USD,paid,ada@example.com\n',
      );
      const { code } = await run({ config, workspaceId, file });
      expect(code).toBe(0);
      expect((await stored(config)).bookings).toEqual([
        ['a', 1],
        ['b', 1],
      ]);
    });

    it('refuses a file with an invalid line, naming it, before writing anything', async () => {
      const { config, workspaceId } = await setUp();
      const file = ndjson([events[0], { ...events[1], customer: {} }]);
      const { code, out } = await run({ config, workspaceId, file });
      expect(code).toBe(1);
      expect(out).toContain('line 2: customer: expected an email or a phone number');
      expect((await stored(config)).bookings).toEqual([]);
    });

    it('syncs what it stored and shows the sync until it is done', async () => {
      const emulator = createEmulator();
      const { config, workspaceId } = await setUp(emulator);
      const fetch = emulatorFetch(emulator);
      if (name === 'postgres') {
        // On PostgreSQL the workers of `ghl-bridge worker` sync; here, one in this process.
        const worker = await createRuntime({ config, http: false, worker: true, fetch });
        stops.push(() => worker.stop());
      }
      const { code, out, progress } = await run({
        config,
        workspaceId,
        file: ndjson(events),
        fetch,
      });
      expect(code).toBe(0);
      expect(progress.at(-1)).toMatch(
        /^Syncing \[#+\] 3\/3 100% {2}3 synced, 0 failed, 0 to go {2}[\d.]+\/s$/,
      );
      expect(out).toContain('✓ Sync: 3 done, 0 failed.');
      const contacts = Object.values(
        emulator.control.snapshot().contacts as Record<string, { email?: string }>,
      ).map((contact) => contact.email);
      expect(contacts.sort()).toEqual(['ada@example.com', 'grace@example.com']);
    });

    it('plans a dry run while the server runs, against what it stored', async () => {
      const { config, workspaceId } = await setUp(createEmulator());
      const server = await startCommand({ config, demo: false, worker: false, out: () => {} });
      stops.push(() => server.stop());
      const posted = await server.runtime.app!.request(`/v1/workspaces/${workspaceId}/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(events[0]),
      });
      expect(posted.status).toBe(202);

      const { code, out } = await run({ config, workspaceId, file: ndjson(events), dryRun: true });
      expect(code).toBe(0);
      expect(out).toContain(
        name === 'pglite'
          ? `ledger, contacts and field ids read from the running server at ${server.http.url}`
          : 'ledger, contacts and field ids read from PostgreSQL at',
      );
      // a v1 is stored: a v1 again is a repeat; a v2 is a change, the late a v1 is stale.
      expect(out).toContain('4 events: 2 to store, 1 already stored, 1 older than stored');
      expect(out).toContain('2 customers: 2 contacts to create, 0 to update');
    });
  });
}

// An embedded data directory only: PostgreSQL has no directory for another process to hold.
describe('ghl-bridge backfill on the embedded database', () => {
  const { setUp, stops } = workspacePerTest('pglite');

  it('says why a dry run cannot read a data directory another process holds without a server', async () => {
    const { config, workspaceId } = await setUp();
    const holder = await openDatabase({ dataDir: config.dataDir });
    stops.push(() => holder.close());
    const { code, out } = await run({
      config,
      workspaceId,
      file: ndjson(events),
      dryRun: true,
    });
    expect(code).toBe(2);
    expect(out).toMatch(
      /^✗ The data directory .+ is already open in this process\. A dry run asks a running `ghl-bridge start` instead, but none serves HTTP from this directory\.$/,
    );
  });
});
