/**
 * Every HighLevel operation the emulator implements. A new resource adds its route file's list
 * here; the operation table checks each `method + path` against the spec at startup.
 */
import type { RouteDef } from '../runtime.js';
import { appointmentNoteRoutes } from './appointmentNotes.js';
import { appointmentRoutes } from './appointments.js';
import { blockedSlotRoutes } from './blockedSlots.js';
import { bulkContactTagRoutes } from './bulkContactTags.js';
import { calendarAdminRoutes } from './calendarAdmin.js';
import { calendarEventRoutes } from './calendarEvents.js';
import { calendarGroupRoutes } from './calendarGroups.js';
import { calendarNotificationRoutes } from './calendarNotifications.js';
import { calendarResourceRoutes } from './calendarResources.js';
import { calendarRoutes } from './calendars.js';
import { campaignRoutes } from './campaigns.js';
import { contactAppointmentRoutes } from './contactAppointments.js';
import { contactCampaignRoutes } from './contactCampaigns.js';
import { contactFollowerRoutes } from './contactFollowers.js';
import { contactNoteRoutes } from './contactNotes.js';
import { contactRoutes } from './contacts.js';
import { contactSearchRoutes } from './contactSearch.js';
import { contactTagRoutes } from './contactTags.js';
import { contactTaskRoutes } from './contactTasks.js';
import { contactWorkflowRoutes } from './contactWorkflows.js';
import { conversationRoutes } from './conversations.js';
import { conversationReadRoutes } from './conversationReads.js';
import { messageStatusRoutes } from './messageStatus.js';
import { callRecordingRoutes } from './callRecordings.js';
import { associationRoutes } from './associations.js';
import { relationRoutes } from './relations.js';
import { blogRoutes } from './blogs.js';
import { upsertContactRoute } from './contactUpsert.js';
import { customFieldRoutes } from './customFields.js';
import { freeSlotsRoutes } from './freeSlots.js';
import { locationRoutes } from './locations.js';
import { locationTagRoutes } from './locationTags.js';
import { locationTaskRoutes } from './locationTasks.js';
import { oauthRoutes } from './oauth.js';
import { opportunityRoutes } from './opportunities.js';
import { opportunityFollowerRoutes } from './opportunityFollowers.js';
import { opportunitySearchRoutes } from './opportunitySearch.js';
import { pipelineRoutes } from './pipelines.js';
import { userRoutes } from './users.js';
import { userWriteRoutes } from './userWrites.js';
import { businessRoutes } from './businesses.js';
import { contactBusinessRoutes } from './contactBusinesses.js';
import { locationSearchRoutes } from './locationSearch.js';
import { companyRoutes } from './companies.js';
import { snapshotRoutes } from './snapshots.js';
import { workflowRoutes } from './workflows.js';

export const highLevelRoutes: RouteDef[] = [
  ...contactRoutes,
  upsertContactRoute,
  ...contactSearchRoutes,
  ...contactTagRoutes,
  ...contactNoteRoutes,
  ...contactTaskRoutes,
  ...bulkContactTagRoutes,
  ...contactCampaignRoutes,
  ...contactWorkflowRoutes,
  ...contactFollowerRoutes,
  ...customFieldRoutes,
  ...locationRoutes,
  ...locationTagRoutes,
  ...locationTaskRoutes,
  ...calendarRoutes,
  ...calendarAdminRoutes,
  ...calendarGroupRoutes,
  ...calendarNotificationRoutes,
  ...calendarResourceRoutes,
  ...freeSlotsRoutes,
  ...appointmentRoutes,
  ...calendarEventRoutes,
  ...blockedSlotRoutes,
  ...appointmentNoteRoutes,
  ...contactAppointmentRoutes,
  ...oauthRoutes,
  ...pipelineRoutes,
  ...opportunityRoutes,
  ...opportunitySearchRoutes,
  ...opportunityFollowerRoutes,
  ...workflowRoutes,
  ...campaignRoutes,
  ...userRoutes,
  ...userWriteRoutes,
  ...businessRoutes,
  ...contactBusinessRoutes,
  ...locationSearchRoutes,
  ...companyRoutes,
  ...snapshotRoutes,
  ...conversationRoutes,
  ...conversationReadRoutes,
  ...messageStatusRoutes,
  ...callRecordingRoutes,
  ...associationRoutes,
  ...relationRoutes,
  ...blogRoutes,
];
