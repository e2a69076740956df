import { describe, expect, it } from 'vitest';
import { syncOutcome, syncProgressLine } from './backfillSync.js';

describe('the sync watch of a backfill', () => {
  it.each([
    ['done', 'synced'],
    ['failed', 'failed'],
    ['waiting_for_connection', 'waiting'],
    ['queued', 'open'],
    ['running', 'open'],
    ['retrying', 'open'],
  ] as const)('counts a %s job as %s', (status, outcome) => {
    expect(syncOutcome(status)).toBe(outcome);
  });

  it('shows synced, failed, waiting, retrying and what is to go, with the rate and time left', () => {
    expect(
      syncProgressLine({ total: 100, synced: 30, failed: 5, waiting: 5, retrying: 2 }, 20_000),
    ).toBe(
      'Syncing [############------------------] 40/100 40%  30 synced, 5 failed, 5 waiting for a connection, 2 retrying, 60 to go  2.0/s  about 30 s left',
    );
  });
});
