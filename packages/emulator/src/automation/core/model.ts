/**
 * Workflows and campaigns as the emulator stores them (spec/highlevel/apps/workflows.json
 * `WorkflowSchema`, campaigns.json `campaignsSchema`), and which contacts are in them. HighLevel's
 * v2 API can list workflows and campaigns but not make them: they come from the control API.
 */

export interface WorkflowRecord {
  /** A UUID, as the spec's example (`78559bb3-b920-461e-b010-7b2a2816d2a9`). */
  id: string;
  locationId: string;
  name: string;
  /** `draft` or `published`. */
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignRecord {
  id: string;
  locationId: string;
  name: string;
  /** `draft` or `published`; `GET /campaigns/?status=` filters by it. */
  status: string;
  dateAdded: string;
}

/** A contact added to a campaign (`POST /contacts/{contactId}/campaigns/{campaignId}`). */
export interface ContactCampaignRecord {
  id: string;
  locationId: string;
  contactId: string;
  campaignId: string;
  dateAdded: string;
}

/** A contact added to a workflow (`POST /contacts/{contactId}/workflow/{workflowId}`). */
export interface ContactWorkflowRecord {
  id: string;
  locationId: string;
  contactId: string;
  workflowId: string;
  /** When the workflow's first event runs for the contact (`CreateWorkflowDto.eventStartTime`). */
  eventStartTime?: string;
  dateAdded: string;
}
