import { describe, expect, it } from 'vitest';
import {
  SYNC_JOB_STATUSES,
  bookingSyncStateFor,
  canMoveSyncJob,
  checkSyncJobMove,
  statusesThatCannotMoveTo,
  SyncJobMoveError,
  type SyncJobStatus,
} from './syncJobStates.js';

/** Every pair of statuses (and creation), with whether the move is allowed. */
const ALLOWED: Record<SyncJobStatus | 'new', SyncJobStatus[]> = {
  new: ['queued', 'waiting_for_connection'],
  queued: ['running', 'waiting_for_connection', 'paused', 'failed'],
  running: ['running', 'retrying', 'waiting_for_connection', 'paused', 'done', 'failed'],
  retrying: ['running', 'waiting_for_connection', 'paused', 'failed'],
  waiting_for_connection: ['queued', 'running', 'waiting_for_connection', 'paused'],
  paused: ['queued', 'running', 'waiting_for_connection', 'paused'],
  done: [],
  failed: ['queued', 'waiting_for_connection'],
};

const cases = Object.entries(ALLOWED).flatMap(([from, allowed]) =>
  SYNC_JOB_STATUSES.map((to) => [from, to, allowed.includes(to)] as const),
);

describe('canMoveSyncJob', () => {
  it.each(cases)('%s -> %s: %s', (from, to, allowed) => {
    expect(canMoveSyncJob(from === 'new' ? null : from, to)).toBe(allowed);
  });

  it('moves a status it does not know nowhere', () => {
    expect(canMoveSyncJob('stopped', 'queued')).toBe(false);
  });
});

describe('checkSyncJobMove', () => {
  it('passes an allowed move', () => {
    expect(() => checkSyncJobMove('running', 'done')).not.toThrow();
    expect(() => checkSyncJobMove(null, 'queued')).not.toThrow();
  });

  it('refuses an impossible move, saying what the job may do instead', () => {
    expect(() => checkSyncJobMove('done', 'running')).toThrow(SyncJobMoveError);
    expect(() => checkSyncJobMove('done', 'running')).toThrow(
      'A sync job cannot move from done to running; from done it may move to nothing (it has ended).',
    );
    expect(() => checkSyncJobMove('queued', 'done')).toThrow(
      'from queued it may move to running, waiting_for_connection, failed',
    );
    expect(() => checkSyncJobMove(null, 'running')).toThrow('cannot move into being to running');
  });
});

describe('statusesThatCannotMoveTo', () => {
  it.each<[SyncJobStatus, SyncJobStatus[]]>([
    ['running', ['done', 'failed']],
    ['queued', ['queued', 'running', 'retrying', 'done']],
    ['done', ['queued', 'retrying', 'waiting_for_connection', 'paused', 'done', 'failed']],
  ])('to %s: %j', (to, statuses) => {
    expect(statusesThatCannotMoveTo(to)).toEqual(statuses);
  });
});

describe('bookingSyncStateFor', () => {
  it.each<[SyncJobStatus, string | undefined]>([
    ['queued', undefined],
    ['running', undefined],
    ['retrying', undefined],
    ['waiting_for_connection', 'waiting_for_connection'],
    ['done', 'synced'],
    ['failed', 'failed'],
  ])('%s -> %s', (status, state) => {
    expect(bookingSyncStateFor(status)).toBe(state);
  });
});
