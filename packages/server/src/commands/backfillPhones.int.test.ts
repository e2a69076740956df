/**
 * `ghl-bridge backfill` of historical bookings whose phones are written the national way: read in
 * the workspace's country as `POST …/bookings` reads them, one customer however the number is
 * written, and synced to HighLevel (the emulator) with E.164 phones.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, emulatorFetch, type Emulator } from '@ghl-bridge/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingEvent, userContacts } from '../../test/bookings.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { SECRET_KEY } from '../../test/harness.js';
import { loadConfig, type Config } from '../config.js';
import { keyringFrom } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { saveConnection } from '../highlevel/connectionStore.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';
import { backfillCommand } from './backfill.js';

const HEADER =
  'id,version,status,startsAt,endsAt,timezone,service.name,customer.firstName,customer.email,customer.phone,notes,metadata.source';

function csvRow(id: string, day: number, email: string, phone: string, notes = ''): string {
  const startsAt = `2026-12-${String(day).padStart(2, '0')}T15:00:00-05:00`;
  const endsAt = `2026-12-${String(day).padStart(2, '0')}T16:00:00-05:00`;
  return `${id},1,confirmed,${startsAt},${endsAt},America/New_York,Massage,Ada,${email},"${phone}",${notes},spreadsheet`;
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ghlb-backfill-phones-')), name);
  writeFileSync(path, text);
  return path;
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge backfill with national phones [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    let workers: Runtime | undefined;
    afterEach(async () => {
      await workers?.stop();
      workers = undefined;
      await testDb?.drop();
    });

    /** A workspace connected to an emulated Location in `locationCountry`. */
    async function setUp(options: { locationCountry: string; defaultCountry?: string }) {
      testDb = await createTestDatabase(name);
      const emulator = createEmulator();
      const { locationId, token } = emulator.control.createLocation({
        name: 'Spa',
        country: options.locationCountry,
      });
      const config = loadConfig(
        { GHL_BRIDGE_SECRET_KEY: SECRET_KEY, GHL_API_BASE_URL: 'http://ghl.test' },
        { dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl },
      );
      const database = await openDatabase(testDb);
      let workspaceId: string;
      try {
        await migrate(database.db);
        const { workspace } = await createWorkspace(database.db, {
          name: 'Spa',
          features: ['bookings'],
          ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
        });
        workspaceId = workspace.id;
        await saveConnection(database.db, keyringFrom([SECRET_KEY]), {
          workspaceId,
          locationId,
          locationName: 'Spa',
          locationCountry: options.locationCountry,
          credentials: { kind: 'api_key', apiKey: token },
          scopes: [],
          connectedAt: new Date(),
        });
      } finally {
        await database.close();
      }
      // On PostgreSQL the sync runs in the workers of `start` or `worker`: one here. On the
      // embedded database the backfill runs them itself.
      if (testDb.databaseUrl) {
        workers = await createRuntime({
          config,
          http: false,
          worker: true,
          workerName: 'backfill-phones-test',
          fetch: emulatorFetch(emulator),
        });
      }
      return { config, workspaceId, emulator, locationId };
    }

    async function backfill(config: Config, workspaceId: string, path: string, emulator: Emulator) {
      const out: string[] = [];
      const code = await backfillCommand({
        config,
        workspaceId,
        file: path,
        dryRun: false,
        out: (line) => out.push(line),
        fetch: emulatorFetch(emulator),
        pollMs: 50,
      });
      return { code, out: out.join('\n') };
    }

    async function customerKeys(config: Config) {
      const database = await openDatabase({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      });
      try {
        const rows = await database.db
          .selectFrom('bookings')
          .select(['booking_id', 'customer_key'])
          .orderBy('booking_id')
          .execute();
        return Object.fromEntries(rows.map((row) => [row.booking_id, row.customer_key]));
      } finally {
        await database.close();
      }
    }

    it("reads a CSV's national phones in the Location's country, one customer per person", async () => {
      const { config, workspaceId, emulator, locationId } = await setUp({ locationCountry: 'US' });
      const csv = file(
        'bookings.csv',
        [
          HEADER,
          csvRow('a', 1, '', '(415) 555-0132'),
          csvRow('b', 8, '', '+1 415 555 0132'),
          csvRow('c', 9, 'grace@example.com', '555-01', 'Side door'),
        ].join('\n') + '\n',
      );
      const { code, out } = await backfill(config, workspaceId, csv, emulator);
      expect(out).toContain('3 new bookings');
      expect(out).toContain('Sync: 3 done, 0 failed');
      expect(code).toBe(0);

      expect(await customerKeys(config)).toEqual({
        a: '+14155550132',
        b: '+14155550132',
        c: 'grace@example.com',
      });
      const contacts = userContacts(emulator, locationId);
      const ada = contacts.find((c) => c.phone === '+14155550132');
      expect(ada?.fields).toMatchObject({ 'Bookings – Total Bookings': 2 });
      const grace = contacts.find((c) => c.email === 'grace@example.com');
      expect(grace?.phone ?? null).toBeNull();
      expect(grace?.notes).toHaveLength(1);
      expect(grace?.notes[0]).toContain('Notes: Side door');
      expect(grace?.notes[0]).toContain('- source: spreadsheet');
      expect(grace?.notes[0]).toContain('Phone not saved on the contact: "555-01"');
      expect(contacts).toHaveLength(2);
    });

    it("reads NDJSON phones in the workspace's defaultCountry over the Location's", async () => {
      const { config, workspaceId, emulator, locationId } = await setUp({
        locationCountry: 'US',
        defaultCountry: 'GB',
      });
      const ndjson = file(
        'bookings.ndjson',
        [
          bookingEvent({ id: 'uk1', phone: '020 7946 0018' }),
          bookingEvent({ id: 'uk2', phone: '+44 20 7946 0018', startsAt: '2026-12-08T15:00:00Z' }),
        ]
          .map((event) => JSON.stringify(event))
          .join('\n') + '\n',
      );
      const { code, out } = await backfill(config, workspaceId, ndjson, emulator);
      expect(out).toContain('Sync: 2 done, 0 failed');
      expect(code).toBe(0);
      expect(await customerKeys(config)).toEqual({ uk1: '+442079460018', uk2: '+442079460018' });
      const contacts = userContacts(emulator, locationId);
      expect(contacts.map((c) => c.phone)).toEqual(['+442079460018']);
    });

    it('refuses a line with neither an email nor a readable phone, naming the country', async () => {
      const { config, workspaceId, emulator } = await setUp({ locationCountry: 'US' });
      const ndjson = file(
        'bookings.ndjson',
        [
          bookingEvent({ id: 'ok', phone: '(415) 555-0132' }),
          bookingEvent({ id: 'x', phone: '555-01' }),
        ]
          .map((event) => JSON.stringify(event))
          .join('\n') + '\n',
      );
      const { code, out } = await backfill(config, workspaceId, ndjson, emulator);
      expect(code).toBe(1);
      expect(out).toMatch(/line 2: customer\.phone: "555-01" is not a valid phone number of US/);
      expect(await customerKeys(config)).toEqual({});
    });
  });
}
