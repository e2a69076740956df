/**
 * Where `backfill --dry-run` reads the workspace from, taking no exclusive lock and writing
 * nothing: PostgreSQL directly (any number of processes may read it); an embedded database
 * directly when no process holds it; else the `start` that holds it, over HTTP with the admin
 * token (`POST …/backfill/state`), since a second process must never open PGlite's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  readBackfillState,
  type BackfillStatePart,
  type BackfillStateQuery,
} from '../bookingSync/backfillState.js';
import type { Config } from '../config.js';
import { openDatabase, pgliteDir, type Database } from '../db/database.js';
import { DataDirLockedError } from '../db/lockFile.js';
import { pendingMigrations } from '../db/migrate.js';
import { findConnection } from '../highlevel/connectionStore.js';
import { ADMIN_TOKEN_FILE } from '../secrets.js';
import { phoneCountry, type PhoneCountry } from '../bookingSync/core/customerPhone.js';
import { namingFor, syncNaming, type SyncNaming } from '../bookingSync/core/naming.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import { count } from './backfillReport.js';
import { runningServerUrl } from './serverAddress.js';

/**
 * The dry run cannot read the workspace; the message says why and what to do.
 *
 * @example throw new DryRunSourceError('There is no embedded database in …');
 */
export class DryRunSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DryRunSourceError';
  }
}

/** The workspace as a backfill needs it. */
export interface BackfillWorkspace {
  id: string;
  name: string;
  naming: SyncNaming;
  /** The country booking phones without +country are read in. */
  phoneCountry: PhoneCountry | undefined;
}

export interface BackfillSource {
  /** Where the ledger is read, in words ("the running server at http://…"). */
  description: string;
  workspace(id: string): Promise<BackfillWorkspace | undefined>;
  read(workspaceId: string, query: BackfillStateQuery): Promise<BackfillStatePart>;
  close(): Promise<void>;
}

/**
 * Opens the source for `config`; throws `DryRunSourceError` when there is none to read.
 *
 * @example const source = await openBackfillSource(config);
 */
export async function openBackfillSource(
  config: Config,
  options: { fetch?: typeof fetch } = {},
): Promise<BackfillSource> {
  if (!config.databaseUrl && !existsSync(pgliteDir(config.dataDir))) {
    throw new DryRunSourceError(
      `There is no embedded database in ${resolve(config.dataDir)}: nothing was ever stored there. Check --data-dir (or GHL_BRIDGE_DATA_DIR), or DATABASE_URL.`,
    );
  }
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const url = runningServerUrl(config.dataDir);
    if (!url) {
      throw new DryRunSourceError(
        `${error.message} A dry run asks a running \`ghl-bridge start\` instead, but none serves HTTP from this directory.`,
      );
    }
    return serverSource(url, adminToken(config), config, options.fetch ?? fetch);
  }
  try {
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0) {
      throw new DryRunSourceError(
        `${database.description} lacks ${count(pending.length, 'migration')} of this version (${pending.join(', ')}); a dry run writes nothing, so run \`ghl-bridge migrate\` first.`,
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return databaseSource(database, config);
}

/**
 * The workspace `id` read from a database (its row and its connection's country), or undefined.
 *
 * @example const country = (await readBackfillWorkspace(database, 'ws_1', config))?.phoneCountry;
 */
export async function readBackfillWorkspace(
  database: Database,
  id: string,
  config: Config,
): Promise<BackfillWorkspace | undefined> {
  const row = await findWorkspace(database.db, id);
  if (!row) return undefined;
  const naming = namingFor(
    { fieldPrefix: row.booking_field_prefix, tagPrefix: row.booking_tag_prefix },
    syncNaming(config),
  );
  const connection = await findConnection(database.db, row.id);
  const country = phoneCountry({
    workspaceCountry: row.default_country,
    locationCountry: connection?.location_country,
  });
  return { id: row.id, name: row.name, naming, phoneCountry: country };
}

function databaseSource(database: Database, config: Config): BackfillSource {
  return {
    description: database.description,
    workspace: (id) => readBackfillWorkspace(database, id, config),
    read: (workspaceId, query) => readBackfillState(database.db, workspaceId, query),
    close: () => database.close(),
  };
}

function adminToken(config: Config): string {
  if (config.adminToken) return config.adminToken;
  const file = join(config.dataDir, ADMIN_TOKEN_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new DryRunSourceError(
      `To ask the running server, the dry run needs its admin token: set GHL_BRIDGE_ADMIN_TOKEN (${resolve(file)} does not exist).`,
    );
  }
}

function serverSource(
  url: string,
  token: string,
  config: Config,
  fetchImpl: typeof fetch,
): BackfillSource {
  const call = async (method: string, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetchImpl(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new DryRunSourceError(
        `The server holding ${resolve(config.dataDir)} does not answer at ${url} (${(error as Error).message}).`,
      );
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status === 401 || res.status === 403) {
      throw new DryRunSourceError(
        `The server at ${url} refused the admin token; set GHL_BRIDGE_ADMIN_TOKEN to the one it was started with.`,
      );
    }
    return { status: res.status, json };
  };
  return {
    description: `the running server at ${url}`,
    async workspace(id) {
      const { status, json } = await call('GET', `/v1/workspaces/${encodeURIComponent(id)}`);
      if (status === 404) return undefined;
      if (status !== 200) throw unexpected(url, status, json);
      const own = (json.bookingSync ?? {}) as {
        fieldPrefix?: string | null;
        tagPrefix?: string | null;
      };
      const integrations = json.integrations as
        { gohighlevel?: { locationCountry?: string | null } } | undefined;
      return {
        id: String(json.id),
        name: String(json.name),
        naming: namingFor(
          { fieldPrefix: own.fieldPrefix ?? null, tagPrefix: own.tagPrefix ?? null },
          syncNaming(config),
        ),
        phoneCountry: phoneCountry({
          workspaceCountry: json.defaultCountry as string | null | undefined,
          locationCountry: integrations?.gohighlevel?.locationCountry,
        }),
      };
    },
    async read(workspaceId, query) {
      const path = `/v1/workspaces/${encodeURIComponent(workspaceId)}/backfill/state`;
      const { status, json } = await call('POST', path, query);
      if (status !== 200) throw unexpected(url, status, json);
      return json as unknown as BackfillStatePart;
    },
    close: () => Promise.resolve(),
  };
}

function unexpected(url: string, status: number, json: Record<string, unknown>): DryRunSourceError {
  const error = json.error as { message?: string } | undefined;
  return new DryRunSourceError(
    `The server at ${url} answered ${status}${error?.message ? `: ${error.message}` : ''}.`,
  );
}
