/**
 * The states of a sync job and the moves between them. Every status change of a job is checked
 * against `SYNC_JOB_MOVES` before it is written, so a move not listed here fails loudly instead of
 * leaving a job in a state nothing takes it out of.
 *
 * Who moves a job: a booking post creates it (`queued`, or `waiting_for_connection` without a
 * HighLevel connection); the worker starts an attempt (`running`) and ends it (`done`, `retrying`,
 * `failed`, `waiting_for_connection` when the connection went away, or `paused` when the app's
 * install is gone); the queue's give-up notice fails an attempt that never ended; a (re)connect,
 * a re-install and `POST …/sync-jobs/:id/retry` queue it again.
 */

export const SYNC_JOB_STATUSES = [
  'queued',
  'running',
  'retrying',
  'waiting_for_connection',
  'paused',
  'done',
  'failed',
] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];

/** One allowed status change; `from: null` is the job's creation. */
export interface SyncJobMove {
  from: SyncJobStatus | null;
  to: SyncJobStatus;
  /** What makes the move, in words. */
  when: string;
}

/** Every status change a sync job may make. */
export const SYNC_JOB_MOVES: readonly SyncJobMove[] = [
  { from: null, to: 'queued', when: 'a booking change is stored while the workspace is connected' },
  { from: null, to: 'waiting_for_connection', when: 'a booking change is stored, no connection' },
  { from: 'queued', to: 'running', when: 'an attempt starts' },
  { from: 'queued', to: 'waiting_for_connection', when: 'an attempt finds no connection' },
  { from: 'queued', to: 'failed', when: 'the queue gave up on an attempt that never ended' },
  // A worker that died mid-attempt leaves the job `running`; the queue hands it out again.
  { from: 'running', to: 'running', when: 'an attempt starts after one that never ended' },
  { from: 'running', to: 'done', when: 'the attempt synced the contact' },
  { from: 'running', to: 'retrying', when: 'the attempt failed in a way a retry can fix' },
  { from: 'running', to: 'failed', when: 'the attempt failed for good, or the retries ran out' },
  { from: 'running', to: 'waiting_for_connection', when: 'an attempt finds no connection' },
  { from: 'retrying', to: 'running', when: 'the next attempt starts' },
  { from: 'retrying', to: 'waiting_for_connection', when: 'an attempt finds no connection' },
  { from: 'retrying', to: 'failed', when: 'the queue gave up on an attempt that never ended' },
  { from: 'waiting_for_connection', to: 'queued', when: 'the workspace is (re)connected' },
  // A job still in the queue when the connection went away and came back.
  { from: 'waiting_for_connection', to: 'running', when: 'an attempt starts' },
  { from: 'waiting_for_connection', to: 'waiting_for_connection', when: 'still no connection' },
  { from: 'failed', to: 'queued', when: 'a retry, or a reconnect after a credentials failure' },
  // The app's install is gone (uninstalled, its tokens refused): jobs wait, they do not fail.
  { from: 'queued', to: 'paused', when: 'an attempt finds the connection paused' },
  { from: 'running', to: 'paused', when: 'the attempt found the connection paused' },
  { from: 'retrying', to: 'paused', when: 'an attempt finds the connection paused' },
  { from: 'waiting_for_connection', to: 'paused', when: 'an attempt finds the connection paused' },
  { from: 'paused', to: 'paused', when: 'still paused' },
  { from: 'paused', to: 'queued', when: 'the app is installed again, or the workspace reconnects' },
  // A job still in the queue when the connection was resumed.
  { from: 'paused', to: 'running', when: 'an attempt starts' },
  { from: 'paused', to: 'waiting_for_connection', when: 'an attempt finds no connection' },
  { from: 'failed', to: 'waiting_for_connection', when: 'a retry while not connected' },
];

/**
 * A status change `SYNC_JOB_MOVES` does not allow.
 *
 * @example throw new SyncJobMoveError('done', 'running');
 */
export class SyncJobMoveError extends Error {
  constructor(
    readonly from: string | null,
    readonly to: SyncJobStatus,
  ) {
    const allowed = SYNC_JOB_MOVES.filter((move) => move.from === from).map((move) => move.to);
    super(
      `A sync job cannot move ${from === null ? 'into being' : `from ${from}`} to ${to}; ` +
        `from ${from ?? 'creation'} it may move to ${allowed.join(', ') || 'nothing (it has ended)'}.`,
    );
    this.name = 'SyncJobMoveError';
  }
}

/**
 * Whether a job in status `from` (null: not created yet) may move to `to`. A status the table
 * does not know (a row written by another version) may move nowhere.
 *
 * @example canMoveSyncJob('failed', 'queued'); // true
 * @example canMoveSyncJob('done', 'running'); // false
 */
export function canMoveSyncJob(from: string | null, to: SyncJobStatus): boolean {
  return SYNC_JOB_MOVES.some((move) => move.from === from && move.to === to);
}

/**
 * Throws `SyncJobMoveError` unless a job in status `from` may move to `to`; call it before
 * writing a status.
 *
 * @example checkSyncJobMove(job.status, 'done'); // throws when the job is not running
 */
export function checkSyncJobMove(from: string | null, to: SyncJobStatus): void {
  if (!canMoveSyncJob(from, to)) throw new SyncJobMoveError(from, to);
}

/**
 * The statuses from which a job may not move to `to`, in `SYNC_JOB_STATUSES` order: what a
 * statement that moves many jobs, or one it has not read, leaves out in its `where`.
 *
 * @example statusesThatCannotMoveTo('running'); // ['done', 'failed']
 */
export function statusesThatCannotMoveTo(to: SyncJobStatus): SyncJobStatus[] {
  return SYNC_JOB_STATUSES.filter((from) => !canMoveSyncJob(from, to));
}

/** A booking's `sync_state` as `GET …/bookings/:id` shows it. */
export type BookingSyncState =
  'pending' | 'waiting_for_connection' | 'paused' | 'synced' | 'failed';

/**
 * The `sync_state` a job's status gives its booking, when the job is of the booking's own customer;
 * undefined for the statuses that leave the booking as it is (its `pending` covers queued, running
 * and retrying).
 *
 * @example bookingSyncStateFor('done'); // 'synced'
 */
export function bookingSyncStateFor(status: SyncJobStatus): BookingSyncState | undefined {
  switch (status) {
    case 'done':
      return 'synced';
    case 'failed':
      return 'failed';
    case 'waiting_for_connection':
      return 'waiting_for_connection';
    case 'paused':
      return 'paused';
    default:
      return undefined;
  }
}
