/**
 * A workspace's voice booking: its settings (the Vapi secret masked), the connected Location's
 * HighLevel calendars to choose from, and the calls its tools answered with their audit trails.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../generated/api';
import { api, ApiError, data } from './client';

export type VoiceSettings = components['schemas']['VoiceSettings'];
export type VoiceSettingsInput = components['schemas']['VoiceSettingsInput'];
export type AuthType = VoiceSettings['auth']['type'];
export type Weekday = VoiceSettings['rules']['workingHours'][number]['days'][number];
export type HighLevelCalendar = components['schemas']['HighLevelCalendar'];
export type VoiceCallSummary = components['schemas']['VoiceCallSummary'];
export type ToolCallRecord = components['schemas']['VoiceToolCallRecord'];

const path = (ws: string) => ({ params: { path: { ws } } });
const settingsKey = (ws: string) => ['voice-settings', ws] as const;

/** The settings with the secret masked, or `null` while the workspace has none yet. */
export function useVoiceSettings(ws: string) {
  return useQuery({
    queryKey: settingsKey(ws),
    queryFn: async () => {
      try {
        return await data(api.GET('/v1/workspaces/{ws}/voice', path(ws)));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'voice_not_configured') return null;
        throw error;
      }
    },
  });
}

/** Stores the settings; the answer (secret masked) becomes the settings shown. */
export function useSaveVoiceSettings(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VoiceSettingsInput) =>
      data(api.PUT('/v1/workspaces/{ws}/voice', { ...path(ws), body })),
    onSuccess: (saved) => client.setQueryData(settingsKey(ws), saved),
  });
}

/** The connected Location's calendars (409 `not_connected` before there is one). */
export function useHighLevelCalendars(ws: string) {
  return useQuery({
    queryKey: ['highlevel-calendars', ws],
    queryFn: () =>
      data(api.GET('/v1/workspaces/{ws}/integrations/gohighlevel/calendars', path(ws))),
    // A refusal (a missing scope, a revoked key) says what to fix; asking again changes nothing.
    retry: false,
    staleTime: 60_000,
  });
}

/** The latest calls, newest first, kept current while the page is open. */
export function useVoiceCalls(ws: string) {
  return useQuery({
    queryKey: ['voice-calls', ws],
    queryFn: () => data(api.GET('/v1/workspaces/{ws}/voice/calls', path(ws))),
    refetchInterval: 5000,
  });
}

/** One call's tool calls in order, with their arguments, HighLevel requests and outcomes. */
export function useVoiceCall(ws: string, callId: string) {
  return useQuery({
    queryKey: ['voice-call', ws, callId],
    queryFn: () =>
      data(
        api.GET('/v1/workspaces/{ws}/voice/calls/{callId}', {
          params: { path: { ws, callId } },
        }),
      ),
    // A call in progress gains tool calls.
    refetchInterval: 5000,
  });
}
