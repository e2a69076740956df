/**
 * The country a backfill reads phones without +country in: the workspace's, exactly as
 * `POST …/bookings` reads them (its `defaultCountry`, else its Location's). It is needed before
 * the file is validated, since a national number is valid only in a country; so it is read
 * first, where the run reads the workspace anyway: a dry run from its source (never migrating,
 * never opening the database of a running server), a real run from the database it migrates.
 */
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { findConnection } from '../gohighlevel/connectionStore.js';
import { phoneCountry, type PhoneCountry } from '../sync/customerPhone.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import { DryRunSourceError, openBackfillSource } from './backfillSource.js';

/**
 * The workspace's phone country, or none (also when the workspace or its source cannot be read:
 * the run says why when it gets there).
 *
 * @example const country = await backfillPhoneCountry({ config, workspaceId, dryRun: false });
 */
export async function backfillPhoneCountry(options: {
  config: Config;
  workspaceId: string;
  dryRun: boolean;
}): Promise<PhoneCountry | undefined> {
  const { config, workspaceId } = options;
  if (options.dryRun) {
    let source;
    try {
      source = await openBackfillSource(config);
      return (await source.workspace(workspaceId))?.phoneCountry;
    } catch (error) {
      if (error instanceof DryRunSourceError) return undefined;
      throw error;
    } finally {
      await source?.close();
    }
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const workspace = await findWorkspace(database.db, workspaceId);
    if (!workspace) return undefined;
    const connection = await findConnection(database.db, workspace.id);
    return phoneCountry({
      workspaceCountry: workspace.default_country,
      locationCountry: connection?.location_country,
    });
  } finally {
    await database.close();
  }
}
