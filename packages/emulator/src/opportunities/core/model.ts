/**
 * Pipelines and opportunities as the emulator stores them (spec/highlevel/apps/opportunities.json:
 * `PipelinesResponseSchema`, `SearchOpportunitiesResponseSchema`). Opportunities use
 * `createdAt`/`updatedAt`, unlike contacts' `dateAdded`/`dateUpdated`.
 */
import type { CustomFieldValue } from '../../contacts/core/model.js';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export interface PipelineStage {
  id: string;
  name: string;
  position: number;
}

export interface PipelineRecord {
  id: string;
  locationId: string;
  name: string;
  stages: PipelineStage[];
  showInFunnel: boolean;
  showInPieChart: boolean;
  dateAdded: string;
}

export interface OpportunityRecord {
  id: string;
  locationId: string;
  name: string;
  contactId: string;
  pipelineId: string;
  pipelineStageId: string;
  status: OpportunityStatus;
  monetaryValue: number;
  assignedTo?: string;
  source?: string;
  lostReasonId?: string;
  /** Custom field id -> value (fields of model `opportunity`). */
  customFields: Record<string, CustomFieldValue>;
  /** User ids following the opportunity. */
  followers: string[];
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
  lastActionDate: string;
  createdAt: string;
  updatedAt: string;
}
