/**
 * A workspace's AI agents over MCP (docs/mcp.md): its clients and their tokens, the tools an
 * allowlist can name, and the audit trail of the calls agents made.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, data } from './client';

export type McpClient = components['schemas']['McpClient'];
export type CreatedMcpClient = components['schemas']['CreatedMcpClient'];
export type NewMcpClient = components['schemas']['CreateMcpClient'];
export type McpTool = components['schemas']['McpTool'];
export type McpCall = components['schemas']['McpCall'];
export type ToolAccess = McpTool['access'];

const path = (ws: string) => ({ params: { path: { ws } } });
const clientsKey = (ws: string) => ['mcp-clients', ws] as const;

/** The clients, newest first, revoked ones too; read again as agents use them (`lastUsedAt`). */
export function useMcpClients(ws: string) {
  return useQuery({
    queryKey: clientsKey(ws),
    queryFn: () => data(api.GET('/v1/workspaces/{ws}/mcp/clients', path(ws))),
    refetchInterval: 5000,
  });
}

/** Every tool an allowlist can name, with what it does to the Location: fixed while running. */
export function useMcpTools(ws: string) {
  return useQuery({
    queryKey: ['mcp-tools', ws],
    queryFn: () => data(api.GET('/v1/workspaces/{ws}/mcp/tools', path(ws))),
    staleTime: Infinity,
  });
}

/** Creates a client; the answer carries its token, the only time the server shows it. */
export function useCreateMcpClient(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMcpClient) =>
      data(api.POST('/v1/workspaces/{ws}/mcp/clients', { ...path(ws), body })),
    onSuccess: () => client.invalidateQueries({ queryKey: clientsKey(ws) }),
  });
}

/** Revokes a client: its token is refused from the next request on; the client stays listed. */
export function useRevokeMcpClient(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) =>
      data(
        api.DELETE('/v1/workspaces/{ws}/mcp/clients/{clientId}', {
          params: { path: { ws, clientId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: clientsKey(ws) }),
  });
}

/** The calls agents made, newest first, a page at a time (`fetchNextPage` for older ones). */
export function useMcpCalls(ws: string) {
  return useInfiniteQuery({
    queryKey: ['mcp-calls', ws],
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/v1/workspaces/{ws}/mcp/calls', {
          params: {
            path: { ws },
            query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5000,
  });
}
