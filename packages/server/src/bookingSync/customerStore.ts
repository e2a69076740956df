/**
 * What ghl-bridge remembers per customer and per Location between syncs: the HighLevel contact
 * id, the tags it applied, and the custom field ids. Cached values are tied to the Location they
 * came from, so a workspace reconnected to another Location starts clean there.
 */
import type { Expression, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { FieldIds } from './core/customFields.js';

export interface CustomerCache {
  contactId: string | undefined;
  appliedTags: string[];
}

/** A customer's row as stored. */
export interface CustomerRow {
  location_id: string | null;
  contact_id: string | null;
  applied_tags: string[];
}

/** A cached field id as stored. */
export interface FieldIdRow {
  location_id: string;
  field_key: string;
  field_id: string;
}

/**
 * The customer's row, for reading together with the rest of what a sync job needs.
 *
 * @example jsonObjectFrom(customerQuery(db, sql.ref('job.workspace_id'), sql.ref('job.customer_key')))
 */
export function customerQuery(
  db: Kysely<DB>,
  workspaceId: string | Expression<string>,
  customerKey: string | Expression<string>,
) {
  return db
    .selectFrom('customers')
    .select(['location_id', 'contact_id', 'applied_tags'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_key', '=', customerKey);
}

/**
 * What is cached for a customer in `locationId` (nothing, if its row belongs to another).
 *
 * @example const { contactId, appliedTags } = customerCacheFrom(claim.stored.customer, locationId);
 */
export function customerCacheFrom(row: CustomerRow | undefined, locationId: string): CustomerCache {
  if (!row || row.location_id !== locationId) return { contactId: undefined, appliedTags: [] };
  return { contactId: row.contact_id ?? undefined, appliedTags: row.applied_tags };
}

/**
 * The upsert of a customer's cache, not run yet: to go into one statement with a sync step's
 * other writes.
 *
 * @example journal.withNext('customer', customerWrite(db, workspaceId, key, locationId, { contactId }));
 */
export function customerWrite(
  db: Kysely<DB>,
  workspaceId: string,
  customerKey: string,
  locationId: string,
  update: { contactId?: string; appliedTags?: string[] },
) {
  const set = {
    location_id: locationId,
    ...(update.contactId !== undefined ? { contact_id: update.contactId } : {}),
    ...(update.appliedTags !== undefined ? { applied_tags: update.appliedTags } : {}),
    updated_at: new Date(),
  };
  return db
    .insertInto('customers')
    .values({ workspace_id: workspaceId, customer_key: customerKey, contact_id: null, ...set })
    .onConflict((oc) => oc.columns(['workspace_id', 'customer_key']).doUpdateSet(set));
}

/**
 * The cache of each of `customerKeys` in `locationId`; customers never synced there are left out.
 *
 * @example const caches = await loadCustomers(db, workspaceId, ['ada@example.com'], locationId);
 */
export async function loadCustomers(
  db: Kysely<DB>,
  workspaceId: string,
  customerKeys: readonly string[],
  locationId: string,
): Promise<Map<string, CustomerCache>> {
  if (customerKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_key', 'in', [...customerKeys])
    .where('location_id', '=', locationId)
    .execute();
  return new Map(
    rows.map((row) => [
      row.customer_key,
      { contactId: row.contact_id ?? undefined, appliedTags: row.applied_tags },
    ]),
  );
}

/**
 * The workspace's cached field ids, in every Location, for reading together with the rest of
 * what a sync job needs.
 *
 * @example jsonArrayFrom(fieldIdsQuery(db, sql.ref('job.workspace_id')))
 */
export function fieldIdsQuery(db: Kysely<DB>, workspaceId: string | Expression<string>) {
  return db
    .selectFrom('custom_field_ids')
    .select(['location_id', 'field_key', 'field_id'])
    .where('workspace_id', '=', workspaceId);
}

/**
 * The field ids cached for `locationId`, by field key.
 *
 * @example const fieldIds = fieldIdsFrom(claim.stored.fieldIds, locationId);
 */
export function fieldIdsFrom(
  rows: readonly FieldIdRow[],
  locationId: string,
): Record<string, string> {
  return Object.fromEntries(
    rows
      .filter((row) => row.location_id === locationId)
      .map((row) => [row.field_key, row.field_id]),
  );
}

/**
 * The field ids cached for one workspace and Location, by field key.
 *
 * @example const fieldIds = await loadFieldIds(db, workspaceId, locationId);
 */
export async function loadFieldIds(
  db: Kysely<DB>,
  workspaceId: string,
  locationId: string,
): Promise<Record<string, string>> {
  const rows = await fieldIdsQuery(db, workspaceId).where('location_id', '=', locationId).execute();
  return fieldIdsFrom(rows, locationId);
}

/**
 * Replaces the cached field ids of one workspace and Location.
 *
 * @example await saveFieldIds(db, workspaceId, locationId, { 'contact.bookings_total_bookings': 'f_1' });
 */
export async function saveFieldIds(
  db: Kysely<DB>,
  workspaceId: string,
  locationId: string,
  fieldIds: FieldIds,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('custom_field_ids')
      .where('workspace_id', '=', workspaceId)
      .where('location_id', '=', locationId)
      .execute();
    const rows = Object.entries(fieldIds).map(([key, id]) => ({
      workspace_id: workspaceId,
      location_id: locationId,
      field_key: key,
      field_id: id,
    }));
    if (rows.length > 0) await trx.insertInto('custom_field_ids').values(rows).execute();
  });
}

/**
 * Forgets the cached field ids (HighLevel rejected one): the next sync provisions again.
 *
 * @example await clearFieldIds(db, workspaceId, locationId);
 */
export async function clearFieldIds(
  db: Kysely<DB>,
  workspaceId: string,
  locationId: string,
): Promise<void> {
  await saveFieldIds(db, workspaceId, locationId, {});
}
