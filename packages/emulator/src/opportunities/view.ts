import type { EmulatorState } from '../state.js';
import type { OpportunityRecord, PipelineRecord } from './core/model.js';

/**
 * An opportunity as HighLevel returns it (`SearchOpportunitiesResponseSchema`): its contact in
 * brief, `customFields` as `[{ id, fieldValue }]`, and no null properties.
 */
export function opportunityView(
  state: EmulatorState,
  opportunity: OpportunityRecord,
): Record<string, unknown> {
  const { customFields, ...fields } = opportunity;
  const view: Record<string, unknown> = {
    ...fields,
    customFields: Object.entries(customFields).map(([id, fieldValue]) => ({ id, fieldValue })),
  };
  const contact = state.contacts[opportunity.contactId];
  if (contact) {
    const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    const brief: Record<string, unknown> = {
      id: contact.id,
      name: contact.name ?? (fullName || undefined),
      companyName: contact.companyName,
      email: contact.email,
      phone: contact.phone,
      tags: contact.tags,
    };
    view.contact = Object.fromEntries(Object.entries(brief).filter(([, v]) => v != null));
  }
  return view;
}

/** A pipeline as `GET /opportunities/pipelines` lists it (`PipelinesResponseSchema`). */
export function pipelineView(pipeline: PipelineRecord): Record<string, unknown> {
  return {
    id: pipeline.id,
    name: pipeline.name,
    stages: pipeline.stages.map((stage) => ({
      ...stage,
      showInFunnel: pipeline.showInFunnel,
      showInPieChart: pipeline.showInPieChart,
    })),
    showInFunnel: pipeline.showInFunnel,
    showInPieChart: pipeline.showInPieChart,
    locationId: pipeline.locationId,
  };
}
