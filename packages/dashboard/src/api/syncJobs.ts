/** A workspace's booking-sync jobs: a page of them by status, their counts, and retrying failures. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, data } from './client';

export type SyncJobStatus = components['schemas']['SyncJob']['status'];

export function useSyncJobs(ws: string, status: SyncJobStatus | undefined) {
  return useQuery({
    queryKey: ['sync-jobs', ws, status ?? 'all'],
    queryFn: () =>
      data(
        api.GET('/v1/workspaces/{ws}/sync-jobs', {
          params: { path: { ws }, query: { limit: 100, ...(status ? { status } : {}) } },
        }),
      ),
    // Jobs move on their own: keep the page current while it is open.
    refetchInterval: 2000,
  });
}

export function useRetrySyncJob(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(api.POST('/v1/workspaces/{ws}/sync-jobs/{id}/retry', { params: { path: { ws, id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['sync-jobs', ws] }),
  });
}
