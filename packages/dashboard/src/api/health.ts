/** A workspace's health (HighLevel requests against the limit, its sync queue) and the server's readiness. */
import { useQuery } from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, data } from './client';

export type WorkspaceHealth = components['schemas']['WorkspaceHealth'];

export function useWorkspaceHealth(ws: string) {
  return useQuery({
    queryKey: ['health', ws],
    queryFn: () => data(api.GET('/v1/workspaces/{ws}/health', { params: { path: { ws } } })),
    // A bucket is 10 s wide: read again as each one fills.
    refetchInterval: 10_000,
  });
}

export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    // 503 (not ready) carries the same body, saying which check fails: both are answers here.
    queryFn: async () => {
      const { data: ready, error, response } = await api.GET('/readyz');
      if (ready) return ready;
      if (response.status === 503 && error) return error;
      return data(Promise.resolve({ data: undefined, error, response }));
    },
    refetchInterval: 10_000,
  });
}
