#!/usr/bin/env node
// The packages as a user gets them: `npm pack` the client, the emulator and the server, install
// the tarballs into a fresh project outside this workspace (no workspace links, production
// dependencies only, as the Dockerfile does), then run the bins for real: `ghl-emulator` on a
// real port plays HighLevel, `ghl-bridge migrate`, `start --no-worker` and `worker` run on
// PostgreSQL, a workspace connects, one booking is synced, and the client is imported from ES
// modules and CommonJS, in JavaScript and in TypeScript.
//
//   DATABASE_URL=postgres://user@host:5432/postgres npm run test:packages
//
// The URL's role must be allowed to create databases: each run uses a new one and drops it.
// Prints one line per check and a closing `packaged: N passed, N failed`; exits 1 on a failure.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const databaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'Set DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL role that may create databases.',
  );
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'ghl-bridge-packaged-'));
const app = path.join(work, 'app');
const children = [];
let passed = 0;
let failed = 0;

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(
      `✗ ${name}\n  ${String(error?.stack ?? error)
        .split('\n')
        .join('\n  ')}`,
    );
    throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function sh(command, args, options = {}) {
  try {
    return await run(command, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

const bin = (name) => path.join(app, 'node_modules', '.bin', name);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A long-running bin; its stdout and stderr are kept for the checks and for failures. */
function start(name, args, env) {
  const child = spawn(bin(name), args, { cwd: app, env: { ...process.env, ...env } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const handle = { name, child, output, exited };
  children.push(handle);
  return handle;
}

async function waitFor(what, fn, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const logs = children
    .map(
      (c) =>
        `--- ${c.name} stdout\n${c.output.stdout.slice(-3000)}\n--- ${c.name} stderr\n${c.output.stderr.slice(-3000)}`,
    )
    .join('\n');
  throw new Error(
    `timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}\n${logs}`,
  );
}

async function json(url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * A database as docs/deploy.md sets one up: a role of its own that owns a new database and
 * holds no other right (no superuser, no CREATEDB). Dropped afterwards.
 */
async function withDatabase(fn) {
  const { default: pg } = await import(path.join(app, 'node_modules', 'pg', 'lib', 'index.js'));
  const name = `ghl_bridge_packaged_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
  await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
  const url = new URL(databaseUrl);
  url.username = name;
  url.password = password;
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    for (const c of children) c.child.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.query(`DROP ROLE IF EXISTS ${name}`).catch(() => {});
    await admin.end();
  }
}

async function main() {
  const version = JSON.parse(
    readFileSync(path.join(repo, 'packages/server/package.json'), 'utf8'),
  ).version;
  const tarballs = path.join(work, 'tarballs');

  await check('npm pack: client, emulator and server', async () => {
    mkdirSync(tarballs, { recursive: true });
    await sh(
      'npm',
      [
        'pack',
        '--silent',
        '--pack-destination',
        tarballs,
        '--workspace',
        'packages/client',
        '--workspace',
        'packages/emulator',
        '--workspace',
        'packages/server',
      ],
      { cwd: repo },
    );
    const files = readdirSync(tarballs).sort();
    assert(files.length === 3, `expected 3 tarballs, got ${files.join(', ')}`);
    for (const file of files) {
      const { stdout } = await sh('tar', ['tzf', path.join(tarballs, file)]);
      const listed = stdout.split('\n');
      // Tests and the builders only tests use (`testing.ts`, and what it compiles to).
      const tests = listed.filter((f) =>
        /\.test\.ts$|tsbuildinfo$|\/test\/|\/testing\.(ts|js|d\.ts)(\.map)?$/.test(f),
      );
      assert(tests.length === 0, `${file} ships test files: ${tests.slice(0, 5).join(', ')}`);
      assert(listed.includes('package/LICENSE'), `${file} has no LICENSE`);
      assert(listed.includes('package/README.md'), `${file} has no README.md`);
    }
  });

  await check('publint and arethetypeswrong accept each tarball', async () => {
    for (const file of readdirSync(tarballs)) {
      const tarball = path.join(tarballs, file);
      await sh('npx', ['publint', 'run', '--strict', tarball], { cwd: repo });
      // The client ships CommonJS beside its ES modules; the emulator and the server are ES
      // modules only (Node >= 22.12 loads them with require() too).
      const profile = file.includes('client') ? 'node16' : 'esm-only';
      await sh('npx', ['attw', '--profile', profile, '--no-color', tarball], { cwd: repo });
    }
  });

  await check(
    'npm install of the tarballs into a fresh project (production dependencies only)',
    async () => {
      writeFileSync(path.join(work, 'package.json'), '{}\n'); // stops npm from walking up to a workspace
      mkdirSync(app);
      writeFileSync(
        path.join(app, 'package.json'),
        `${JSON.stringify({ name: 'packaged-smoke', private: true })}\n`,
      );
      const files = readdirSync(tarballs).map((f) => path.join(tarballs, f));
      await sh(
        'npm',
        [
          'install',
          '--omit=dev',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          ...files,
        ],
        { cwd: app },
      );
      const installed = readdirSync(path.join(app, 'node_modules', '@ghl-bridge')).sort();
      assert(
        installed.join() === 'client,emulator,server',
        `installed @ghl-bridge/${installed.join(', ')}`,
      );
    },
  );

  await check('ghl-bridge --version, --help; ghl-emulator --help', async () => {
    const { stdout: v } = await sh(bin('ghl-bridge'), ['--version']);
    assert(
      v.trim().endsWith(version),
      `ghl-bridge --version printed ${v.trim()}, expected ${version}`,
    );
    const { stdout: help } = await sh(bin('ghl-bridge'), ['--help']);
    assert(
      help.includes('DATABASE_URL') && help.includes('worker'),
      'ghl-bridge --help lacks commands or environment',
    );
    const { stdout: emu } = await sh(bin('ghl-emulator'), ['--help']);
    assert(emu.includes('--port'), 'ghl-emulator --help lacks --port');
  });

  const emulatorPort = await freePort();
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  let location;
  await check('ghl-emulator serves HighLevel on a real port', async () => {
    start('ghl-emulator', ['--port', String(emulatorPort)]);
    await waitFor(
      'the emulator',
      async () => (await fetch(`${emulatorUrl}/_emulator/requests`)).ok,
    );
    const { status, body } = await json(`${emulatorUrl}/_emulator/locations`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Packaged Smoke Salon' }),
    });
    assert(status === 201 || status === 200, `POST /_emulator/locations answered ${status}`);
    location = body;
  });

  await check('the client from ES modules and CommonJS, JavaScript and TypeScript', async () => {
    const call = (importLine) => `${importLine}
const hl = new HighLevel({ auth: privateIntegrationToken(${JSON.stringify(location.token)}, { locationId: ${JSON.stringify(location.locationId)} }), baseUrl: ${JSON.stringify(emulatorUrl)} });
hl.request('GET', '/locations/{locationId}', { path: { locationId: ${JSON.stringify(location.locationId)} } })
  .then((r) => console.log(r.location.name));
`;
    writeFileSync(
      path.join(app, 'esm.mjs'),
      call("import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';"),
    );
    writeFileSync(
      path.join(app, 'cjs.cjs'),
      call("const { HighLevel, privateIntegrationToken } = require('@ghl-bridge/client');"),
    );
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const { stdout } = await sh(process.execPath, [file], { cwd: app });
      assert(stdout.trim() === 'Packaged Smoke Salon', `${file} printed ${stdout.trim()}`);
    }
    const typed = `const hl = new HighLevel({ auth: privateIntegrationToken('pit-x', { locationId: 'loc' }) });
export const name: Promise<string | undefined> = hl
  .request('GET', '/locations/{locationId}', { path: { locationId: 'loc' } })
  .then((r) => r.location?.name);
export const isRateLimit = (e: unknown): boolean => e instanceof HighLevelError;
`;
    writeFileSync(
      path.join(app, 'typed.mts'),
      `import { HighLevel, HighLevelError, privateIntegrationToken } from '@ghl-bridge/client';\nimport { verifyWebhook } from '@ghl-bridge/client/webhooks';\nexport const verify = verifyWebhook;\n${typed}`,
    );
    writeFileSync(
      path.join(app, 'typed.cts'),
      `import { HighLevel, HighLevelError, privateIntegrationToken } from '@ghl-bridge/client';\nimport webhooks = require('@ghl-bridge/client/webhooks');\nexport const verify = webhooks.verifyWebhook;\n${typed}`,
    );
    // A consumer's own compiler settings, with the client's declarations checked too: a Node.js
    // project (its @types/node) using the webhooks entry, which needs node:crypto; and one without
    // Node.js types (an edge runtime) using the main entry alone, which must not need them.
    writeFileSync(
      path.join(app, 'portable.mts'),
      `import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';\nexport const hl = new HighLevel({ auth: privateIntegrationToken('pit-x') });\n`,
    );
    const project = (name, files, types) => {
      const compilerOptions = {
        strict: true,
        module: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom'],
        noEmit: true,
        skipLibCheck: false,
        types,
        typeRoots: [path.join(repo, 'node_modules', '@types')],
      };
      writeFileSync(path.join(app, name), JSON.stringify({ compilerOptions, files }));
      const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
      return sh(process.execPath, [tsc, '-p', path.join(app, name)]);
    };
    await project('tsconfig.node.json', ['typed.mts', 'typed.cts'], ['node']);
    await project('tsconfig.portable.json', ['portable.mts'], []);
  });

  await withDatabase(async (url) => {
    const before = readdirSync(app);
    const env = {
      DATABASE_URL: url,
      GHL_API_BASE_URL: emulatorUrl,
      GHL_BRIDGE_SECRET_KEY: randomBytes(32).toString('base64'),
      GHL_BRIDGE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'info',
    };
    const admin = { authorization: `Bearer ${env.GHL_BRIDGE_ADMIN_TOKEN}` };

    await check('ghl-bridge migrate on PostgreSQL', async () => {
      await sh(bin('ghl-bridge'), ['migrate'], { cwd: app, env: { ...process.env, ...env } });
    });

    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    let server;
    await check('ghl-bridge start --no-worker and ghl-bridge worker become ready', async () => {
      server = start('ghl-bridge', ['start', '--no-worker', '--port', String(port)], env);
      start('ghl-bridge', ['worker'], env);
      await waitFor('/readyz', async () => (await fetch(`${api}/readyz`)).status === 200);
    });

    await check('the installed server serves the dashboard at / with its scripts', async () => {
      const page = await fetch(`${api}/`);
      assert(page.status === 200, `GET / answered ${page.status}`);
      const html = await page.text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      assert(script, 'the dashboard page names no script');
      const js = await fetch(`${api}${script}`);
      assert(js.status === 200, `GET ${script} answered ${js.status}`);
    });

    let workspace;
    await check('a workspace connects to the emulated Location with its token', async () => {
      const created = await json(`${api}/v1/workspaces`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ name: 'Packaged Smoke' }),
      });
      assert(
        created.status === 201,
        `create workspace: ${created.status} ${JSON.stringify(created.body)}`,
      );
      workspace = created.body;
      const connected = await json(
        `${api}/v1/workspaces/${workspace.id}/integrations/gohighlevel`,
        {
          method: 'PUT',
          headers: admin,
          body: JSON.stringify({ apiKey: location.token, locationId: location.locationId }),
        },
      );
      assert(
        connected.status === 200 && connected.body.status === 'connected',
        `connect: ${connected.status} ${JSON.stringify(connected.body)}`,
      );
      assert(
        !JSON.stringify(connected.body).includes(location.token),
        'the connection view shows the key',
      );
    });

    await check('a booking is synced to HighLevel by the worker', async () => {
      const booking = {
        id: 'bk_packaged_1',
        version: 1,
        status: 'confirmed',
        startsAt: '2027-01-20T15:00:00-05:00',
        endsAt: '2027-01-20T16:00:00-05:00',
        timezone: 'America/New_York',
        service: { id: 'svc_1', name: 'Deep Tissue Massage' },
        price: { amount: '120.00', currency: 'USD' },
        payment: { status: 'paid' },
        customer: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          phone: '(415) 555-0100', // national: read in the Location's country
        },
      };
      const posted = await json(`${api}/v1/workspaces/${workspace.id}/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workspace.apiKey}` },
        body: JSON.stringify(booking),
      });
      assert(
        posted.status === 202,
        `post booking: ${posted.status} ${JSON.stringify(posted.body)}`,
      );
      const synced = await waitFor('the booking to sync', async () => {
        const { body } = await json(`${api}/v1/workspaces/${workspace.id}/bookings/${booking.id}`, {
          headers: { authorization: `Bearer ${workspace.apiKey}` },
        });
        if (body?.sync === 'failed') throw new Error(`sync failed: ${JSON.stringify(body)}`);
        return body?.sync === 'synced' ? body : undefined;
      });
      const { body: state } = await json(
        `${emulatorUrl}/_emulator/locations/${location.locationId}/state`,
      );
      const contacts = Object.values(state.contacts ?? {}).flat();
      const contact = contacts.find((c) => c.id === synced.highLevelContactId);
      assert(
        contact,
        `no contact ${synced.highLevelContactId} in HighLevel: ${JSON.stringify(state).slice(0, 500)}`,
      );
      assert(contact.email === 'ada@example.com', `contact email ${contact.email}`);
      assert(contact.phone === '+14155550100', `contact phone ${contact.phone}`);
      assert(
        contact.tags?.includes('booking:confirmed'),
        `contact tags ${JSON.stringify(contact.tags)}`,
      );
      const notes = JSON.stringify(state.notes ?? state);
      assert(notes.includes('[ghl-bridge booking bk_packaged_1 v1]'), 'no note for the booking');
    });

    await check(
      'an MCP client token lists and calls a catalogue tool on the installed server',
      async () => {
        const made = await json(`${api}/v1/workspaces/${workspace.id}/mcp/clients`, {
          method: 'POST',
          headers: { authorization: `Bearer ${workspace.apiKey}` },
          body: JSON.stringify({ name: 'Packaged agent' }),
        });
        assert(
          made.status === 201,
          `create MCP client: ${made.status} ${JSON.stringify(made.body)}`,
        );
        const mcp = (message) =>
          json(`${api}/v1/workspaces/${workspace.id}/mcp`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${made.body.token}`,
              accept: 'application/json, text/event-stream',
            },
            body: JSON.stringify({ jsonrpc: '2.0', id: 1, ...message }),
          });
        const listed = await mcp({ method: 'tools/list' });
        const names = (listed.body?.result?.tools ?? []).map((tool) => tool.name);
        assert(
          names.includes('list-calendars'),
          `tools/list: ${listed.status} ${names.length} tools`,
        );
        assert(!names.includes('create-contact'), 'a read-only client was offered create-contact');
        const called = await mcp({
          method: 'tools/call',
          params: { name: 'list-calendars', arguments: {} },
        });
        const result = called.body?.result;
        assert(
          called.status === 200 && result && !result.isError && result.structuredContent?.result,
          `tools/call list-calendars: ${called.status} ${JSON.stringify(called.body).slice(0, 300)}`,
        );
      },
    );

    await check('logs on stdout are JSON lines only', async () => {
      const lines = server.output.stdout.split('\n').filter((line) => line.trim() !== '');
      assert(lines.length > 0, 'start wrote no log line');
      for (const line of lines) {
        try {
          JSON.parse(line);
        } catch {
          throw new Error(`not JSON on stdout: ${line}`);
        }
      }
    });

    await check('on PostgreSQL nothing is written to the working directory', async () => {
      const left = readdirSync(app).filter((f) => !before.includes(f));
      assert(left.length === 0, `files left in the working directory: ${left.join(', ')}`);
    });

    await check('SIGTERM stops start and worker cleanly', async () => {
      const running = children.filter((c) => c.name === 'ghl-bridge');
      for (const c of running) c.child.kill('SIGTERM');
      for (const c of running) {
        const { code } = await c.exited;
        assert(code === 0, `${c.name} ${c.child.spawnargs.slice(1).join(' ')} exited with ${code}`);
      }
    });
  });
}

try {
  await main();
} catch {
  // already reported by check()
} finally {
  for (const c of children) c.child.kill('SIGKILL');
  if (failed === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work} for inspection`);
  console.log(`packaged: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
