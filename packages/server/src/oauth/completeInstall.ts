/**
 * The end of an install: HighLevel redirected back with a `code`; trade it for tokens and store
 * them at once (the code works once, and the refresh token is the install's only lasting
 * credential). A Location install is one Location. An agency install is the agency's token plus
 * the Locations it approved, listed with `GET /oauth/installedLocations`; their tokens are minted
 * from the agency's when first needed
 * (https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0). Workspaces paused on these
 * Locations resume.
 */
import { HighLevelError, type HighLevel, type OAuthTokens } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { OAuthAppConfig } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { installBack } from './installLifecycle.js';
import { saveInstall } from './installStore.js';

export interface CompleteInstallDeps {
  db: Kysely<DB>;
  keyring: Keyring;
  highLevel: HighLevelClients;
  queue: JobQueue;
  app: OAuthAppConfig;
}

export interface InstalledLocation {
  locationId: string;
  name: string | null;
}

export interface CompletedInstall {
  userType: 'Location' | 'Company';
  companyId: string | null;
  /** The Locations workspaces can now connect to by choosing them. */
  locations: InstalledLocation[];
  /** Workspaces that were paused on these Locations and now resume. */
  resumedWorkspaceIds: string[];
}

/** HighLevel's marketplace app id: the Client ID up to its `-`. */
export const appIdOf = (clientId: string) => clientId.split('-')[0]!;

/** Locations fetched per page of `GET /oauth/installedLocations`. */
const PAGE = 100;

/**
 * @example const done = await completeInstall(deps, code, 'https://bridge.example.com/v1/oauth/callback');
 */
export async function completeInstall(
  deps: CompleteInstallDeps,
  code: string,
  redirectUri: string,
): Promise<CompletedInstall> {
  const { app } = deps;
  const tokens = await deps.highLevel
    .forApp()
    .oauth.exchangeCode(
      { clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri },
      { priority: 'interactive' },
    );
  const installedAt = new Date();
  const scopes = tokens.scope?.split(/\s+/).filter(Boolean) ?? [...app.scopes];
  if (tokens.userType !== 'Company' && tokens.locationId) {
    const locationId = tokens.locationId;
    const name = await locationName(
      deps.highLevel.forKey(tokens.accessToken, locationId),
      locationId,
    );
    const resumed = await deps.db.transaction().execute(async (trx) => {
      await saveInstall(trx, deps.keyring, {
        resourceId: locationId,
        userType: 'Location',
        companyId: tokens.companyId,
        locationId,
        name: name ?? undefined,
        scopes,
        userId: tokens.userId,
        tokens: kept(tokens),
        installedAt,
      });
      return installBack(trx, deps.queue, [locationId]);
    });
    return {
      userType: 'Location',
      companyId: tokens.companyId ?? null,
      locations: [{ locationId, name }],
      resumedWorkspaceIds: resumed,
    };
  }
  const companyId = tokens.companyId;
  if (!companyId) {
    throw new HighLevelError(
      'bad_request',
      'HighLevel answered the install without a locationId or companyId',
    );
  }
  // The agency's tokens first, on their own: whatever fails next, they are kept.
  await saveInstall(deps.db, deps.keyring, {
    resourceId: companyId,
    userType: 'Company',
    companyId,
    locationId: undefined,
    name: undefined,
    scopes,
    userId: tokens.userId,
    tokens: kept(tokens),
    installedAt,
  });
  const locations = await agencyLocations(deps.highLevel.forKey(tokens.accessToken, companyId), {
    companyId,
    appId: appIdOf(app.clientId),
  });
  const resumed = await deps.db.transaction().execute(async (trx) => {
    for (const location of locations) {
      await saveInstall(trx, deps.keyring, {
        resourceId: location.locationId,
        userType: 'Location',
        companyId,
        locationId: location.locationId,
        viaCompanyId: companyId,
        name: location.name ?? undefined,
        scopes,
        userId: tokens.userId,
        tokens: undefined,
        installedAt,
      });
    }
    return installBack(
      trx,
      deps.queue,
      locations.map((l) => l.locationId),
    );
  });
  return { userType: 'Company', companyId, locations, resumedWorkspaceIds: resumed };
}

function kept(tokens: OAuthTokens) {
  return {
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
  };
}

/** The Location's name for the chooser; a failure to read it costs the name only. */
async function locationName(hl: HighLevel, locationId: string): Promise<string | null> {
  try {
    const body = await hl.raw<{ location?: { name?: unknown } }>('GET', '/locations/{locationId}', {
      path: { locationId },
      priority: 'interactive',
    });
    return typeof body.location?.name === 'string' ? body.location.name : null;
  } catch {
    return null;
  }
}

/** Every Location of the agency the app is installed on, page by page. */
async function agencyLocations(
  hl: HighLevel,
  query: { companyId: string; appId: string },
): Promise<InstalledLocation[]> {
  const found: InstalledLocation[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await hl.oauth.installedLocations(
      { ...query, isInstalled: true, skip: String(skip), limit: String(PAGE) },
      { priority: 'interactive' },
    );
    const rows = page.locations ?? [];
    for (const row of rows) {
      if (row.isInstalled === false) continue;
      found.push({ locationId: row._id, name: row.name ?? null });
    }
    if (rows.length < PAGE) return found;
  }
}
