import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ghl-bridge', () => {
  it('prints its usage with --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: ghl-bridge <command>/);
    for (const command of ['start', 'worker', 'migrate', 'doctor'])
      expect(out).toContain(`  ${command} `);
  });

  it('refuses an unknown command or flag with exit code 2', async () => {
    expect(await run(['serve'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unknown command "serve"/) as string,
    });
    expect(await run(['start', '--prot', '1'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--prot'") as string,
    });
  });

  it('names a bad setting and stops before doing anything', async () => {
    const flag = await run(['start', '--port', 'http']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('PORT (or --port): expected a port number');
    const env = await run(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(env.code).toBe(2);
    expect(env.err).toContain('DATABASE_URL (or --database-url): expected a PostgreSQL URL');
  });

  it('asks doctor for a workspace', async () => {
    expect(await run(['doctor'])).toMatchObject({ code: 2, err: 'doctor needs --workspace ID' });
  });

  it('asks backfill for a workspace and a file', async () => {
    expect(await run(['backfill', '--workspace', 'ws_1'])).toMatchObject({
      code: 2,
      err: 'backfill needs --workspace ID and --file bookings.ndjson (or .csv)',
    });
  });

  it('requires the shared secrets on PostgreSQL, naming them', async () => {
    const { code, err } = await run(['start', '--database-url', 'postgres://u@127.0.0.1:1/db']);
    expect(code).toBe(2);
    expect(err).toContain('GHL_BRIDGE_SECRET_KEY: required with DATABASE_URL');
    expect(err).toContain('GHL_BRIDGE_ADMIN_TOKEN: required with DATABASE_URL');
  });
});
