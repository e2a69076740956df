/** `ghl-bridge migrate`: applies the SQL migrations and installs the queue's schema, then exits. */
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { QUEUES } from '../runtime.js';

export async function migrateCommand(options: {
  config: Config;
  out: (line: string) => void;
}): Promise<number> {
  const { config, out } = options;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database.db);
    out(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${database.description}: ${applied.join(', ')}`
        : `${database.description} is up to date.`,
    );
    const queue = createJobQueue({ database, queues: QUEUES });
    await queue.start();
    await queue.stop();
    out(`Queue ready: ${Object.keys(QUEUES).join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}
