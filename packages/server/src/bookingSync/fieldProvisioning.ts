/**
 * The booking fields in the Location: found or created once per workspace and Location, their
 * ids cached, and the plan's contact write given them.
 */
import type { FieldIds } from './core/customFields.js';
import { planFieldProvisioning } from './core/customFields.js';
import { withFieldIds, type ContactSyncPlan } from './core/plan.js';
import type { ContactSyncContext } from './contactSyncContext.js';
import { loadFieldIds, saveFieldIds } from './customerStore.js';
import { fromStoredBookings, PermanentSyncError } from './syncFailures.js';

/**
 * `plan` with the field ids provisioning found: its contact write carries them, and no step
 * provisions any more.
 *
 * @example plan = await provisionedPlan(ctx, plan);
 */
export async function provisionedPlan(
  ctx: ContactSyncContext,
  plan: ContactSyncPlan,
): Promise<ContactSyncPlan> {
  const fieldIds = await provisionFields(ctx);
  // The values of fields that just got their ids are computed now, from the stored bookings.
  return fromStoredBookings(ctx.customerKey, () => withFieldIds(plan, fieldIds));
}

/**
 * Finds or creates the booking fields in the Location, once per workspace and Location: under a
 * lock, so two jobs starting together do not both create them; adopting fields that exist
 * (`GET /locations/{id}/customFields`, then `POST` for each missing one:
 * docs/highlevel-behaviour.md#custom-fields).
 */
async function provisionFields(ctx: ContactSyncContext): Promise<FieldIds> {
  const { db, workspaceId, locationId } = ctx;
  const definitions = ctx.naming.fieldDefinitions;
  return ctx.lock(`custom-fields:${workspaceId}:${locationId}`, async () => {
    const cached = await loadFieldIds(db, workspaceId, locationId);
    if (definitions.every((d) => cached[d.key])) return cached;
    const existing = await ctx.hl.customFields.list(locationId, { model: 'contact' });
    const plan = planFieldProvisioning(definitions, existing);
    if (plan.conflicts.length > 0) {
      throw new PermanentSyncError(plan.conflicts.map((c) => c.message).join(' '), 'rejected');
    }
    const fieldIds = { ...plan.fieldIds };
    for (const { key, input } of plan.create) {
      const field = await ctx.hl.customFields.create(locationId, input);
      fieldIds[key] = field.id!;
    }
    await saveFieldIds(db, workspaceId, locationId, fieldIds);
    return fieldIds;
  });
}
