/**
 * `ghl-bridge rekey` as an operator runs it at the end of a key rotation: through the CLI, on a
 * database holding a GoHighLevel key, a Vapi secret and a webhook signing secret under the old key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { SECRET_KEY } from '../../test/harness.js';
import { main } from '../cli.js';
import { keyringFrom } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { saveConnection } from '../highlevel/connectionStore.js';
import { voiceSettingsSchema } from '../voice/core/settings.js';
import { saveVoiceSettings } from '../voice/settingsStore.js';
import { createEndpoint } from '../webhooksOut/endpointStore.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';

const OLD_KEY = SECRET_KEY;
const NEW_KEY = Buffer.alloc(32, 0x6b).toString('base64');
const LOST_KEY = Buffer.alloc(32, 0x33).toString('base64');

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge rekey [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    afterEach(async () => {
      await testDb?.drop();
    });

    /** A workspace with its three kinds of credentials sealed under `key`. */
    async function workspaceUnder(key: string): Promise<string> {
      const database = await openDatabase(testDb!);
      try {
        await migrate(database.db);
        const ring = keyringFrom([key]);
        const { workspace } = await createWorkspace(database.db, { name: 'Spa', features: [] });
        await saveConnection(database.db, ring, {
          workspaceId: workspace.id,
          locationId: 'loc_1',
          locationName: 'Spa',
          credentials: { kind: 'api_key', apiKey: 'pit-2f1e0c9a-7b3d-4e5f-8a9b-0c1d2e3fa1b2' },
          scopes: [],
          connectedAt: new Date(),
        });
        const settings = voiceSettingsSchema.parse({
          calendarId: 'cal_1',
          timezone: 'America/New_York',
          auth: { type: 'bearer', secret: 'vapi-secret-0123456789-abcd' },
        });
        await saveVoiceSettings(database.db, ring, workspace.id, settings);
        await createEndpoint(database.db, ring, workspace.id, {
          url: 'https://app.example.com/webhooks',
          events: ['booking.synced'],
        });
        return workspace.id;
      } finally {
        await database.close();
      }
    }

    async function rekey(env: Record<string, string>, ...flags: string[]) {
      const lines: string[] = [];
      const code = await main(
        [
          'rekey',
          ...flags,
          ...(testDb!.databaseUrl ? ['--database-url', testDb!.databaseUrl] : []),
          '--data-dir',
          testDb!.dataDir,
        ],
        { env, out: (line) => lines.push(line), err: (line) => lines.push(line) },
      );
      return { code, text: lines.join('\n') };
    }

    it('moves every credential to the current key; afterwards the old key is not needed', async () => {
      testDb = await createTestDatabase(name);
      await workspaceUnder(OLD_KEY);
      const rotating = { GHL_BRIDGE_SECRET_KEY: NEW_KEY, GHL_BRIDGE_PREVIOUS_SECRET_KEYS: OLD_KEY };

      const dry = await rekey(rotating, '--dry-run');
      expect(dry).toMatchObject({ code: 0 });
      expect(dry.text).toContain('Would re-encrypt 3 credential(s)');

      const done = await rekey(rotating);
      expect(done.code).toBe(0);
      expect(done.text).toContain('Re-encrypted 3 credential(s)');
      expect(done.text).toContain('GHL_BRIDGE_PREVIOUS_SECRET_KEYS can be removed');

      const again = await rekey({ GHL_BRIDGE_SECRET_KEY: NEW_KEY });
      expect(again.code).toBe(0);
      expect(again.text).toContain('Re-encrypted 0 credential(s)');
    });

    it('lists what no configured key opens, and exits 1', async () => {
      testDb = await createTestDatabase(name);
      const lost = await workspaceUnder(LOST_KEY);
      await workspaceUnder(OLD_KEY);
      const result = await rekey({
        GHL_BRIDGE_SECRET_KEY: NEW_KEY,
        GHL_BRIDGE_PREVIOUS_SECRET_KEYS: OLD_KEY,
      });
      expect(result.code).toBe(1);
      expect(result.text).toContain('Re-encrypted 3 credential(s)');
      expect(result.text).toContain(`✗ ${lost}: the GoHighLevel API key is encrypted with`);
      expect(result.text).toContain(`✗ ${lost}: the Vapi secret is encrypted with`);
      expect(result.text).toMatch(
        new RegExp(
          `✗ ${lost}: the webhook signing secret of webhook endpoint whep_\\w+ is encrypted with`,
        ),
      );
      expect(result.text).toContain('Keep GHL_BRIDGE_PREVIOUS_SECRET_KEYS');
      expect(result.text).not.toContain('pit-2f1e0c9a');
    });
  });
}
