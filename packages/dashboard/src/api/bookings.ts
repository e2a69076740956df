/** One booking's sync timeline, and the progress of the workspace's backfills. */
import { useQuery } from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, data } from './client';

export type BookingTimeline = components['schemas']['BookingTimeline'];
export type TimelineJob = components['schemas']['BookingTimelineJob'];
export type SyncStep = components['schemas']['SyncStep'];
export type BackfillRun = components['schemas']['BackfillRun'];

const AT_REST = new Set(['done', 'failed', 'waiting_for_connection', 'paused']);

/**
 * The timeline of `bookingId` (none while it is null), read again every 2 s while one of its
 * jobs is still moving.
 */
export function useBookingTimeline(ws: string, bookingId: string | null) {
  return useQuery({
    queryKey: ['booking-timeline', ws, bookingId],
    queryFn: () =>
      data(
        api.GET('/v1/workspaces/{ws}/bookings/{bookingId}/timeline', {
          params: { path: { ws, bookingId: bookingId! } },
        }),
      ),
    enabled: bookingId !== null,
    refetchInterval: (query) =>
      query.state.data?.jobs.every((job) => AT_REST.has(job.status)) ? 10_000 : 2000,
  });
}

/** How many jobs of a run are still to go: queued, running or retrying. */
export function toGo(run: BackfillRun): number {
  return run.counts.queued + run.counts.running + run.counts.retrying;
}

/**
 * The latest backfill runs, newest first; read every 3 s while one is under way, else every 10 s
 * (a run started from a terminal shows up on its own).
 */
export function useBackfills(ws: string) {
  return useQuery({
    queryKey: ['backfills', ws],
    queryFn: () =>
      data(api.GET('/v1/workspaces/{ws}/backfills', { params: { path: { ws }, query: {} } })),
    refetchInterval: (query) =>
      query.state.data?.backfills.some((run) => toGo(run) > 0) ? 3000 : 10_000,
  });
}
