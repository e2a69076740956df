/**
 * What `ghl-bridge backfill` tells in words: the plan of a dry run and the tally of the events
 * stored, every count with its noun in the singular for one ("1 event", "2 events").
 */
import type { BackfillPlan } from '../bookingSync/core/backfillPlan.js';
import type { LedgerOutcome } from '../bookingSync/core/ledger.js';
import { formatDuration } from './progress.js';

/**
 * A count and its noun, singular for one; the nouns backfill counts all take an `s`.
 *
 * @example count(1, 'event') // '1 event'; count(0, 'tag call') // '0 tag calls'
 */
export function count(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

/**
 * The lines of a dry run's plan, under its heading: the events and what becomes of them, the
 * contacts, fields, tag calls and notes, and the HighLevel calls they cost.
 *
 * @example for (const line of planLines(plan)) out(line);
 */
export function planLines(plan: BackfillPlan): string[] {
  return [
    `  ${count(plan.events, 'event')}: ${plan.changes} to store, ${plan.duplicates} already stored, ${plan.stale} older than stored`,
    `  ${count(plan.customers, 'customer')}: ${count(plan.contactsToCreate, 'contact')} to create, ${plan.contactsToUpdate} to update`,
    `  ${count(plan.fieldsToCreate, 'custom field')} to provision`,
    `  ${count(plan.tagCalls, 'tag call')}, ${count(plan.notes, 'note')}`,
    `  about ${count(plan.estimatedCalls, 'HighLevel call')}, ${formatDuration(plan.estimatedSeconds)} at 100 requests per 10 s`,
  ];
}

/**
 * The line once the events are stored: how many, and what the ledger made of them.
 *
 * @example storedLine(3, { created: 2, updated: 1, duplicate: 0, stale: 0 })
 * // '✓ 3 events stored: 2 new bookings, 1 newer version, 0 already stored, 0 older than stored.'
 */
export function storedLine(stored: number, outcomes: Record<LedgerOutcome, number>): string {
  return `✓ ${count(stored, 'event')} stored: ${count(outcomes.created, 'new booking')}, ${count(outcomes.updated, 'newer version')}, ${outcomes.duplicate} already stored, ${outcomes.stale} older than stored.`;
}
