import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingEvent } from '../../test/bookings.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { SECRET_KEY } from '../../test/harness.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';
import { backfillCommand } from './backfill.js';

const events = [
  bookingEvent({ id: 'a' }),
  bookingEvent({ id: 'b', email: 'grace@example.com' }),
  bookingEvent({ id: 'a', version: 2, status: 'cancelled' }),
  bookingEvent({ id: 'a', version: 1 }),
];

function ndjson(lines: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ghlb-backfill-')), 'bookings.ndjson');
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return file;
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge backfill [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    afterEach(async () => {
      await testDb?.drop();
    });

    async function setUp() {
      testDb = await createTestDatabase(name);
      const config = loadConfig(
        { GHL_BRIDGE_SECRET_KEY: SECRET_KEY },
        { dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl },
      );
      const database = await openDatabase({
        dataDir: testDb.dataDir,
        databaseUrl: testDb.databaseUrl,
      });
      try {
        await migrate(database.db);
        const { workspace } = await createWorkspace(database.db, {
          name: 'Spa',
          features: ['bookings'],
        });
        return { config, workspaceId: workspace.id };
      } finally {
        await database.close();
      }
    }

    async function run(args: {
      config: ReturnType<typeof loadConfig>;
      workspaceId: string;
      file: string;
      dryRun?: boolean;
    }) {
      const out: string[] = [];
      const progress: string[] = [];
      const code = await backfillCommand({
        ...args,
        dryRun: args.dryRun ?? false,
        out: (line) => out.push(line),
        progress: (line) => progress.push(line),
      });
      return { code, out: out.join('\n'), progress };
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
      expect(first.progress.at(-1)).toMatch(/\] 4\/4 100%$/);
      expect(first.out).toContain(
        '2 new bookings, 1 newer versions, 0 already stored, 1 older than stored',
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
  });
}
