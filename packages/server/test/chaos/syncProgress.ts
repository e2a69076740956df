/**
 * The booking sync as a user follows it through the API, over every salon of a run: sync jobs by
 * status, the queue's job counts from `/metrics`, the failed jobs and their retry. Calls go
 * through `apiClient`, so they ride out a process restarting.
 */
import type { Emulator } from '@ghl-bridge/emulator';
import { CONTACT_SYNC_QUEUE } from '../../src/bookingSync/syncJobStore.js';
import { waitFor } from '../waitFor.js';
import type { ApiClient } from './apiClient.js';

export interface Salon {
  /** The workspace. */
  id: string;
  locationId: string;
}

export interface FailedJob {
  id: string;
  reason: string | null;
}

const NOT_FINISHED = ['queued', 'running', 'retrying', 'waiting_for_connection'] as const;
const JOB_METRIC = new RegExp(
  `^ghl_bridge_jobs\\{queue="${CONTACT_SYNC_QUEUE}",state="(queued|active|deferred)"\\} (\\d+)$`,
  'gm',
);

/**
 * `count` workspaces with the bookings feature, each connected to a fresh emulated Location.
 *
 * @example
 * const salons = await openSalons(admin, emulator, 4);
 */
export async function openSalons(
  admin: ApiClient,
  emulator: Emulator,
  count: number,
): Promise<Salon[]> {
  const salons: Salon[] = [];
  for (let i = 0; i < count; i++) {
    const created = await admin.call('POST', '/v1/workspaces', {
      name: `Salon ${i}`,
      features: ['bookings'],
    });
    const id = created.body.id as string;
    const { locationId, token } = emulator.control.createLocation({ name: `Salon ${i}` });
    const connected = await admin.call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
      apiKey: token,
      locationId,
    });
    if (connected.status !== 200) {
      throw new Error(`Connecting salon ${i} answered ${connected.status}: ${connected.text}`);
    }
    salons.push({ id, locationId });
  }
  return salons;
}

/** Sync jobs by status, summed over `salons`. */
export async function syncJobCounts(
  admin: ApiClient,
  salons: readonly Salon[],
): Promise<Record<string, number>> {
  const sum: Record<string, number> = {};
  for (const salon of salons) {
    const { body } = await admin.call('GET', `/v1/workspaces/${salon.id}/sync-jobs?limit=1`);
    for (const [status, n] of Object.entries(body.counts as Record<string, number>)) {
      sum[status] = (sum[status] ?? 0) + n;
    }
  }
  return sum;
}

/** Resolves once `share` (0..1) of the sync jobs are done, or after `timeoutMs` anyway. */
export async function someDone(
  admin: ApiClient,
  salons: readonly Salon[],
  share: number,
  timeoutMs: number,
): Promise<void> {
  await waitFor(
    async () => {
      const counts = await syncJobCounts(admin, salons);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return (counts.done ?? 0) >= total * share;
    },
    {
      what: `${share * 100}% of the sync done`,
      timeoutMs: Math.max(0, timeoutMs),
      intervalMs: 500,
    },
  ).catch(() => undefined);
}

/**
 * Waits until no sync job is unfinished or failed and the queue holds no contact-sync job to run,
 * retrying failed jobs as they show up, as a user would. Returns the failed jobs as they were.
 */
export async function drainRetryingFailed(
  admin: ApiClient,
  salons: readonly Salon[],
  deadline: number,
): Promise<FailedJob[]> {
  const retried: FailedJob[] = [];
  let counts: Record<string, number> = {};
  await waitFor(
    async () => {
      counts = await syncJobCounts(admin, salons);
      if ((counts.failed ?? 0) > 0) {
        retried.push(...(await retryFailed(admin, salons)));
        return false;
      }
      if (NOT_FINISHED.some((status) => (counts[status] ?? 0) > 0)) return false;
      const { text } = await admin.call('GET', '/metrics');
      const queue = [...text.matchAll(JOB_METRIC)];
      if (queue.length !== 3) throw new Error(`no contact-sync job counts in /metrics:\n${text}`);
      return queue.every((m) => m[2] === '0');
    },
    {
      what: 'the sync to drain',
      timeoutMs: Math.max(deadline - Date.now(), 1_000),
      intervalMs: 500,
    },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; sync jobs ${JSON.stringify(counts)}`, {
      cause: error,
    });
  });
  return retried;
}

/** Retries every failed sync job; returns them as they were. */
async function retryFailed(admin: ApiClient, salons: readonly Salon[]): Promise<FailedJob[]> {
  const retried: FailedJob[] = [];
  for (const salon of salons) {
    for (const job of await failedJobs(admin, salon.id)) {
      retried.push(job);
      await admin.call('POST', `/v1/workspaces/${salon.id}/sync-jobs/${job.id}/retry`);
    }
  }
  return retried;
}

async function failedJobs(admin: ApiClient, workspaceId: string): Promise<FailedJob[]> {
  const jobs: FailedJob[] = [];
  let cursor: string | null = null;
  do {
    const page = await admin.call(
      'GET',
      `/v1/workspaces/${workspaceId}/sync-jobs?status=failed&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const job of page.body.jobs as FailedJob[]) jobs.push({ id: job.id, reason: job.reason });
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return jobs;
}
