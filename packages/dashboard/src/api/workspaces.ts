/** Workspaces (the admin's list) and one workspace with its HighLevel connection. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';

const path = (ws: string) => ({ params: { path: { ws } } });

export function useWorkspaces() {
  return useQuery({
    queryKey: ['workspaces'],
    queryFn: () => data(api.GET('/v1/workspaces', { params: { query: { limit: 100 } } })),
  });
}

export function useWorkspace(ws: string) {
  return useQuery({
    queryKey: ['workspace', ws],
    queryFn: () => data(api.GET('/v1/workspaces/{ws}', path(ws))),
  });
}

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      data(api.POST('/v1/workspaces', { body: { name, features: ['bookings', 'voice'] } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['workspaces'] }),
  });
}

export function useReplaceApiKey() {
  return useMutation({
    mutationFn: (ws: string) => data(api.POST('/v1/workspaces/{ws}/api-key', path(ws))),
  });
}

export function useDeleteWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ws: string) => data(api.DELETE('/v1/workspaces/{ws}', path(ws))),
    onSuccess: () => client.invalidateQueries({ queryKey: ['workspaces'] }),
  });
}

/**
 * The connection's details, read again every 10 s (the last sync and check move on their own),
 * or every `checkingEvery` ms while a background check is awaited.
 */
/**
 * The workspace's connection, read every 10 s; every second while a check asked for when it was
 * last checked at `checkingSince` has not landed yet.
 */
export function useConnection(ws: string, checkingSince?: string | null) {
  return useQuery({
    queryKey: ['connection', ws],
    queryFn: () => data(api.GET('/v1/workspaces/{ws}/integrations/gohighlevel', path(ws))),
    refetchInterval: (query) =>
      checkingSince !== undefined && query.state.data?.lastCheckedAt === checkingSince
        ? 1000
        : 10_000,
  });
}

function useConnectionChange<T>(ws: string, change: () => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: ['connection', ws] }),
  });
}

/**
 * The Locations the HighLevel app is installed on (admin only: `enabled` false for a workspace's
 * own session, which cannot list other tenants' Locations).
 */
export function useInstalledLocations(enabled: boolean) {
  return useQuery({
    queryKey: ['oauth-locations'],
    queryFn: () => data(api.GET('/v1/oauth/locations')),
    enabled,
  });
}

/** Where the browser goes to install the HighLevel app for `ws`, coming back to its page. */
export const installUrl = (ws: string) =>
  `/v1/oauth/install?${new URLSearchParams({ workspace: ws, returnTo: `/workspaces/${ws}` }).toString()}`;

export function useConnect(ws: string) {
  const client = useQueryClient();
  return useMutation({
    /** Without `apiKey`: through the HighLevel app installed on the Location. */
    mutationFn: (body: { apiKey?: string; locationId: string }) =>
      data(api.PUT('/v1/workspaces/{ws}/integrations/gohighlevel', { ...path(ws), body })),
    onSuccess: (connection) => client.setQueryData(['connection', ws], connection),
  });
}

export function useDisconnect(ws: string) {
  return useConnectionChange(ws, () =>
    data(api.DELETE('/v1/workspaces/{ws}/integrations/gohighlevel', path(ws))),
  );
}

/** Queues a live re-check of the stored key; the details refresh as its result lands. */
export function useTestConnection(ws: string) {
  return useConnectionChange(ws, () =>
    data(api.POST('/v1/workspaces/{ws}/integrations/gohighlevel/check', path(ws))),
  );
}
