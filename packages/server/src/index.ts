/**
 * @ghl-bridge/server: the bridge service as a library, for embedding and tests. Most users run
 * the `ghl-bridge` command instead.
 *
 * @example
 * import { createRuntime, loadConfig } from '@ghl-bridge/server';
 * const runtime = await createRuntime({ config: loadConfig(process.env) });
 * const res = await runtime.app!.request('/healthz');
 */
export { loadConfig, ConfigError, type Config, type ConfigFlags } from './config.js';
export { createRuntime, QUEUES, type Runtime, type RuntimeOptions } from './runtime.js';
export { createApp } from './http/app.js';
export type { App } from './http/env.js';
export { openDatabase, type Database, type DatabaseKind } from './db/database.js';
export { migrate } from './db/migrate.js';
export { DataDirLockedError } from './db/lockFile.js';
export {
  createJobQueue,
  type JobQueue,
  type JobHandler,
  type QueueDefinition,
} from './queue/jobQueue.js';
export { databaseRateLimitStore } from './rateLimit/databaseStore.js';
export { databaseLock, oauthRefreshLock, type NamedLock } from './db/namedLock.js';
export { main, run } from './cli.js';
