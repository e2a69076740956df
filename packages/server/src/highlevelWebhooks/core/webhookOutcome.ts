/**
 * What becomes of a received webhook: the statuses a user sees in
 * `GET /v1/workspaces/:ws/highlevel-webhooks`, and the rule that picks one for an event and the
 * workspaces connected to its Location.
 */
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import {
  bridgeChangeOf,
  isBridgeChange,
  type BridgeChange,
  type NoChange,
} from './bridgeChange.js';

/**
 * `received`: stored, its job not run yet. `processed`: routed and turned into a change.
 * `unrouted`: no workspace is connected to its Location (or it names none). `ignored`: routed, but
 * nothing the bridge acts on. `failed`: its job gave up; `error` says why.
 */
export const WEBHOOK_STATUSES = ['received', 'processed', 'unrouted', 'ignored', 'failed'] as const;

export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export type WebhookOutcome =
  | { status: 'unrouted'; locationId: string | undefined }
  | { status: 'ignored'; locationId: string; workspaceIds: string[]; why: NoChange }
  | {
      status: 'processed';
      locationId: string;
      workspaceIds: string[];
      change: BridgeChange;
    };

/**
 * The Location a webhook is about: `locationId`, which every Location-level event carries; an
 * agency-level install names only its `companyId`.
 *
 * @example webhookLocationId({ type: 'ContactCreate', locationId: 'loc_1', … }) // 'loc_1'
 */
export function webhookLocationId(event: IncomingWebhookEvent): string | undefined {
  const { locationId } = event as { locationId?: unknown };
  return typeof locationId === 'string' && locationId !== '' ? locationId : undefined;
}

/**
 * The outcome for `event`, given the workspaces connected to its Location.
 *
 * @example
 * webhookOutcome({ type: 'ContactDelete', locationId: 'loc_1', id: 'c_1', … }, ['ws_1']);
 * // { status: 'processed', locationId: 'loc_1', workspaceIds: ['ws_1'],
 * //   change: { kind: 'contact', action: 'deleted', id: 'c_1', locationId: 'loc_1' } }
 */
export function webhookOutcome(
  event: IncomingWebhookEvent,
  connectedWorkspaceIds: readonly string[],
): WebhookOutcome {
  const locationId = webhookLocationId(event);
  if (locationId === undefined || connectedWorkspaceIds.length === 0) {
    return { status: 'unrouted', locationId };
  }
  const workspaceIds = [...connectedWorkspaceIds];
  const result = bridgeChangeOf(event, locationId);
  if (!isBridgeChange(result)) return { status: 'ignored', locationId, workspaceIds, why: result };
  return { status: 'processed', locationId, workspaceIds, change: result };
}
