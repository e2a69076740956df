/** `ghl-bridge start --demo` as a user runs it: the banner, and the curl it prints works. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';

describe('ghl-bridge start --demo', () => {
  let testDb: TestDatabase;
  let proc: CliProcess | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await testDb?.drop();
  });

  it('prints the URLs, the admin token and a curl that shows the connected demo workspace', async () => {
    proc = spawnCli(['start', '--demo', '--port', '0', '--data-dir', testDb.dataDir], {
      GHL_BRIDGE_ADMIN_TOKEN: '',
      GHL_BRIDGE_SECRET_KEY: '',
      LOG_LEVEL: '',
    });
    await proc.waitForOutput(/Stop with Ctrl\+C\./);
    const banner = proc.output();
    expect(banner).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(banner).toMatch(/OpenAPI\s+http:\/\/127\.0\.0\.1:\d+\/openapi\.json/);
    expect(banner).toMatch(/HighLevel\s+http:\/\/127\.0\.0\.1:\d+\s+\(emulator/);
    const adminToken = /Admin token\s+(ghlb_admin_\S+)/.exec(banner)?.[1];
    expect(adminToken).toBeDefined();
    expect(banner).toContain(
      'Connected to the emulated Location DemoLocation00000001 "Demo Location"',
    );
    // Quiet logs in the demo: no JSON lines between the banner's lines.
    expect(banner).not.toMatch(/^\{"level"/m);

    const curl = /curl -s (\S+) \\\n\s+-H "Authorization: Bearer (\S+)"/.exec(banner);
    expect(curl).not.toBeNull();
    const res = await fetch(curl![1]!, { headers: { authorization: `Bearer ${curl![2]!}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'connected',
      locationId: 'DemoLocation00000001',
      apiKeyPreview: 'pit-…0001',
    });
    const base = /API\s+(http:\/\/\S+)\/v1/.exec(banner)![1]!;
    const list = await fetch(`${base}/v1/workspaces`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(list.status).toBe(200);
    expect(await proc.kill('SIGTERM')).toBe(0);
  });
});
