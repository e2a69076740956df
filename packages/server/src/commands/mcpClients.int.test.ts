/**
 * `ghl-bridge mcp clients add|list|revoke` as real processes, and the tokens they print tried on
 * the workspace's MCP endpoint: a new client is read-only and its token opens the reads, a
 * permission the flags ask for wrongly is named by its flag and nothing is made, the list never
 * shows a token, and a revoked token is refused. `mcp tools` lists what `--tools` can name.
 */
import { createEmulator, emulatorFetch, type Emulator } from '@ghl-bridge/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from '../../test/backends.js';
import { ADMIN_TOKEN, SECRET_KEY } from '../../test/harness.js';
import { spawnCli } from '../../test/processes.js';
import { storedWorkspace } from '../../test/storedWorkspace.js';
import { main } from '../cli.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';

interface Created {
  id: string;
  name: string;
  access: string;
  allowDestructive: boolean;
  tools: string[] | null;
  tokenPreview: string;
  token: string;
  endpoint: string;
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`ghl-bridge mcp clients [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    afterEach(async () => {
      await testDb?.drop();
    });

    async function connectedWorkspace(emulator: Emulator) {
      const stored = await storedWorkspace(emulator, name);
      testDb = stored.testDb;
      return stored;
    }

    async function mcp(args: string[]) {
      const storage = testDb!.databaseUrl
        ? ['--database-url', testDb!.databaseUrl]
        : ['--data-dir', testDb!.dataDir];
      const proc = spawnCli(['mcp', 'clients', ...args, ...storage], {
        GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
      });
      const code = await proc.exited;
      return { code, stdout: proc.stdout(), stderr: proc.stderr() };
    }

    /**
     * `tools/list` on the MCP endpoint with `token`, through the server's app. The server is up
     * for this request only: on the embedded database it and a command can't hold it together.
     */
    async function listTools(emulator: Emulator, workspaceId: string, token: string) {
      const env = {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
        GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
        GHL_API_BASE_URL: 'http://ghl.test',
        LOG_LEVEL: 'silent',
      };
      const runtime = await createRuntime({
        config: loadConfig(env, { dataDir: testDb!.dataDir, databaseUrl: testDb!.databaseUrl }),
        fetch: emulatorFetch(emulator),
        worker: false,
      });
      try {
        const res = await runtime.app!.request(`/v1/workspaces/${workspaceId}/mcp`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        const body = (await res.json()) as {
          result?: { tools: { name: string }[] };
          error?: { code: string };
        };
        return { status: res.status, names: body.result?.tools.map((t) => t.name), body };
      } finally {
        await runtime.stop();
      }
    }

    it('prints a read-only token that opens the endpoint, lists it without it, and revokes it', async () => {
      const emulator = createEmulator();
      const { workspaceId } = await connectedWorkspace(emulator);

      const added = await mcp(['add', 'Reporting assistant', '--workspace', workspaceId, '--json']);
      expect(added.code, added.stderr).toBe(0);
      const client = JSON.parse(added.stdout) as Created;
      expect(client).toMatchObject({
        name: 'Reporting assistant',
        access: 'read-only',
        allowDestructive: false,
        tools: null,
        endpoint: `/v1/workspaces/${workspaceId}/mcp`,
      });
      expect(client.token).toMatch(/^ghlm_/);
      expect(added.stderr).toContain('The token is shown this once');

      const offered = await listTools(emulator, workspaceId, client.token);
      expect(offered.status).toBe(200);
      expect(offered.names).toEqual(expect.arrayContaining(['get-contact', 'find-contact']));
      expect(offered.names).not.toContain('create-contact');
      expect(offered.names).not.toContain('delete-contact');

      const listed = await mcp(['list', '--workspace', workspaceId]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain(
        `${client.id}  Reporting assistant  read-only  every tool its access allows  ${client.tokenPreview}  last used 20`,
      );
      const json = await mcp(['list', '--workspace', workspaceId, '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({
        clients: [{ id: client.id, revokedAt: null, lastUsedAt: expect.any(String) as unknown }],
      });
      expect(listed.stdout + json.stdout).not.toContain(client.token);

      const revoked = await mcp(['revoke', client.id, '--workspace', workspaceId]);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toContain(`Revoked ${client.id}: its token is refused`);
      const refused = await listTools(emulator, workspaceId, client.token);
      expect(refused.status).toBe(401);
      expect(refused.body.error?.code).toBe('token_revoked');
      const after = await mcp(['list', '--workspace', workspaceId]);
      expect(after.stdout).toMatch(new RegExp(`^${client.id}  .*  revoked 20`));

      const unknown = await mcp(['revoke', 'mcpc_nope', '--workspace', workspaceId]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(
        `There is no MCP client mcpc_nope in workspace ${workspaceId}`,
      );
    }, 120_000);

    it('names the flag of each wrong permission and makes nothing; with the flags, the tools', async () => {
      const emulator = createEmulator();
      const { workspaceId } = await connectedWorkspace(emulator);
      const tools = ['find-contact', 'delete-contact', 'delet-contact'];

      const wrong = await mcp([
        'add',
        'Cleaner',
        '--workspace',
        workspaceId,
        '--allow-destructive',
        '--tools',
        tools.join(','),
      ]);
      expect(wrong.code).toBe(2);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr).toContain('✗ No MCP client was made: 3 problems.');
      expect(wrong.stderr).toContain(
        '  --allow-destructive: a read-only client can use no destructive tool; add --read-write too',
      );
      expect(wrong.stderr).toContain(
        '  --tools, its 2nd name (delete-contact): delete-contact writes to HighLevel: it needs --read-write',
      );
      expect(wrong.stderr).toContain(
        '  --tools, its 3rd name (delet-contact): there is no tool delet-contact (ghl-bridge mcp tools lists them); did you mean delete-contact',
      );
      const none = await mcp(['list', '--workspace', workspaceId]);
      expect(none.stdout).toContain(`Workspace ${workspaceId} has no MCP clients`);

      const onlyDestructive = await mcp([
        'add',
        'Cleaner',
        '--workspace',
        workspaceId,
        '--read-write',
        '--tools',
        'delete-contact',
      ]);
      expect(onlyDestructive.code).toBe(2);
      expect(onlyDestructive.stderr).toContain(
        '  --tools, its 1st name (delete-contact): delete-contact deletes or removes data in HighLevel: it needs --allow-destructive',
      );

      const made = await mcp([
        'add',
        'Cleaner',
        '--workspace',
        workspaceId,
        '--read-write',
        '--allow-destructive',
        '--tools',
        'find-contact, delete-contact',
      ]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toMatch(
        /^mcpc_\w+ {2}Cleaner {2}read-write, destructive allowed {2}tools find-contact, delete-contact {2}ghlm_…\S{4} {2}never used\n/,
      );
      const token = /^token {5}(ghlm_\S+)$/m.exec(made.stdout)?.[1];
      expect(token).toBeDefined();
      const offered = await listTools(emulator, workspaceId, token!);
      expect(offered.names?.sort()).toEqual(['delete-contact', 'find-contact']);
    }, 120_000);
  });
}

describe('ghl-bridge mcp', () => {
  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('lists the tools an allowlist can name, by what they do, or as GET …/mcp/tools answers', async () => {
    const table = await run(['mcp', 'tools']);
    expect(table.code).toBe(0);
    const destructive = table.out.split('Delete or remove (a client made with')[1]!;
    expect(destructive).toMatch(/\n {2}delete-contact +Delete Contact\n/);
    expect(destructive).toMatch(/\n {2}cancel_appointment +Cancel appointment\n/);
    expect(destructive).not.toContain('create-contact');
    const json = JSON.parse((await run(['mcp', 'tools', '--json'])).out) as {
      tools: { name: string; access: string }[];
    };
    const access = Object.fromEntries(json.tools.map((t) => [t.name, t.access]));
    expect(access).toMatchObject({
      check_availability: 'read',
      'get-contact': 'read',
      'create-contact': 'write',
      'delete-contact': 'destructive',
    });
    expect(table.out).toContain(`${json.tools.length} tools.`);
  });

  it('asks for what is missing before opening any database', async () => {
    expect(await run(['mcp'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge mcp needs clients or tools\.\n/) as string,
    });
    expect(await run(['mcp', 'clients', 'drop'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge mcp clients needs list or add or revoke\./) as string,
    });
    expect(await run(['mcp', 'clients', 'add', '--workspace', 'ws_1'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge mcp clients add needs <name>\./) as string,
    });
    const blank = await run(['mcp', 'clients', 'add', ' ', '--workspace', 'ws_1', '--tools', ',']);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('  <name>: expected a name of 1 to 100 characters');
    expect(blank.err).toContain(
      '  --tools: expected at least one tool name; leave --tools out for every tool the access allows',
    );
  });
});
