/**
 * App install and uninstall webhooks. Their `type` is `INSTALL` / `UNINSTALL`, not the doc's
 * event name (`spec/highlevel/docs/webhook events/AppInstall.md`, `AppUninstall.md`). An
 * agency-level install has a `companyId` and no `locationId`.
 */
import type { WebhookEventOf } from '@ghl-bridge/client/webhooks';
import { compact, type DeliveryStamp } from './stamp.js';

export interface AppInstallInput {
  appId: string;
  companyId: string;
  locationId?: string;
  userId?: string;
  planId?: string;
  companyName?: string;
  isWhitelabelCompany?: boolean;
  whitelabelDetails?: { domain?: string; logoUrl?: string };
  trial?: { onTrial?: boolean; trialDuration?: number; trialStartDate?: string };
}

export interface AppUninstallInput {
  appId: string;
  companyId?: string;
  locationId?: string;
}

/**
 * The INSTALL event an app receives when a Location (or agency) installs it.
 *
 * @example
 * appInstallEvent({ appId, companyId, locationId, userId }, stampDelivery(clock));
 * // { type: 'INSTALL', appId, companyId, locationId, userId, timestamp, webhookId }
 */
export function appInstallEvent(
  install: AppInstallInput,
  stamp: DeliveryStamp,
): WebhookEventOf<'INSTALL'> {
  return compact({
    type: 'INSTALL' as const,
    appId: install.appId,
    companyId: install.companyId,
    locationId: install.locationId,
    userId: install.userId,
    planId: install.planId,
    trial: install.trial,
    isWhitelabelCompany: install.isWhitelabelCompany,
    whitelabelDetails: install.whitelabelDetails,
    companyName: install.companyName,
    ...stamp,
  });
}

/**
 * The UNINSTALL event an app receives when it is removed.
 *
 * @example
 * appUninstallEvent({ appId, locationId }, stampDelivery(clock));
 */
export function appUninstallEvent(
  uninstall: AppUninstallInput,
  stamp: DeliveryStamp,
): WebhookEventOf<'UNINSTALL'> {
  return compact({
    type: 'UNINSTALL' as const,
    appId: uninstall.appId,
    companyId: uninstall.companyId,
    locationId: uninstall.locationId,
    ...stamp,
  });
}
