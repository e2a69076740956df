/**
 * A workspace's booking-sync jobs: pages of them by status and search, their counts, and retrying
 * failures, one or all.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, ApiError, data } from './client';

export type SyncJob = components['schemas']['SyncJob'];
export type SyncJobStatus = SyncJob['status'];
export type SyncJobCounts = components['schemas']['SyncJobCounts'];

export interface JobFilter {
  status?: SyncJobStatus | undefined;
  /** Any part of the customer's email, phone or name, or of the booking id. */
  search?: string | undefined;
}

const PAGE = 100;

function jobsPage(ws: string, filter: JobFilter, cursor: string | undefined, limit = PAGE) {
  return data(
    api.GET('/v1/workspaces/{ws}/sync-jobs', {
      params: {
        path: { ws },
        query: {
          limit,
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.search ? { search: filter.search } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

/** The jobs newest first, a page at a time (`fetchNextPage` for older ones), kept current. */
export function useSyncJobs(ws: string, filter: JobFilter) {
  return useInfiniteQuery({
    queryKey: ['sync-jobs', ws, filter.status ?? 'all', filter.search ?? ''],
    queryFn: ({ pageParam }) => jobsPage(ws, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search shows the last results until its own arrive, instead of blanking the table.
    placeholderData: keepPreviousData,
    // Jobs move on their own: keep the page current while it is open.
    refetchInterval: 2000,
  });
}

export function useRetrySyncJob(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(api.POST('/v1/workspaces/{ws}/sync-jobs/{id}/retry', { params: { path: { ws, id } } })),
    onSettled: () => refreshSync(client, ws),
  });
}

/** After a retry: the job lists, the open timeline and the backfill counts read again. */
function refreshSync(client: QueryClient, ws: string) {
  return Promise.all(
    ['sync-jobs', 'booking-timeline', 'backfills'].map((key) =>
      client.invalidateQueries({ queryKey: [key, ws] }),
    ),
  );
}

/**
 * Retries every failed job matching `search` (every page of them, not only those shown); resolves
 * with how many were queued again. A job that stopped being failed meanwhile (retried from
 * elsewhere) is skipped.
 */
export function useRetryAllFailed(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (search: string | undefined) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await jobsPage(ws, { status: 'failed', search }, cursor, 200);
        ids.push(...page.jobs.map((job) => job.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      let retried = 0;
      for (const id of ids) {
        try {
          await data(
            api.POST('/v1/workspaces/{ws}/sync-jobs/{id}/retry', {
              params: { path: { ws, id } },
            }),
          );
          retried += 1;
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 409)) throw error;
        }
      }
      return retried;
    },
    onSettled: () => refreshSync(client, ws),
  });
}
