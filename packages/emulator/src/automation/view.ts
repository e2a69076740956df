import type { CampaignRecord, WorkflowRecord } from './core/model.js';

/** A workflow as `GET /workflows/` lists it (`WorkflowSchema`: every stored field). */
export function workflowView(workflow: WorkflowRecord): Record<string, unknown> {
  return { ...workflow };
}

/** A campaign as `GET /campaigns/` lists it (`campaignsSchema`: id, name, status, locationId). */
export function campaignView(campaign: CampaignRecord): Record<string, unknown> {
  const { id, name, status, locationId } = campaign;
  return { id, name, status, locationId };
}
