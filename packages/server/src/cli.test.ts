import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { COMMANDS } from './cliCommands.js';
import { ENVIRONMENT } from './config.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ghl-bridge', () => {
  it('prints its usage with --help: every command and every environment variable it reads', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: ghl-bridge <command> [options]');
    for (const command of ['start', 'worker', 'migrate', 'doctor', 'backfill', 'actions list'])
      expect(out).toContain(`  ${command} `);
    expect(out).toContain('  actions run ');
    expect(out).toContain('--idempotency-key K');
    for (const [name, meaning] of Object.entries(ENVIRONMENT)) {
      expect(out).toContain(`  ${name}\n      ${meaning}`);
    }
    expect(out).toContain('GHL_BRIDGE_SYNC_CONCURRENCY\n      booking-sync jobs a process runs');
  });

  it("lists in each command's help the environment it reads; every variable is in one", async () => {
    const listed = new Set(Object.values(COMMANDS).flatMap((spec) => spec.env));
    expect([...listed].sort()).toEqual(Object.keys(ENVIRONMENT).sort());
    const start = (await run(['help', 'start'])).out;
    for (const name of ['GHL_BRIDGE_PUBLIC_URL', 'GHL_OAUTH_CLIENT_ID', 'GHL_OAUTH_SCOPES'])
      expect(start).toContain(`  ${name}\n      ${ENVIRONMENT[name as keyof typeof ENVIRONMENT]}`);
    // An app-installed connection refreshes its tokens wherever HighLevel is called.
    for (const [command, spec] of Object.entries(COMMANDS)) {
      if (!spec.env.includes('GHL_API_BASE_URL')) continue;
      expect(spec.env, command).toEqual(
        expect.arrayContaining(['GHL_OAUTH_CLIENT_ID', 'GHL_OAUTH_CLIENT_SECRET']),
      );
    }
  });

  it('prints the version of its package.json with --version and -v', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, out: version, err: '' });
    expect(await run(['-v'])).toEqual({ code: 0, out: version, err: '' });
  });

  it('explains one command with help <command> and <command> --help', async () => {
    for (const command of Object.keys(COMMANDS)) {
      const help = await run(['help', command]);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: ghl-bridge ${command}`));
      expect(await run([command, '--help'])).toEqual(help);
    }
    const start = (await run(['start', '-h'])).out;
    expect(start).toContain('--no-worker');
    expect(start).toContain('GHL_BRIDGE_SYNC_CONCURRENCY');
    expect(start).not.toContain('--dry-run');
    expect(await run(['help', 'serve'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unknown command "serve"/) as string,
    });
  });

  it('refuses a flag the command does not take, naming both', async () => {
    const migrate = await run(['migrate', '--demo']);
    expect(migrate.code).toBe(2);
    expect(migrate.err).toMatch(
      /^ghl-bridge migrate does not take --demo\.\n\nUsage: ghl-bridge migrate /,
    );
    expect(await run(['worker', '--port', '3000'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge worker does not take --port\./) as string,
    });
    expect(await run(['doctor', '--workspace', 'ws_1', '--dry-run'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge doctor does not take --dry-run\./) as string,
    });
  });

  it('refuses an unknown command or flag with exit code 2', async () => {
    expect(await run(['serve'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unknown command "serve"/) as string,
    });
    expect(await run(['--bogus'])).toEqual({
      code: 2,
      out: '',
      err: 'ghl-bridge does not take --bogus.\n\nSee ghl-bridge --help.',
    });
  });

  it('names a misspelled flag, the one meant and every flag the command takes', async () => {
    const start = await run(['start', '--prot', '3001']);
    expect(start.code).toBe(2);
    expect(start.err).toMatch(
      /^ghl-bridge start does not take --prot; did you mean --port\?\n\nUsage: ghl-bridge start \[--port N\] \[--host H\]/,
    );
    expect(start.err).toMatch(/\nOptions:\n {2}--port N +HTTP port/);
    const backfill = await run(['backfill', '--workspace', 'ws_1', '--file', 'a.csv', '--dryrun']);
    expect(backfill.err).toMatch(
      /^ghl-bridge backfill does not take --dryrun; did you mean --dry-run\?\n\nUsage: ghl-bridge backfill --workspace ID --file F \[--dry-run\]/,
    );
  });

  it('asks for the value of a flag left without one, naming the flag', async () => {
    expect(await run(['doctor', '--workspace'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^ghl-bridge doctor: --workspace needs a value, as in --workspace ID\.\n\nUsage: ghl-bridge doctor /,
      ) as string,
    });
    expect(await run(['doctor', '--workspace', '--demo'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^ghl-bridge doctor: --workspace needs a value, as in --workspace ID; "--demo" after it is an option/,
      ) as string,
    });
    expect(await run(['start', '--demo=yes'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^ghl-bridge start: --demo is a switch and takes no value; leave out "=yes"\./,
      ) as string,
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
    expect(await run(['doctor'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge doctor needs --workspace ID\.\n/) as string,
    });
  });

  it('asks backfill for a workspace and a file', async () => {
    expect(await run(['backfill'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^ghl-bridge backfill needs --workspace ID and --file F\.\n/,
      ) as string,
    });
    expect(await run(['backfill', '--workspace', 'ws_1'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^ghl-bridge backfill needs --file F\.\n/) as string,
    });
  });

  it('lists the actions, by category, as a table or as the catalogue’s JSON', async () => {
    const calendars = await run(['actions', 'list', '--category', 'calendars']);
    expect(calendars.code).toBe(0);
    expect(calendars.out).toMatch(/^Calendars & Appointments:\n/);
    expect(calendars.out).toMatch(
      /\n {2}create-appointment +POST \/calendars\/events\/appointments +Book/,
    );
    expect(calendars.out).not.toContain('create-contact');
    expect(calendars.out).toContain('22 actions.');
    const json = await run(['actions', 'list', '--json', '--category', 'Other Operations']);
    const entries = JSON.parse(json.out) as { kind: string; input: { type: string } }[];
    expect(entries).toHaveLength(9);
    expect(entries.every((e) => e.kind === 'action' && e.input.type === 'object')).toBe(true);
    expect(await run(['actions', 'list', '--category', 'billing'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^There is no category "billing"\. The categories: Contacts, /,
      ) as string,
    });
  });

  it('asks actions for list or run, and run for a name, a workspace and a JSON object', async () => {
    const group = await run(['actions']);
    expect(group.code).toBe(2);
    expect(group.err).toMatch(
      /^ghl-bridge actions needs list or run\.\n\nUsage: ghl-bridge actions list /,
    );
    expect((await run(['help', 'actions'])).out).toContain(
      'Usage: ghl-bridge actions run <name> --workspace ID',
    );
    expect(await run(['actions', 'run'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^ghl-bridge actions run needs <name> and --workspace ID\.\n/,
      ) as string,
    });
    expect(await run(['actions', 'run', 'a', 'b', '--workspace', 'ws_1'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/takes <name> and its options; got "b" too\./) as string,
    });
    for (const [input, problem] of [
      ['[1]', '--input: expected a JSON object'],
      ['{"email":', '--input: not valid JSON'],
      ['@/no/such/file.json', '--input: cannot read /no/such/file.json'],
    ]) {
      const res = await run([
        'actions',
        'run',
        'create-contact',
        '--workspace',
        'ws_1',
        '--input',
        input!,
      ]);
      expect(res.code).toBe(2);
      expect(res.err).toContain(problem);
    }
  });

  it('requires the shared secrets on PostgreSQL, naming them', async () => {
    const { code, err } = await run(['start', '--database-url', 'postgres://u@127.0.0.1:1/db']);
    expect(code).toBe(2);
    expect(err).toContain('GHL_BRIDGE_SECRET_KEY: required with DATABASE_URL');
    expect(err).toContain('GHL_BRIDGE_ADMIN_TOKEN: required with DATABASE_URL');
  });
});
