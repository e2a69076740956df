/**
 * Puts the server together from a `Config`: database (migrated), queue, rate limiter, HighLevel
 * clients, metrics, the HTTP app and, unless told otherwise, the job workers. `ghl-bridge start`,
 * `worker` and the tests all build on this.
 */
import { createRateLimiter, type RateLimiter, type RateLimitWindow } from '@ghl-bridge/client';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { databaseLock } from './db/namedLock.js';
import { startRetentionSweep, type RetentionSweep } from './housekeeping/retention.js';
import { installAuth } from './oauth/installAuth.js';
import { installGone } from './oauth/installLifecycle.js';
import { createHighLevelClients, type HighLevelClients } from './highlevel/clients.js';
import {
  CONNECTION_CHECK_QUEUE,
  connectionCheckHandler,
  connectionCheckQueue,
} from './highlevel/connectionCheckJob.js';
import { createApp } from './http/app.js';
import type { App } from './http/env.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createJobQueue, type JobQueue } from './queue/jobQueue.js';
import { databaseRateLimitStore } from './rateLimit/databaseStore.js';
import { resolveSecrets, type Secrets } from './secrets.js';
import { contactSyncHandler } from './bookingSync/contactSyncJob.js';
import { syncNaming } from './bookingSync/core/naming.js';
import { CONTACT_SYNC_QUEUE, contactSyncQueue } from './bookingSync/syncJobStore.js';
import { recordRequestHistory, type RequestHistory } from './health/requestHistory.js';
import {
  HIGHLEVEL_WEBHOOK_QUEUE,
  highLevelWebhookHandler,
  highLevelWebhookQueue,
} from './highlevelWebhooks/webhookJob.js';
import type { WallClock } from './voice/context.js';
import {
  VOICE_FOLLOW_UP_QUEUE,
  voiceFollowUpHandler,
  voiceFollowUpQueue,
} from './voice/followUps.js';
import {
  VOICE_CONFIRMATIONS_QUEUE,
  voiceConfirmationsHandler,
  voiceConfirmationsQueue,
} from './voice/confirmations/confirmationJob.js';
import {
  handoffAlertHandler,
  VOICE_HANDOFF_ALERT_QUEUE,
  voiceHandoffAlertQueue,
} from './voice/handoff/handoffJob.js';
import { WEBHOOK_DELIVERY_QUEUE, webhookDeliveryQueue } from './webhooksOut/deliveryQueue.js';
import { webhookDeliveryHandler } from './webhooksOut/deliveryJob.js';
import {
  RECONCILIATION_QUEUE,
  reconciliationQueue,
  startReconciliation,
} from './reconciliation/startReconciliation.js';
import { startTriggers, TRIGGER_POLL_QUEUE, triggerPollQueue } from './triggers/startTriggers.js';
import { appRecordsHandler } from './appRecords/recordJob.js';
import { APP_RECORDS_QUEUE, appRecordsQueue } from './appRecords/recordQueue.js';

export const QUEUES = {
  [CONNECTION_CHECK_QUEUE]: connectionCheckQueue,
  [CONTACT_SYNC_QUEUE]: contactSyncQueue,
  [VOICE_FOLLOW_UP_QUEUE]: voiceFollowUpQueue,
  [VOICE_CONFIRMATIONS_QUEUE]: voiceConfirmationsQueue,
  [VOICE_HANDOFF_ALERT_QUEUE]: voiceHandoffAlertQueue,
  [HIGHLEVEL_WEBHOOK_QUEUE]: highLevelWebhookQueue,
  [WEBHOOK_DELIVERY_QUEUE]: webhookDeliveryQueue,
  [RECONCILIATION_QUEUE]: reconciliationQueue,
  [TRIGGER_POLL_QUEUE]: triggerPollQueue,
  [APP_RECORDS_QUEUE]: appRecordsQueue,
};

export interface RuntimeOptions {
  config: Config;
  /** HighLevel's fetch; the emulator's in demo mode and tests. Default the global fetch. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Run the job workers in this process. Default true. */
  worker?: boolean;
  /** Build the HTTP app (needs the admin token). Default true. */
  http?: boolean;
  /** Names this process in the job ledger. */
  workerName?: string;
  /** Per-Location budget; default HighLevel's 100 per 10 s and 200,000 per day. */
  rateLimitWindows?: readonly RateLimitWindow[];
  /**
   * What time it is for the voice tools' rules (lead time, days ahead, "today"); default the
   * system clock. Tests share the emulator's so both agree on a date of their choosing.
   */
  clock?: WallClock;
}

export interface Runtime {
  config: Config;
  database: Database;
  queue: JobQueue;
  metrics: Metrics;
  logger: Logger;
  limiter: RateLimiter;
  highLevel: HighLevelClients;
  secrets: Secrets;
  /** Undefined when built with `http: false`. */
  app: App | undefined;
  /** Stops the workers (waiting for jobs in hand), then closes the database. */
  stop(): Promise<void>;
}

/**
 * @example
 * const runtime = await createRuntime({ config: loadConfig(process.env) });
 * serve({ fetch: runtime.app!.fetch, port: runtime.config.port });
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const http = options.http ?? true;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const secrets = resolveSecrets(config, { needAdminToken: http });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let queue: JobQueue | undefined;
  let requestHistory: RequestHistory | undefined;
  let reconciliation: { stop(): Promise<void> } | undefined;
  let triggers: { stop(): Promise<void> } | undefined;
  let retention: RetentionSweep | undefined;
  try {
    const applied = await migrate(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

    const metrics = createMetrics();
    const clock = options.clock;
    const history = recordRequestHistory({
      db: database.db,
      logger,
      ...(clock ? { now: () => clock.now() } : {}),
    });
    requestHistory = history;
    // Embedded mode is one process: memory is enough. On PostgreSQL every process shares one
    // per-Location budget through the database (docs/highlevel-behaviour.md#rate-limits).
    const limiter = createRateLimiter({
      ...(database.kind === 'postgres' ? { store: databaseRateLimitStore(database.db) } : {}),
      ...(options.rateLimitWindows ? { windows: options.rateLimitWindows } : {}),
    });
    // The queue is made below; a refusal needs it only once jobs run.
    const refusals: { queue?: JobQueue } = {};
    const installs = installAuth({
      db: database.db,
      keyring: secrets.keyring,
      lock: databaseLock(database),
      app: config.oauth,
      onRefused: async (resourceId, reason) => {
        if (!refusals.queue) return;
        const gone = await installGone(database.db, refusals.queue, resourceId, reason);
        logger.warn(
          { resourceId, pausedWorkspaces: gone.pausedWorkspaceIds },
          "HighLevel refused an install's tokens",
        );
      },
    });
    const highLevel = createHighLevelClients({
      baseUrl: config.highLevelBaseUrl,
      fetch: options.fetch,
      limiter,
      keyring: secrets.keyring,
      installs,
      onEvent: (event) => {
        metrics.onClientEvent(event);
        history.onClientEvent(event);
      },
    });
    queue = createJobQueue({
      database,
      queues: QUEUES,
      workerName: options.workerName,
      onJobEvent: (event) => {
        metrics.onJobEvent(event);
        if (event.type === 'failed') {
          logger.warn({ queue: event.queue, jobId: event.jobId, err: event.error }, 'job failed');
        }
      },
      onError: (error) => logger.error({ err: error }, 'queue error'),
    });
    refusals.queue = queue;
    let queueReady = false;
    await queue.start();
    queueReady = true;
    const jobQueue = queue;
    metrics.setJobCounts(() => jobQueue.counts());

    if (options.worker ?? true) {
      await queue.work(
        CONNECTION_CHECK_QUEUE,
        connectionCheckHandler({ db: database.db, highLevel, queue }),
      );
      await queue.work(
        CONTACT_SYNC_QUEUE,
        contactSyncHandler({
          database,
          keyring: secrets.keyring,
          highLevel,
          queue,
          logger,
          naming: syncNaming(config),
        }),
        { concurrency: config.syncConcurrency },
      );
      await queue.work(
        APP_RECORDS_QUEUE,
        appRecordsHandler({ db: database.db, highLevel, queue, logger }),
        { concurrency: config.syncConcurrency },
      );
      const voiceDeps = {
        database,
        keyring: secrets.keyring,
        highLevel,
        queue,
        logger,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      };
      await queue.work(VOICE_FOLLOW_UP_QUEUE, voiceFollowUpHandler(voiceDeps));
      await queue.work(VOICE_CONFIRMATIONS_QUEUE, voiceConfirmationsHandler(voiceDeps));
      await queue.work(VOICE_HANDOFF_ALERT_QUEUE, handoffAlertHandler(voiceDeps));
      await queue.work(
        HIGHLEVEL_WEBHOOK_QUEUE,
        highLevelWebhookHandler({
          db: database.db,
          logger,
          queue: jobQueue,
          keyring: secrets.keyring,
        }),
      );
      await queue.work(
        WEBHOOK_DELIVERY_QUEUE,
        webhookDeliveryHandler({
          database,
          keyring: secrets.keyring,
          queue,
          logger,
          allowPrivate: config.webhooksAllowPrivate,
        }),
        // An attempt may wait 15 s on a slow endpoint: several at once, so one does not hold up the rest.
        { concurrency: 4 },
      );
      reconciliation = await startReconciliation({
        db: database.db,
        keyring: secrets.keyring,
        highLevel,
        queue,
        logger,
        intervalSeconds: config.reconcileIntervalSeconds,
        budgetShare: config.reconcileBudgetShare,
        rateLimitWindows: options.rateLimitWindows,
      });
      triggers = await startTriggers({
        db: database.db,
        highLevel,
        queue,
        logger,
        lookEverySeconds: config.triggerLookSeconds,
        budgetShare: config.triggerBudgetShare,
        rateLimitWindows: options.rateLimitWindows,
      });
      retention = startRetentionSweep({
        db: database.db,
        logger,
        retentionDays: config.retentionDays,
      });
    }

    const app = http
      ? createApp({
          adminToken: secrets.adminToken,
          bodyLimitBytes: config.bodyLimitBytes,
          database,
          keyring: secrets.keyring,
          logger,
          metrics,
          highLevel,
          queue,
          queueReady: () => queueReady,
          requestHistory: history,
          webhooksAllowPrivate: config.webhooksAllowPrivate,
          ...(config.oauth ? { oauthApp: config.oauth } : {}),
          ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
          highLevelWebhooks: {
            publicKeys: config.webhookPublicKeys,
            replayWindowMs: config.webhookReplayWindowMs,
          },
          ...(options.clock ? { clock: options.clock } : {}),
        })
      : undefined;

    let stopping: Promise<void> | undefined;
    return {
      config,
      database,
      queue,
      metrics,
      logger,
      limiter,
      highLevel,
      secrets,
      app,
      stop() {
        stopping ??= (async () => {
          queueReady = false;
          try {
            await reconciliation?.stop();
            await triggers?.stop();
            await retention?.stop();
            await jobQueue.stop();
          } finally {
            await history.stop().catch(() => undefined);
            await database.close();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await reconciliation?.stop().catch(() => undefined);
    await triggers?.stop().catch(() => undefined);
    await retention?.stop().catch(() => undefined);
    await queue?.stop(1000).catch(() => undefined);
    await requestHistory?.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
}
