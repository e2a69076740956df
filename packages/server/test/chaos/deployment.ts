/**
 * The `ghl-bridge` processes of a chaos run on one backend, and its database:
 *
 * - PostgreSQL: two `start --no-worker` (the API) and two `worker` processes, on a PostgreSQL
 *   server of the run's own (`postgresCluster.ts`), which the run may restart;
 * - PGlite: one `start` (API and workers, embedded database) on a data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createTestDatabase, installSchema } from '../backends.js';
import { ADMIN_TOKEN, SECRET_KEY } from '../harness.js';
import type { Role } from './fleet.js';
import { postgresBinaries, startPostgresCluster } from '../postgresCluster.js';

export type ChaosBackend = 'postgres' | 'pglite';

export interface Deployment {
  /** The processes' environment. */
  env: Record<string, string>;
  /** The role serving the API. */
  apiRole: Role;
  /** The processes to keep, the API role's included. */
  roles: Array<{ role: Role; count: number }>;
  /** The database, for the run's own reads and writes. */
  open(): Promise<Database>;
  /** PostgreSQL only: stops the server as a crash would, and starts it after `downMs`. */
  restartDatabase?: (downMs: number) => Promise<void>;
  destroy(): Promise<void>;
}

/** Why a PostgreSQL run cannot start, and what to do. */
export const NO_POSTGRES =
  'No PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin/initdb): the chaos run on PostgreSQL starts and restarts a server of its own. Install them (Debian: apt-get install postgresql).';

const API_READY = /API\s+(http:\/\/\S+)\/v1/;

/**
 * A fresh database on `backend`, and the processes to run on it against HighLevel at
 * `highLevelUrl`.
 *
 * @example
 * const deployment = await deploy('pglite', highLevel.url);
 * const fleet = supervisedFleet(deployment.env);
 * for (const { role, count } of deployment.roles) await fleet.add(role, count);
 */
export async function deploy(backend: ChaosBackend, highLevelUrl: string): Promise<Deployment> {
  const env = {
    GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
    GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
    GHL_API_BASE_URL: highLevelUrl,
  };
  if (backend === 'pglite') {
    const testDb = await createTestDatabase('pglite');
    const server: Role = {
      name: 'server',
      args: ['start', '--port', '0', '--data-dir', testDb.dataDir],
      ready: API_READY,
    };
    return {
      env,
      apiRole: server,
      roles: [{ role: server, count: 1 }],
      open: () => openDatabase({ dataDir: testDb.dataDir }),
      destroy: () => testDb.drop(),
    };
  }
  const bin = postgresBinaries();
  if (!bin) throw new Error(NO_POSTGRES);
  const cluster = await startPostgresCluster(bin);
  // Nothing should land there with the secrets in the environment; never the working directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-chaos-'));
  // Migrated here, once: the four processes then start side by side.
  await installSchema({ databaseUrl: cluster.url, dataDir });
  // Two replicas of each, one always at work while the other restarts: the traffic and the sync
  // go on through the kills (the first crash and the database restart take everything down).
  const api: Role = {
    name: 'api',
    args: ['start', '--no-worker', '--port', '0', '--data-dir', dataDir],
    ready: API_READY,
    keepOneReady: true,
  };
  const worker: Role = {
    name: 'worker',
    args: ['worker', '--data-dir', dataDir],
    ready: /is processing jobs from PostgreSQL/,
    keepOneReady: true,
  };
  return {
    env: { ...env, DATABASE_URL: cluster.url },
    apiRole: api,
    roles: [
      { role: api, count: 2 },
      { role: worker, count: 2 },
    ],
    open: () => openDatabase({ databaseUrl: cluster.url, dataDir, poolSize: 2 }),
    restartDatabase: (downMs) => cluster.restart(downMs),
    async destroy() {
      await cluster.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
