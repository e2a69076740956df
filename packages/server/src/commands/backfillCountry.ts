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
import type { PhoneCountry } from '../bookingSync/core/customerPhone.js';
import { DryRunSourceError, openBackfillSource, readBackfillWorkspace } from './backfillSource.js';

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
    return (await readBackfillWorkspace(database, workspaceId, config))?.phoneCountry;
  } finally {
    await database.close();
  }
}
