/**
 * The marketplace app's installs in the database: one row per Location or agency the app holds
 * a token for, the tokens sealed (AES-256-GCM, like API keys) as one JSON value so that a refresh
 * replaces access and refresh token in one write.
 */
import type { OAuthTokens } from '@ghl-bridge/client';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { open, seal } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import { oauthTokensContext } from '../crypto/storedCredentials.js';
import type { DB, HighLevelOAuthInstallsTable } from '../db/schema.js';

export type InstallRow = Selectable<HighLevelOAuthInstallsTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** What the bridge keeps of a token response: the rest (scopes, ids) lives in the row. */
export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface NewInstall {
  /** The Location id, or the Company id of an agency install. */
  resourceId: string;
  userType: 'Location' | 'Company';
  companyId: string | undefined;
  locationId: string | undefined;
  /** For an agency's Location: the agency whose token mints its tokens. */
  viaCompanyId?: string;
  name: string | undefined;
  scopes: readonly string[];
  userId: string | undefined;
  /** None for an agency's Location (minted when needed). */
  tokens: StoredTokens | undefined;
  installedAt: Date;
}

function sealTokens(keyring: Keyring, resourceId: string, tokens: StoredTokens) {
  const sealed = seal(keyring, JSON.stringify(tokens), oauthTokensContext(resourceId));
  return { tokens_ciphertext: sealed.ciphertext, tokens_key_id: sealed.keyId };
}

/**
 * Stores an install (a new one, or one made again after an uninstall: tokens replaced, the
 * uninstall and any error forgotten).
 *
 * @example await saveInstall(db, keyring, { resourceId: 'loc_1', userType: 'Location', … });
 */
export async function saveInstall(
  db: Db,
  keyring: Keyring,
  input: NewInstall,
): Promise<InstallRow> {
  const row = {
    resource_id: input.resourceId,
    user_type: input.userType,
    company_id: input.companyId ?? null,
    location_id: input.locationId ?? null,
    via_company_id: input.viaCompanyId ?? null,
    name: input.name ?? null,
    scopes: [...input.scopes],
    user_id: input.userId ?? null,
    ...(input.tokens
      ? sealTokens(keyring, input.resourceId, input.tokens)
      : { tokens_ciphertext: null, tokens_key_id: null }),
    expires_at: input.tokens ? new Date(input.tokens.expiresAt) : null,
    installed_at: input.installedAt,
    uninstalled_at: null,
    last_error: null,
    updated_at: new Date(),
  };
  return db
    .insertInto('highlevel_oauth_installs')
    .values(row)
    .onConflict((oc) => {
      const update = oc.column('resource_id').doUpdateSet((eb) => ({
        ...row,
        tokens_version: eb('highlevel_oauth_installs.tokens_version', '+', 1),
      }));
      // An agency install lists Locations the app may hold a direct install of too: that
      // Location keeps its own token, which needs no minting.
      return input.viaCompanyId
        ? update.where((eb) =>
            eb.or([
              eb('highlevel_oauth_installs.tokens_ciphertext', 'is', null),
              eb('highlevel_oauth_installs.uninstalled_at', 'is not', null),
            ]),
          )
        : update;
    })
    .returningAll()
    .executeTakeFirst()
    .then(async (saved) => saved ?? (await findInstall(db, input.resourceId))!);
}

export function findInstall(db: Db, resourceId: string): Promise<InstallRow | undefined> {
  return db
    .selectFrom('highlevel_oauth_installs')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

/** The tokens of an install as last stored; undefined when it has none (uninstalled, or minted). */
export function installTokens(
  keyring: Keyring,
  row: Pick<InstallRow, 'resource_id' | 'tokens_ciphertext' | 'tokens_key_id'>,
): StoredTokens | undefined {
  if (!row.tokens_ciphertext || !row.tokens_key_id) return undefined;
  const plain = open(
    keyring,
    { ciphertext: row.tokens_ciphertext, keyId: row.tokens_key_id },
    oauthTokensContext(row.resource_id),
  );
  return JSON.parse(plain) as StoredTokens;
}

/**
 * Stores refreshed tokens: the one write that must land before the new access token is used,
 * since HighLevel's refresh tokens work once. Only on an install that is still installed.
 *
 * @example await writeTokens(db, keyring, 'loc_1', next);
 */
export async function writeTokens(
  db: Db,
  keyring: Keyring,
  resourceId: string,
  tokens: OAuthTokens | StoredTokens,
): Promise<void> {
  const kept: StoredTokens = {
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
  };
  await db
    .updateTable('highlevel_oauth_installs')
    .set((eb) => ({
      ...sealTokens(keyring, resourceId, kept),
      expires_at: new Date(kept.expiresAt),
      tokens_version: eb('tokens_version', '+', 1),
      last_error: null,
      updated_at: new Date(),
    }))
    .where('resource_id', '=', resourceId)
    .where('uninstalled_at', 'is', null)
    .execute();
}

/**
 * Marks an install (and, for an agency, every Location it covers) as gone: the tokens erased,
 * `reason` kept. Returns the Locations that lost their token.
 *
 * @example const locationIds = await markUninstalled(trx, 'cmp_1', 'UNINSTALL webhook …');
 */
export async function markUninstalled(
  db: Db,
  resourceId: string,
  reason: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable('highlevel_oauth_installs')
    .set({
      tokens_ciphertext: null,
      tokens_key_id: null,
      expires_at: null,
      uninstalled_at: at,
      last_error: reason,
      updated_at: new Date(),
    })
    .where((eb) =>
      eb.or([eb('resource_id', '=', resourceId), eb('via_company_id', '=', resourceId)]),
    )
    .where('uninstalled_at', 'is', null)
    .returning(['location_id'])
    .execute();
  return rows.flatMap((r) => (r.location_id ? [r.location_id] : []));
}

/** The Locations a workspace can connect to by choosing: installed, directly or by an agency. */
export function installedLocations(db: Db): Promise<InstallRow[]> {
  return db
    .selectFrom('highlevel_oauth_installs')
    .selectAll()
    .where('user_type', '=', 'Location')
    .where('uninstalled_at', 'is', null)
    .orderBy('name')
    .orderBy('resource_id')
    .execute();
}
