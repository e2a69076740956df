import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import type { CampaignRecord, WorkflowRecord } from './core/model.js';

/**
 * The stored workflow `id` of `location`: missing is a 400 `Workflow not found for id:<id>`,
 * worded like contacts' observed one (assumed, DEVIATIONS.md); another Location's is 403.
 */
export function workflowOf(rt: Runtime, location: LocationRecord, id: string): WorkflowRecord {
  const workflow = rt.state.workflows[id];
  if (!workflow) throw badRequest(`Workflow not found for id:${id}`);
  if (workflow.locationId !== location.id) throw wrongLocation();
  return workflow;
}

/** The stored campaign `id` of `location`: 400 `Campaign not found for id:<id>`, or 403. */
export function campaignOf(rt: Runtime, location: LocationRecord, id: string): CampaignRecord {
  const campaign = rt.state.campaigns[id];
  if (!campaign) throw badRequest(`Campaign not found for id:${id}`);
  if (campaign.locationId !== location.id) throw wrongLocation();
  return campaign;
}
