/**
 * HighLevel's INSTALL and UNINSTALL webhooks applied to the app's installs
 * (https://marketplace.gohighlevel.com/docs/webhook/AppInstall,
 * https://marketplace.gohighlevel.com/docs/webhook/AppUninstall). An UNINSTALL of a Location, or of
 * an agency (only `companyId`), erases the tokens and pauses the connections through them. An
 * INSTALL on a Location of an agency the app holds a token for adds the Location to those a
 * workspace can choose, its tokens minted from the agency's.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { installBack, installGone } from './installLifecycle.js';
import { findInstall, saveInstall } from './installStore.js';
import type { Keyring } from '../crypto/keyring.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * @example await applyInstallEvent(trx, queue, keyring, { type: 'UNINSTALL', locationId: 'loc_1' }, 'The app was uninstalled …');
 */
export async function applyInstallEvent(
  trx: Kysely<DB>,
  queue: JobQueue,
  keyring: Keyring,
  event: Readonly<Record<string, unknown>>,
  uninstallReason: string,
): Promise<void> {
  const locationId = text(event.locationId);
  const companyId = text(event.companyId);
  if (event.type === 'UNINSTALL') {
    const resourceId = locationId ?? companyId;
    if (resourceId) await installGone(trx, queue, resourceId, uninstallReason);
    return;
  }
  if (event.type !== 'INSTALL' || !locationId || !companyId) return;
  const agency = await findInstall(trx, companyId);
  if (!agency || agency.uninstalled_at || agency.user_type !== 'Company') return;
  await saveInstall(trx, keyring, {
    resourceId: locationId,
    userType: 'Location',
    companyId,
    locationId,
    viaCompanyId: companyId,
    name: undefined,
    scopes: agency.scopes,
    userId: text(event.userId),
    tokens: undefined,
    installedAt: new Date(),
  });
  await installBack(trx, queue, [locationId]);
}
