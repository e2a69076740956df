/**
 * OAuth refresh across processes on PostgreSQL: HighLevel's refresh tokens work once, so two
 * `ghl-bridge worker` processes with twenty jobs between them and an expired access token must
 * spend the refresh token exactly once and store the new one; and a process killed after
 * HighLevel rotated the token but before the bridge stored it must leave the connection plainly
 * in need of a re-install, never quietly broken.
 */
import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { workerWorldPerSuite } from '../../test/workerWorld.js';
import { SECRET_KEY } from '../../test/harness.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';
import { waitFor } from '../../test/waitFor.js';
import { keyringFrom } from '../crypto/keyring.js';
import { CONNECTION_CHECK_QUEUE } from '../highlevel/connectionCheckJob.js';
import { saveConnection } from '../highlevel/connectionStore.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { QUEUES } from '../runtime.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';
import { findInstall, installTokens, saveInstall } from './installStore.js';

const JOBS = 20;
const DAY = 24 * 3600_000;
const postgres = backends().find((b) => b.name === 'postgres')!;
const keyring = keyringFrom([SECRET_KEY]);

describe.skipIf(!postgres.available)('OAuth tokens refreshed by several processes', () => {
  const world = workerWorldPerSuite();
  let workers: CliProcess[] = [];

  afterEach(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    workers = [];
  });

  /**
   * A workspace connected through the app's install on a new Location, whose stored access token
   * has expired (a day passed in HighLevel, and the bridge's copy says so too).
   */
  async function installedWorkspace(name: string) {
    const control = world.emulator.control;
    const { locationId } = control.createLocation({ name });
    const app = control.registerApp({ name: 'Bridge' });
    const { code } = control.installApp(app.appId, { locationId });
    const hl = new HighLevel({
      auth: privateIntegrationToken('none'),
      baseUrl: world.highLevel.url,
    });
    const tokens = await hl.oauth.exchangeCode({ ...app, code });
    await saveInstall(world.database.db, keyring, {
      resourceId: locationId,
      userType: 'Location',
      companyId: tokens.companyId,
      locationId,
      name,
      scopes: tokens.scope?.split(' ') ?? [],
      userId: tokens.userId,
      tokens: { ...tokens, refreshToken: tokens.refreshToken!, expiresAt: Date.now() - 60_000 },
      installedAt: new Date(),
    });
    const { workspace } = await createWorkspace(world.database.db, {
      name,
      features: ['bookings'],
    });
    await saveConnection(world.database.db, keyring, {
      workspaceId: workspace.id,
      locationId,
      locationName: name,
      credentials: { kind: 'oauth' },
      scopes: [],
      connectedAt: new Date(),
    });
    control.setClock(control.now() + DAY);
    const env = {
      DATABASE_URL: world.testDb.databaseUrl!,
      GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
      GHL_API_BASE_URL: world.highLevel.url,
      GHL_OAUTH_CLIENT_ID: app.clientId,
      GHL_OAUTH_CLIENT_SECRET: app.clientSecret,
    };
    return { workspaceId: workspace.id, locationId, env, first: tokens.refreshToken! };
  }

  async function enqueueChecks(workspaceId: string, count: number): Promise<string[]> {
    const queue = createJobQueue({ database: world.database, queues: QUEUES });
    await queue.start();
    try {
      return await world.database.db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++) {
          ids.push(await queue.enqueue(trx, CONNECTION_CHECK_QUEUE, { workspaceId }));
        }
        return ids;
      });
    } finally {
      await queue.stop();
    }
  }

  const refreshes = () =>
    world.emulator.control.requests({}).filter((r) => r.path === '/oauth/token').length;

  it('refresh once for twenty jobs in two processes, and store the rotated refresh token', async () => {
    const { workspaceId, locationId, env, first } = await installedWorkspace('Busy Spa');
    const before = refreshes();
    // HighLevel taking its time, as it does under load: neither process drains the queue before
    // the other polls, and the refresh is still under way when the other wants a token.
    world.emulator.control.addFault({ match: { path: '/oauth/token' }, latencyMs: 1000 });
    world.emulator.control.addFault({ match: { method: 'GET', locationId }, latencyMs: 300 });
    workers = [spawnCli(['worker'], env), spawnCli(['worker'], env)];
    await Promise.all(workers.map((w) => w.waitForOutput(/is processing jobs from PostgreSQL/)));
    const jobIds = await enqueueChecks(workspaceId, JOBS);

    const runs = await waitFor(
      async () => {
        const rows = await world.database.db
          .selectFrom('job_runs')
          .select(['job_id', 'runs', 'worker'])
          .where('job_id', 'in', jobIds)
          .execute();
        return rows.length === JOBS && rows;
      },
      { what: `${JOBS} checks done`, timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(runs.every((r) => r.runs === 1)).toBe(true);
    expect(new Set(runs.map((r) => r.worker)).size).toBe(2);
    expect(refreshes() - before).toBe(1);
    world.emulator.control.clearFaults();

    const connection = await world.database.db
      .selectFrom('gohighlevel_connections')
      .select(['last_error', 'paused_reason'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(connection).toEqual({ last_error: null, paused_reason: null });
    const stored = installTokens(keyring, (await findInstall(world.database.db, locationId))!)!;
    expect(stored.refreshToken).not.toBe(first);
    // The stored refresh token is the one HighLevel now honours.
    expect(Object.keys(world.emulator.control.snapshot().refreshTokens)).toContain(
      stored.refreshToken,
    );
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + DAY - 3600_000);
  });

  it('a process killed between the refresh and its write leaves the connection paused for a re-install', async () => {
    const { workspaceId, locationId, env, first } = await installedWorkspace('Fragile Spa');
    // Hold the install's row: the refresh goes through at HighLevel, its write waits here.
    const holder = new pg.Client({ connectionString: world.testDb.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(
        'select 1 from highlevel_oauth_installs where resource_id = $1 for update',
        [locationId],
      );
      const before = refreshes();
      workers = [spawnCli(['worker'], env)];
      await workers[0]!.waitForOutput(/is processing jobs from PostgreSQL/);
      await enqueueChecks(workspaceId, 1);
      await waitFor(() => refreshes() > before, { what: 'HighLevel rotating the refresh token' });
      // HighLevel has spent the stored refresh token and issued one the bridge never stored.
      expect(Object.keys(world.emulator.control.snapshot().refreshTokens)).not.toContain(first);
      await workers[0]!.kill('SIGKILL');
      // Killed before sending its write, or with the write sent and waiting for the row. In the
      // second case PostgreSQL notices the dead client only when it next talks to it, and the
      // write would go through once the row is free: it dies with its process here.
      const { rows: waiting } = await holder.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where pid <> pg_backend_pid() and query ilike 'update%highlevel_oauth_installs%'`,
      );
      expect(waiting.length).toBeLessThanOrEqual(1);
      await holder.query('rollback');
    } finally {
      await holder.end();
    }
    const stale = installTokens(keyring, (await findInstall(world.database.db, locationId))!)!;
    expect(stale.refreshToken).toBe(first);

    // The dead process's lease on the refresh lock runs out (30 s); made to run out now.
    await sql`update named_locks set until = now() where name like 'oauth-refresh:%'`.execute(
      world.database.db,
    );
    workers = [spawnCli(['worker'], env)];
    await workers[0]!.waitForOutput(/is processing jobs from PostgreSQL/);
    await enqueueChecks(workspaceId, 1);
    const paused = await waitFor(
      async () => {
        const row = await world.database.db
          .selectFrom('gohighlevel_connections')
          .select(['paused_reason', 'last_error'])
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow();
        return row.paused_reason !== null && row;
      },
      { what: 'the connection paused', timeoutMs: 30_000 },
    );
    expect(paused.paused_reason).toMatch(/install the app again/i);
    expect(paused.last_error).toBe(paused.paused_reason);
    const install = (await findInstall(world.database.db, locationId))!;
    expect(install.uninstalled_at).not.toBeNull();
    expect(install.tokens_ciphertext).toBeNull();
  });
});
