/**
 * The `highlevel-webhook` job (the imperative shell around `webhookOutcome`): finds the
 * workspaces connected to the webhook's Location, records the outcome for them, tells each
 * workspace's booking app (`core/appEvent.ts`: `appointment.*`, `contact.*`, `note.created`,
 * `task.*`) unless the reconciliation poll told that change first, and on an UNINSTALL marks
 * their connections as needing attention.
 */
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import { applyInstallEvent } from '../oauth/installEvents.js';
import { connectionsAtLocation, recordCredentialFailure } from '../highlevel/connectionStore.js';
import type { Logger } from '../logger.js';
import type { JobHandler, JobQueue, QueueDefinition } from '../queue/jobQueue.js';
import { stateOfWebhook } from '../reconciliation/core/recordState.js';
import { tellChange } from '../reconciliation/tellChange.js';
import { webhookLocationId, webhookOutcome, type WebhookOutcome } from './core/webhookOutcome.js';
import {
  findWebhook,
  settleWebhook,
  type HighLevelWebhookJobData,
  type WebhookRow,
} from './webhookStore.js';

export { HIGHLEVEL_WEBHOOK_QUEUE, type HighLevelWebhookJobData } from './webhookStore.js';

export const highLevelWebhookQueue: QueueDefinition = {
  policy: 'standard',
  retryLimit: 5,
  // A job lost with its worker would otherwise leave the row `received` for good.
  reportGivenUp: true,
};

/** Why a webhook was not processed, in words for the listing. */
function reasonFor(outcome: WebhookOutcome, type: string): string | null {
  switch (outcome.status) {
    case 'processed':
      return null;
    case 'unrouted':
      return outcome.locationId === undefined
        ? `This ${type} event names no Location (an agency-level event); the bridge routes events by locationId.`
        : `No workspace is connected to Location ${outcome.locationId}. Connect one with PUT /v1/workspaces/:ws/integrations/gohighlevel; events received before that are not routed again.`;
    case 'ignored':
      return outcome.why.reason === 'not_handled'
        ? `The bridge does not act on ${type} events; it is kept so you can see what HighLevel sent.`
        : `This ${type} event has no ${outcome.why.field}, so there is nothing to act on.`;
  }
}

function installGoneMessage(row: WebhookRow): string {
  return `HighLevel reports that the app was uninstalled (UNINSTALL webhook ${row.webhook_id}, sent ${row.sent_at.toISOString()}); its tokens are erased and this connection's sync jobs are paused. Install the app again (GET /v1/oauth/install) and choose this Location to resume them.`;
}

function uninstalledMessage(row: WebhookRow, locationId: string): string {
  return `HighLevel reports that the app was uninstalled from Location ${locationId} (UNINSTALL webhook ${row.webhook_id}, sent ${row.sent_at.toISOString()}). The bridge no longer receives this Location's events, and the API key may have been revoked with it. Install the app on the sub-account again in HighLevel, then reconnect with PUT /v1/workspaces/:ws/integrations/gohighlevel (a successful check or sync clears this message).`;
}

/**
 * The queue's handler for `highlevel-webhook` jobs, with its notice for jobs the queue gave up on.
 *
 * @example await queue.work(HIGHLEVEL_WEBHOOK_QUEUE, highLevelWebhookHandler({ db, logger, queue }));
 */
export function highLevelWebhookHandler(deps: {
  db: Kysely<DB>;
  logger: Logger;
  /** Tells the booking app (`connection.needs_attention`) when an uninstall stops a connection. */
  queue: JobQueue;
  /** Seals nothing here, but an agency's new Location is stored like any install. */
  keyring: Keyring;
}): JobHandler<HighLevelWebhookJobData> {
  const { db, logger, queue, keyring } = deps;
  const handler: JobHandler<HighLevelWebhookJobData> = async ({ data }) => {
    const row = await findWebhook(db, data.webhookId);
    // Settled by an earlier run of this job.
    if (!row || row.status !== 'received') return;
    const event = row.payload as IncomingWebhookEvent;
    const locationId = webhookLocationId(event);
    const settled = await db.transaction().execute(async (trx) => {
      const connections = locationId ? await connectionsAtLocation(trx, locationId) : [];
      const outcome = webhookOutcome(
        event,
        connections.map((connection) => connection.workspace_id),
      );
      const moved = await settleWebhook(trx, row, {
        status: outcome.status,
        workspaceIds: outcome.status === 'unrouted' ? [] : outcome.workspaceIds,
        reason: reasonFor(outcome, row.type),
      });
      if (moved && outcome.status === 'processed') {
        if (outcome.change.kind === 'app' && outcome.change.action === 'uninstalled') {
          // An API key may outlive the app: its connections are only told. Those through the
          // app's install are paused by `applyInstallEvent` below.
          const message = uninstalledMessage(row, outcome.locationId);
          for (const connection of connections) {
            if (connection.credential_kind !== 'api_key') continue;
            await recordCredentialFailure(trx, connection, message, queue);
          }
        }
        // Told to the app with the settling write: once per webhookId, however often it came,
        // and once per change: a state the reconciliation poll told already is not told again.
        const state = stateOfWebhook(event, outcome.change);
        if (state && outcome.change.kind !== 'app') {
          await tellChange(trx, queue, outcome.workspaceIds, {
            state,
            change: outcome.change,
            webhookId: row.webhook_id,
            tell: true,
            record: row.payload as Record<string, unknown>,
          });
        }
      }
      if (moved && (row.type === 'INSTALL' || row.type === 'UNINSTALL')) {
        await applyInstallEvent(
          trx,
          queue,
          keyring,
          row.payload as Record<string, unknown>,
          installGoneMessage(row),
        );
      }
      return moved ? outcome : undefined;
    });
    if (settled) {
      logger.info(
        { webhookId: row.webhook_id, type: row.type, locationId, status: settled.status },
        'webhook from HighLevel processed',
      );
    }
  };
  handler.givenUp = async ({ data, attempts, lastError }) => {
    const row = await findWebhook(db, data.webhookId);
    if (!row || row.status !== 'received') return;
    logger.warn({ webhookId: row.webhook_id, attempts }, 'webhook from HighLevel given up');
    const locationId = row.location_id;
    const connections = locationId ? await connectionsAtLocation(db, locationId) : [];
    await settleWebhook(db, row, {
      status: 'failed',
      workspaceIds: connections.map((connection) => connection.workspace_id),
      reason: `Processing failed ${attempts} times${lastError ? ` (${lastError})` : ''}: the workers could not reach the database or were stopped. The event is kept as received.`,
    });
  };
  return handler;
}
