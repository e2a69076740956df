/**
 * `ghl-bridge doctor` against a HighLevel that answers (the emulator on a real port) and against
 * one that cannot be reached: a refused connection and a host name that does not exist.
 */
import { createEmulator, startServer } from '@ghl-bridge/emulator';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { SECRET_KEY } from '../../test/harness.js';
import { loadConfig } from '../config.js';
import { keyringFrom } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { saveConnection } from '../highlevel/connectionStore.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';
import { doctorCommand } from './doctor.js';

/** A loopback port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge doctor [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    afterEach(async () => {
      await testDb?.drop();
    });

    /** A workspace connected to `locationId` with `apiKey`, stored as `PUT …/gohighlevel` does. */
    async function connectedWorkspace(locationId: string, apiKey: string) {
      testDb = await createTestDatabase(name);
      const database = await openDatabase(testDb);
      try {
        await migrate(database.db);
        const { workspace } = await createWorkspace(database.db, {
          name: 'Spa',
          features: ['bookings'],
        });
        await saveConnection(database.db, keyringFrom([SECRET_KEY]), {
          workspaceId: workspace.id,
          locationId,
          locationName: 'Spa Downtown',
          credentials: { kind: 'api_key', apiKey },
          scopes: [],
          connectedAt: new Date(),
        });
        return workspace.id;
      } finally {
        await database.close();
      }
    }

    async function doctor(workspaceId: string, highLevel: string) {
      const config = loadConfig(
        { GHL_BRIDGE_SECRET_KEY: SECRET_KEY, GHL_API_BASE_URL: highLevel },
        { dataDir: testDb!.dataDir, databaseUrl: testDb!.databaseUrl },
      );
      const lines: string[] = [];
      const code = await doctorCommand({ config, workspaceId, out: (line) => lines.push(line) });
      return { code, text: lines.join('\n') };
    }

    it('passes the key, the Location and the scopes when HighLevel answers', async () => {
      const emulator = createEmulator();
      const { locationId, token } = emulator.control.createLocation({ name: 'Spa Downtown' });
      const server = await startServer(emulator, { port: 0 });
      try {
        const ws = await connectedWorkspace(locationId, token);
        const { code, text } = await doctor(ws, server.url);
        expect(code).toBe(0);
        expect(text).toContain('✓ HighLevel accepts the API key.');
        expect(text).toContain(`✓ The key belongs to Location ${locationId} (Spa Downtown).`);
        expect(text).toContain('Everything needed is in place.');
      } finally {
        await server.close();
      }
    });

    it('passes nothing when the connection is refused, and names the address to check', async () => {
      const ws = await connectedWorkspace('loc_1', 'pit-00000000-0000-4000-8000-00000000abcd');
      const base = `http://127.0.0.1:${await closedPort()}`;
      const { code, text } = await doctor(ws, base);
      expect(code).toBe(1);
      expect(text).not.toContain('✓');
      expect(text).toContain(
        `✗ Could not reach HighLevel: ${base.slice(7)} refused the connection (nothing listens there, ECONNREFUSED). Check GHL_API_BASE_URL (now ${base}),`,
      );
      expect(text).toContain(
        '? Not checked: whether HighLevel accepts the API key (HighLevel was not reached).',
      );
      expect(text).toContain(
        '? Not checked: whether it can write contacts, their notes and tags (contacts.write) (HighLevel was not reached).',
      );
    });

    it('names a host name DNS does not know', async () => {
      const ws = await connectedWorkspace('loc_1', 'pit-00000000-0000-4000-8000-00000000abcd');
      const { code, text } = await doctor(ws, 'https://highlevel-api.invalid');
      expect(code).toBe(1);
      expect(text).not.toContain('✓');
      expect(text).toMatch(
        /✗ Could not reach HighLevel: the host name highlevel-api\.invalid was not found \(DNS, (ENOTFOUND|EAI_AGAIN)\)\. Check GHL_API_BASE_URL \(now https:\/\/highlevel-api\.invalid\), this machine's network and DNS, and any proxy or firewall/,
      );
      expect(text).toContain('HighLevel could not be reached, so the connection was not checked');
    });
  });
}
