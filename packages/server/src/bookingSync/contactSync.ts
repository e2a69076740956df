/**
 * Runs one customer's sync plan (`core/plan.ts`) against HighLevel: provision the custom fields,
 * write the contact, apply the tag difference, add the note — each step journaled, so a retry
 * skips what is done and reconciles what may have happened. The plan is made once per job and
 * carried through the steps; what a step learns (the field ids, the contact's tags) refines it.
 */
import { OutcomeUnknownError } from '@ghl-bridge/client';
import { findNoteMarker } from './core/notes.js';
import {
  planContactSync,
  withContactTags,
  type ContactSyncInput,
  type ContactSyncPlan,
} from './core/plan.js';
import { followUpStepsIn, type FollowUpStep } from './core/syncSteps.js';
import type { ContactCacheUpdate, ContactSyncContext } from './contactSyncContext.js';
import { writeContactStep } from './contactWrite.js';
import { customerCacheFrom, customerWrite, fieldIdsFrom } from './customerStore.js';
import { provisionedPlan } from './fieldProvisioning.js';
import { journalFrom, type Journal } from './journal.js';
import { fromStoredBookings } from './syncFailures.js';

/**
 * Syncs one customer; returns the HighLevel contact id.
 *
 * @example
 * const contactId = await syncContact({ db, hl, lock, workspaceId, locationId, syncJobId, ... });
 */
export async function syncContact(ctx: ContactSyncContext): Promise<string> {
  const journal = journalFrom(ctx.db, ctx.syncJobId, ctx.stored.journal);
  const saveCustomer = customerSaver(ctx, journal);
  let plan = fromStoredBookings(ctx.customerKey, () => planContactSync(planInput(ctx)));

  const provision = plan.steps.find((step) => step.kind === 'provision-fields');
  if (provision) {
    plan = await provisionedPlan(ctx, plan);
    journal.done(provision.key);
  }

  const written = await writeContactStep(ctx, journal, saveCustomer, plan);
  plan = written.plan;
  const { contactId } = written;

  // A retry after a tag add that started: its tags are recorded as ours (below) but may never
  // have reached HighLevel, so only the contact itself can say which are there. Without this
  // read the difference would take them as present and never send them.
  let contactTags = written.contactTags;
  if (contactTags === undefined && journal.get(plan.keys.addTags)?.status === 'started') {
    contactTags = (await ctx.hl.contacts.get(contactId)).tags ?? [];
  }
  if (contactTags !== undefined) plan = withContactTags(plan, contactTags);

  await runFollowUpSteps(ctx, journal, saveCustomer, plan, contactId);
  const { writeFinish } = ctx;
  await journal.flush(
    ctx.finish(contactId),
    writeFinish ? (writes) => writeFinish(writes, contactId) : undefined,
  );
  return contactId;
}

/** The plan's input: the job's change and bookings, and what is cached for the customer. */
function planInput(ctx: ContactSyncContext): ContactSyncInput {
  const cached = customerCacheFrom(ctx.stored.customer, ctx.locationId);
  return {
    locationId: ctx.locationId,
    customer: ctx.customer,
    change: { ...(ctx.previous ? { previous: ctx.previous } : {}), current: ctx.current },
    bookings: ctx.bookings,
    fieldIds: fieldIdsFrom(ctx.stored.fieldIds, ctx.locationId),
    fieldDefinitions: ctx.naming.fieldDefinitions,
    tagNames: ctx.naming.tagNames,
    appliedTags: cached.appliedTags,
    ...(cached.contactId ? { contactId: cached.contactId } : {}),
  };
}

/**
 * Notes a change of the customer's cache: written, with the changes before it, in the journal's
 * next statement.
 */
function customerSaver(
  ctx: ContactSyncContext,
  journal: Journal,
): (update: ContactCacheUpdate) => void {
  const changed: ContactCacheUpdate = {};
  return (update) => {
    Object.assign(changed, update);
    journal.withNext(
      'customer',
      customerWrite(ctx.db, ctx.workspaceId, ctx.customerKey, ctx.locationId, { ...changed }),
    );
  };
}

/** The tag and note steps not done yet, each journaled. */
async function runFollowUpSteps(
  ctx: ContactSyncContext,
  journal: Journal,
  saveCustomer: (update: ContactCacheUpdate) => void,
  plan: ContactSyncPlan,
  contactId: string,
): Promise<void> {
  const steps = followUpStepsIn(plan.steps).filter(
    (step) => journal.get(step.key)?.status !== 'done',
  );
  // Started by an earlier attempt: the call may have reached HighLevel (its answer lost).
  const startedBefore = new Set(
    steps.filter((step) => journal.get(step.key)?.status === 'started').map((step) => step.key),
  );
  // Tags count as ours from before they are sent: an add whose answer is lost (or a crash
  // right after it) may have applied them, and tags not recorded as ours would look like the
  // user's own to every later difference and stay for good. Removing a tag the add never
  // applied costs nothing. The add comes first, and the tags it will add and those the removal
  // after it will take off are ours from its start (a retry reads the contact's tags, above).
  // Removed tags stop being ours only once the removal is done.
  const addTags = steps.find((step) => step.kind === 'add-tags');
  if (addTags) saveCustomer({ appliedTags: addTags.appliedAfter });
  // Every remaining step is marked started in one statement, before the first of their calls:
  // one write for the lot. A crash before a step's own call leaves it started without having
  // reached HighLevel, which a retry reconciles like any started step.
  if (steps.length > 0) await journal.start(...steps.map((step) => step.key));
  for (const step of steps) {
    await runFollowUpStep(ctx, step, contactId, startedBefore.has(step.key));
    journal.done(step.key);
    if (step.kind === 'remove-tags') saveCustomer({ appliedTags: step.appliedAfter });
  }
}

/** A tag or note step's HighLevel call; `startedBefore`: an earlier attempt may have made it. */
async function runFollowUpStep(
  ctx: ContactSyncContext,
  step: FollowUpStep,
  contactId: string,
  startedBefore: boolean,
): Promise<void> {
  switch (step.kind) {
    case 'add-tags':
      await ctx.hl.contacts.addTags(contactId, step.tags);
      return;
    case 'remove-tags':
      await ctx.hl.contacts.removeTags(contactId, step.tags);
      return;
    case 'add-note':
      // A note started before may exist already (the answer was lost): look for its marker first.
      if (startedBefore && (await hasNote(ctx, contactId))) return;
      try {
        await ctx.hl.notes.create(contactId, { body: step.body });
      } catch (error) {
        // HighLevel may have written the note: the client never re-sends a create blindly.
        if (!(error instanceof OutcomeUnknownError) || !(await hasNote(ctx, contactId))) {
          throw error;
        }
      }
      return;
  }
}

async function hasNote(ctx: ContactSyncContext, contactId: string): Promise<boolean> {
  const notes = await ctx.hl.notes.list(contactId);
  return findNoteMarker(notes, ctx.current.id, ctx.current.version) !== undefined;
}
