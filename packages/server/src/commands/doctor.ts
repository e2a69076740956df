/** `ghl-bridge doctor --workspace ID`: the stored connection checked against HighLevel, in plain words. */
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { checkConnection } from '../highlevel/checkConnection.js';
import { findConnection } from '../highlevel/connectionStore.js';
import { requiredScopes } from '../highlevel/core/scopeChecks.js';
import { resolveSecrets } from '../secrets.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import { commandClients } from './commandClients.js';
import { doctorReport } from './doctorReport.js';

/** Returns the exit code: 0 when everything is in place. */
export async function doctorCommand(options: {
  config: Config;
  workspaceId: string;
  fetch?: typeof fetch;
  /** How to name HighLevel in the output; default its base URL. */
  highLevelName?: string;
  out: (line: string) => void;
}): Promise<number> {
  const { config, out } = options;
  const secrets = resolveSecrets(config, { needAdminToken: false });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const workspace = await findWorkspace(database.db, options.workspaceId);
    if (!workspace) {
      out(`✗ There is no workspace ${options.workspaceId} in ${database.description}.`);
      return 1;
    }
    const connection = await findConnection(database.db, workspace.id);
    let check;
    if (connection) {
      const client = commandClients(config, database, secrets, options.fetch).forConnection(
        connection,
      );
      out(
        `Checking against ${options.highLevelName ?? `HighLevel at ${config.highLevelBaseUrl}`} …`,
      );
      check = await checkConnection(
        client,
        connection.location_id,
        requiredScopes(workspace.features),
      );
    }
    const report = doctorReport(workspace, connection, check, {
      // The demo's HighLevel is in-process: no address to check.
      ...(options.fetch ? {} : { highLevelBaseUrl: config.highLevelBaseUrl }),
    });
    for (const line of report.lines) out(line);
    return report.healthy ? 0 : 1;
  } finally {
    await database.close();
  }
}
