import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { RequestHistory } from '../health/requestHistory.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { JobQueue } from '../queue/jobQueue.js';
import type { WallClock } from '../voice/context.js';

/** Everything the HTTP routes use, injected so tests can build the app around real parts. */
export interface AppDeps {
  adminToken: string | undefined;
  bodyLimitBytes: number;
  database: Database;
  keyring: Keyring;
  logger: Logger;
  metrics: Metrics;
  highLevel: HighLevelClients;
  queue: JobQueue;
  /** True once the queue has started (readiness). */
  queueReady(): boolean;
  /** This process's HighLevel request counts, written before the Health page reads them. */
  requestHistory?: Pick<RequestHistory, 'flush'>;
  /** What time it is for the voice tools; default the system clock. */
  clock?: WallClock;
}
