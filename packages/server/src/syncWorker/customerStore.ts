/**
 * What ghl-bridge remembers per customer and per Location between syncs: the HighLevel contact
 * id, the tags it applied, and the custom field ids. Cached values are tied to the Location they
 * came from, so a workspace reconnected to another Location starts clean there.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { FieldIds } from '../sync/customFields.js';

export interface CustomerCache {
  contactId: string | undefined;
  appliedTags: string[];
}

export async function loadCustomer(
  db: Kysely<DB>,
  workspaceId: string,
  customerKey: string,
  locationId: string,
): Promise<CustomerCache> {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_key', '=', customerKey)
    .executeTakeFirst();
  if (!row || row.location_id !== locationId) return { contactId: undefined, appliedTags: [] };
  return { contactId: row.contact_id ?? undefined, appliedTags: row.applied_tags };
}

export async function saveCustomer(
  db: Kysely<DB>,
  workspaceId: string,
  customerKey: string,
  locationId: string,
  update: { contactId?: string; appliedTags?: string[] },
): Promise<void> {
  const set = {
    location_id: locationId,
    ...(update.contactId !== undefined ? { contact_id: update.contactId } : {}),
    ...(update.appliedTags !== undefined ? { applied_tags: update.appliedTags } : {}),
    updated_at: new Date(),
  };
  await db
    .insertInto('customers')
    .values({ workspace_id: workspaceId, customer_key: customerKey, contact_id: null, ...set })
    .onConflict((oc) => oc.columns(['workspace_id', 'customer_key']).doUpdateSet(set))
    .execute();
}

/** `loadCustomer` for many customers at once; customers never synced to `locationId` are left out. */
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

export async function loadFieldIds(
  db: Kysely<DB>,
  workspaceId: string,
  locationId: string,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('custom_field_ids')
    .select(['field_key', 'field_id'])
    .where('workspace_id', '=', workspaceId)
    .where('location_id', '=', locationId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.field_key, row.field_id]));
}

/** Replaces the cached field ids of one workspace and Location. */
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

/** Forgets the cached field ids (HighLevel rejected one): the next sync provisions again. */
export async function clearFieldIds(
  db: Kysely<DB>,
  workspaceId: string,
  locationId: string,
): Promise<void> {
  await saveFieldIds(db, workspaceId, locationId, {});
}
