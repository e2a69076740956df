/**
 * The booking sync in the page's words: job states, what a failure waits for, a booking's sync
 * state and a journaled step's status.
 */
import type { TimelineJob } from '../../api/bookings';
import type { SyncJobStatus } from '../../api/syncJobs';

/** The states in the order the page lists them: what needs a person first. */
export const STATES: { value: SyncJobStatus; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'waiting_for_connection', label: 'Waiting for a connection' },
  { value: 'paused', label: 'Paused' },
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'retrying', label: 'Retrying' },
  { value: 'done', label: 'Done' },
];

export const stateLabel = (status: SyncJobStatus) =>
  STATES.find((s) => s.value === status)?.label ?? status;

/**
 * Why a failed job stopped, said before its reason; and, where the reason (written when the
 * attempt ended) does not say it, what to do now.
 */
export const FAILURE_KINDS: Record<
  NonNullable<TimelineJob['failureKind']>,
  { title: string; next?: string }
> = {
  credentials: {
    title: 'Stopped: the GoHighLevel credentials do not work',
    next: 'Reconnect GoHighLevel on the Integrations tab; this job is then retried by itself.',
  },
  rejected: { title: 'Stopped: HighLevel refused the data' },
  exhausted: {
    title: 'Stopped: every automatic retry failed',
    next: 'No more automatic retries: Retry it once HighLevel answers again.',
  },
};

/** A booking's sync state (`GET …/bookings/{id}`'s `sync`). */
export const BOOKING_SYNC: Record<string, string> = {
  pending: 'Syncing',
  waiting_for_connection: 'Waiting for a GoHighLevel connection',
  paused: 'Paused: the HighLevel app must be installed again',
  synced: 'Synced',
  failed: 'Failed',
};

/** A journaled step's status. */
export const STEP_STATUS: Record<'started' | 'done', string> = {
  done: 'Done',
  started: 'Started, answer not known (the next attempt checks HighLevel first)',
};

/** `n thing` or `n things`. */
export const count = (n: number, thing: string) =>
  `${n.toLocaleString()} ${thing}${n === 1 ? '' : 's'}`;

export const when = (iso: string) => new Date(iso).toLocaleString();
