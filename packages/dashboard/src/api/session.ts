/** Who is signed in, and signing in and out (a session cookie the server sets and revokes). */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, data } from './client';

export const SESSION_KEY = ['session'] as const;

/**
 * Another principal must not see what the last one loaded. The session query itself stays (its
 * observers would miss a new one), and is overwritten.
 */
function forgetAllButSession(client: QueryClient) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/** The signed-in principal, or `null` when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await data(api.GET('/v1/session'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => data(api.POST('/v1/session', { body: { token } })),
    onSuccess: (session) => {
      forgetAllButSession(client);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Signs this browser out, or with `everywhere` every session of the admin or this workspace. */
export function useSignOut({ everywhere = false } = {}) {
  const client = useQueryClient();
  const signedOut = () => {
    forgetAllButSession(client);
    client.setQueryData(SESSION_KEY, null);
  };
  return useMutation({
    mutationFn: async () => {
      if (everywhere) await data(api.DELETE('/v1/sessions'));
      else await data(api.DELETE('/v1/session'));
    },
    // Signing out here always ends this browser's session; everywhere only once the server did.
    onSuccess: signedOut,
    onError: everywhere ? undefined : signedOut,
  });
}
