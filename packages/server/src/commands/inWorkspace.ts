/**
 * The frame of a one-off command that acts on one workspace (`actions run`, `triggers add`): the
 * database opened and migrated, the workspace found (or a clear ✗), and a refusal the API would
 * answer printed in its words, each wrong field on its own line, exit 1.
 */
import type { Config } from '../config.js';
import { CredentialKeyError } from '../crypto/credentials.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { HttpError } from '../http/httpError.js';
import { resolveSecrets, type Secrets } from '../secrets.js';
import { findWorkspace, type WorkspaceRow } from '../workspaces/workspaceStore.js';

export interface WorkspaceContext {
  database: Database;
  workspace: WorkspaceRow;
  secrets: Secrets;
}

/**
 * Runs `run` for the workspace; returns its exit code, or 1 when the workspace is missing or the
 * work was refused.
 *
 * @example return inWorkspace({ config, workspaceId, err }, async ({ database, workspace }) => 0);
 */
export async function inWorkspace(
  options: { config: Config; workspaceId: string; err: (line: string) => void },
  run: (context: WorkspaceContext) => Promise<number>,
): Promise<number> {
  const { config, err } = options;
  const secrets = resolveSecrets(config, { needAdminToken: false });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const workspace = await findWorkspace(database.db, options.workspaceId);
    if (!workspace) {
      err(`✗ There is no workspace ${options.workspaceId} in ${database.description}.`);
      return 1;
    }
    return await run({ database, workspace, secrets });
  } catch (error) {
    if (!(error instanceof HttpError) && !(error instanceof CredentialKeyError)) throw error;
    err(`✗ ${error.message}`);
    const fields = error instanceof HttpError ? error.details?.fields : undefined;
    for (const field of (fields ?? []) as { path: string; message: string }[]) {
      err(`  ${field.path}: ${field.message}`);
    }
    return 1;
  } finally {
    await database.close();
  }
}
