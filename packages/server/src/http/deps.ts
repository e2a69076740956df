import type { OAuthAppConfig } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { RequestHistory } from '../health/requestHistory.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { WebhookKeyring } from '../highlevelWebhooks/publicKeys.js';
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
  /**
   * How `POST /v1/webhooks/highlevel` checks deliveries: the trusted keys and the replay window;
   * default HighLevel's published keys and five minutes.
   */
  highLevelWebhooks?: { publicKeys: WebhookKeyring; replayWindowMs: number };
  /** What time it is for the voice tools; default the system clock. */
  clock?: WallClock;
  /** GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: webhook URLs may be private and plain http. Default false. */
  webhooksAllowPrivate?: boolean;
  /** The marketplace app installs go through; undefined: `GET /v1/oauth/install` answers 404. */
  oauthApp?: OAuthAppConfig;
  /** GHL_BRIDGE_PUBLIC_URL: the bridge's own URL for the OAuth redirect; default the request's. */
  publicUrl?: string;
}
