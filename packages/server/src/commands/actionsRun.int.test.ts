/**
 * `ghl-bridge actions run` as a real process against the emulator on a real port: the action
 * changes HighLevel, a retry with the same Idempotency-Key prints the first answer without calling
 * HighLevel again, and HighLevel's refusal is told in words with exit code 1.
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
  describe.skipIf(!available)(`ghl-bridge actions run [${name}]`, () => {
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

    async function actionsRun(args: string[], env: Record<string, string> = {}) {
      const storage = testDb!.databaseUrl
        ? ['--database-url', testDb!.databaseUrl]
        : ['--data-dir', testDb!.dataDir];
      const proc = spawnCli(['actions', 'run', ...args, ...storage], {
        GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
        GHL_API_BASE_URL: highLevel!.url,
        ...env,
      });
      const code = await proc.exited;
      return { code, stdout: proc.stdout(), stderr: proc.stderr() };
    }

    it('creates a contact once per Idempotency-Key, and tells a refusal in words', async () => {
      const emulator = createEmulator();
      const { workspaceId, locationId, token } = await connectedWorkspace(emulator);
      highLevel = await startServer(emulator, { port: 0 });
      const create = [
        'create-contact',
        '--workspace',
        workspaceId,
        '--input',
        JSON.stringify({ firstName: 'Ada', email: 'ada@example.com' }),
        '--idempotency-key',
        'cli-1',
      ];

      const first = await actionsRun(create, { LOG_LEVEL: 'info' });
      expect(first.code, first.stderr).toBe(0);
      const answer = JSON.parse(first.stdout) as {
        action: string;
        result: { contact: { id: string } };
      };
      expect(answer.action).toBe('create-contact');
      const contacts = emulator.control.locationState(locationId).contacts;
      expect(contacts).toMatchObject([
        { id: answer.result.contact.id, email: 'ada@example.com', locationId },
      ]);
      expect(first.stderr).toContain('"msg":"action run"');
      expect(first.stderr).not.toContain(token);

      const again = await actionsRun(create);
      expect(again).toMatchObject({ code: 0, stdout: first.stdout });
      expect(emulator.control.locationState(locationId).contacts).toHaveLength(1);
      const posts = emulator.control.requests({ locationId }).filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(1);

      const missing = await actionsRun([
        'delete-contact',
        '--workspace',
        workspaceId,
        '--input',
        '{"contactId":"nobody"}',
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatch(/^✗ HighLevel found nothing for delete-contact: /);
    }, 60_000);
  });
}
