/**
 * Every endpoint of the API, in the order its OpenAPI document lists them, then the dashboard's
 * pages. One file per endpoint;
 * `createApp` registers them all after the middleware chain. `POST …/vapi` and
 * `POST /v1/webhooks/highlevel` are not here: Vapi and HighLevel sign the raw body, so they are
 * registered before the JSON body and authentication layers.
 */
import { registerCreateMcpClient } from './createMcpClient.js';
import { registerDeleteMcpClient } from './deleteMcpClient.js';
import { registerGetMcpClient } from './getMcpClient.js';
import { registerListMcpCalls } from './listMcpCalls.js';
import { registerListMcpClients } from './listMcpClients.js';
import { registerListMcpTools } from './listMcpTools.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { registerCheckHighLevel } from './checkHighLevel.js';
import { registerConnectHighLevel } from './connectHighLevel.js';
import { registerCreateTrigger } from './createTrigger.js';
import { registerCreateWebhookEndpoint } from './createWebhookEndpoint.js';
import { registerCreateWorkspace } from './createWorkspace.js';
import { registerDashboard } from './dashboard.js';
import { registerDeleteAppointment } from './deleteAppointment.js';
import { registerDeleteContactNote } from './deleteContactNote.js';
import { registerDeleteContactTask } from './deleteContactTask.js';
import { registerDeleteSession } from './deleteSession.js';
import { registerDeleteSessions } from './deleteSessions.js';
import { registerDeleteTrigger } from './deleteTrigger.js';
import { registerDeleteWebhookEndpoint } from './deleteWebhookEndpoint.js';
import { registerDeleteWorkspace } from './deleteWorkspace.js';
import { registerDisconnectHighLevel } from './disconnectHighLevel.js';
import { registerDocs } from './docs.js';
import { registerGetAvailability } from './getAvailability.js';
import { registerGetBooking } from './getBooking.js';
import { registerGetBookingTimeline } from './getBookingTimeline.js';
import { registerGetCatalogue } from './getCatalogue.js';
import { registerGetContact } from './getContact.js';
import { registerGetHighLevel } from './getHighLevel.js';
import { registerGetSession } from './getSession.js';
import { registerGetVoiceCall } from './getVoiceCall.js';
import { registerGetVoiceSettings } from './getVoiceSettings.js';
import { registerGetTrigger } from './getTrigger.js';
import { registerGetWebhookEndpoint } from './getWebhookEndpoint.js';
import { registerGetWorkspace } from './getWorkspace.js';
import { registerGetWorkspaceHealth } from './getWorkspaceHealth.js';
import { registerHealthz } from './healthz.js';
import { registerListBackfills } from './listBackfills.js';
import { registerListHighLevelCalendars } from './listHighLevelCalendars.js';
import { registerListHighLevelWebhooks } from './listHighLevelWebhooks.js';
import { registerGetHighLevelReconciliation } from './getHighLevelReconciliation.js';
import { registerListOAuthLocations } from './listOAuthLocations.js';
import { registerListSyncJobs } from './listSyncJobs.js';
import { registerListTriggers } from './listTriggers.js';
import { registerListVoiceCalls } from './listVoiceCalls.js';
import { registerListVoiceConfirmations } from './listVoiceConfirmations.js';
import { registerListWebhookDeliveries } from './listWebhookDeliveries.js';
import { registerListWebhookEndpoints } from './listWebhookEndpoints.js';
import { registerListWorkspaces } from './listWorkspaces.js';
import { registerMetrics } from './metrics.js';
import { registerOAuthInstall } from './oauthInstall.js';
import { registerPatchAppointment } from './patchAppointment.js';
import { registerPollTrigger } from './pollTrigger.js';
import { registerPostAction } from './postAction.js';
import { registerPostAppointment } from './postAppointment.js';
import { registerPostBackfillState } from './postBackfillState.js';
import { registerPostBooking } from './postBooking.js';
import { registerPostSession } from './postSession.js';
import { registerPutContact } from './putContact.js';
import { registerPutContactNote } from './putContactNote.js';
import { registerPutContactTask } from './putContactTask.js';
import { registerPutVoiceSettings } from './putVoiceSettings.js';
import { registerReadyz } from './readyz.js';
import { registerReplaceApiKey } from './replaceApiKey.js';
import { registerReplayWebhookDelivery } from './replayWebhookDelivery.js';
import { registerRetrySyncJob } from './retrySyncJob.js';
import { registerRotateWebhookSecret } from './rotateWebhookSecret.js';
import { registerUpdateWebhookEndpoint } from './updateWebhookEndpoint.js';
import { registerUpdateWorkspace } from './updateWorkspace.js';

/** Registers one endpoint (its route, its OpenAPI operation, its handler) on the app. */
export type RegisterRoute = (app: App, deps: AppDeps) => void;

export const apiRoutes: readonly RegisterRoute[] = [
  registerHealthz,
  registerReadyz,
  registerMetrics,
  registerDocs,
  registerPostSession,
  registerGetSession,
  registerDeleteSession,
  registerDeleteSessions,
  registerCreateWorkspace,
  registerListWorkspaces,
  registerGetWorkspace,
  registerUpdateWorkspace,
  registerReplaceApiKey,
  registerDeleteWorkspace,
  registerConnectHighLevel,
  registerGetHighLevel,
  registerDisconnectHighLevel,
  registerCheckHighLevel,
  registerListHighLevelCalendars,
  registerListHighLevelWebhooks,
  registerGetHighLevelReconciliation,
  registerOAuthInstall,
  registerListOAuthLocations,
  registerPostBooking,
  registerGetBooking,
  registerGetBookingTimeline,
  registerPostBackfillState,
  registerListSyncJobs,
  registerRetrySyncJob,
  registerListBackfills,
  registerPutContact,
  registerGetContact,
  registerPutContactNote,
  registerDeleteContactNote,
  registerPutContactTask,
  registerDeleteContactTask,
  registerGetWorkspaceHealth,
  registerCreateWebhookEndpoint,
  registerListWebhookEndpoints,
  registerGetWebhookEndpoint,
  registerUpdateWebhookEndpoint,
  registerDeleteWebhookEndpoint,
  registerRotateWebhookSecret,
  registerListWebhookDeliveries,
  registerReplayWebhookDelivery,
  registerPutVoiceSettings,
  registerGetVoiceSettings,
  registerListVoiceCalls,
  registerGetVoiceCall,
  registerListVoiceConfirmations,
  registerGetAvailability,
  registerPostAppointment,
  registerPatchAppointment,
  registerDeleteAppointment,
  registerGetCatalogue,
  registerPostAction,
  registerCreateTrigger,
  registerListTriggers,
  registerGetTrigger,
  registerDeleteTrigger,
  registerPollTrigger,
  registerCreateMcpClient,
  registerListMcpClients,
  registerGetMcpClient,
  registerDeleteMcpClient,
  registerListMcpTools,
  registerListMcpCalls,
  registerDashboard,
];
