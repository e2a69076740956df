/**
 * `ghl-bridge triggers add|list|remove` as real processes against the emulator on a real port:
 * a subscription is added (its first poll run, its endpoint made for the URL), listed with its
 * last poll, refused in words when HighLevel refuses its parameters, and removed.
 */
import {
  createEmulator,
  startServer,
  type Emulator,
  type RunningServer,
} from '@ghl-bridge/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from '../../test/backends.js';
import { SECRET_KEY } from '../../test/harness.js';
import { spawnCli } from '../../test/processes.js';
import { storedWorkspace } from '../../test/storedWorkspace.js';

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge triggers [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    let highLevel: RunningServer | undefined;
    afterEach(async () => {
      await highLevel?.close();
      await testDb?.drop();
    });

    async function connectedWorkspace(emulator: Emulator) {
      const stored = await storedWorkspace(emulator, name);
      testDb = stored.testDb;
      return stored;
    }

    async function triggers(args: string[]) {
      const storage = testDb!.databaseUrl
        ? ['--database-url', testDb!.databaseUrl]
        : ['--data-dir', testDb!.dataDir];
      const proc = spawnCli(['triggers', ...args, ...storage], {
        GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
        GHL_API_BASE_URL: highLevel!.url,
        GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
      });
      const code = await proc.exited;
      return { code, stdout: proc.stdout(), stderr: proc.stderr() };
    }

    it('adds, lists and removes a subscription, and tells a refusal in words', async () => {
      const emulator = createEmulator();
      const { workspaceId, locationId } = await connectedWorkspace(emulator);
      highLevel = await startServer(emulator, { port: 0 });
      const pipelines = emulator.control.createPipeline(locationId, { stages: ['New', 'Won'] });
      expect(pipelines.id).toBeTruthy();

      const added = await triggers([
        'add',
        'list-pipelines',
        '--workspace',
        workspaceId,
        '--every',
        '2',
        '--url',
        'http://127.0.0.1:9/hooks',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const subscription = JSON.parse(added.stdout) as {
        id: string;
        intervalMinutes: number;
        secret: string;
        lastPoll: { baseline: boolean; items: number };
      };
      expect(subscription).toMatchObject({
        intervalMinutes: 2,
        lastPoll: { baseline: true, items: 1 },
      });
      expect(subscription.secret).toMatch(/^whsec_/);
      expect(added.stderr).toContain('shown this once');

      const listed = await triggers(['list', '--workspace', workspaceId]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain(`${subscription.id}  list-pipelines  every 2 min`);
      expect(listed.stdout).toContain('1 items, 0 delivered');

      const refused = await triggers([
        'add',
        'get-contact-tasks',
        '--workspace',
        workspaceId,
        '--input',
        '{"contactId": "NoSuchContact0000001"}',
        '--url',
        'http://127.0.0.1:9/hooks',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/✗ HighLevel found nothing for get-contact-tasks/);

      const removed = await triggers(['remove', subscription.id, '--workspace', workspaceId]);
      expect(removed.code, removed.stderr).toBe(0);
      const after = await triggers(['list', '--workspace', workspaceId]);
      expect(after.stdout).toContain('has no trigger subscriptions');
      const again = await triggers(['remove', subscription.id, '--workspace', workspaceId]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`no trigger subscription ${subscription.id}`);
    }, 120_000);

    it('lists the catalogue’s triggers without a workspace, and checks its flags', async () => {
      const emulator = createEmulator();
      await connectedWorkspace(emulator);
      highLevel = await startServer(emulator, { port: 0 });
      const list = await triggers(['list', '--category', 'contacts']);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('get-contact-tasks');
      expect(list.stdout).toMatch(/10 triggers\. Subscribe to one with/);
      const both = await triggers([
        'add',
        'list-pipelines',
        '--workspace',
        'ws_x',
        '--endpoint',
        'whep_x',
        '--url',
        'http://127.0.0.1:9/',
      ]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('either --endpoint ID');
      const every = await triggers([
        'add',
        'list-pipelines',
        '--workspace',
        'ws_x',
        '--every',
        '20',
      ]);
      expect(every.code).toBe(2);
      expect(every.stderr).toContain('--every: expected a whole number of minutes from 1 to 15');
    }, 60_000);
  });
}
