/**
 * Creating and changing opportunities with HighLevel's rules: the pipeline and stage belong to
 * the Location; a contact has at most one opportunity per pipeline (400 "Can not create
 * duplicate opportunity for the contact." with `meta.existingId`, observed live, see
 * DEVIATIONS.md); every change is announced as OpportunityUpdate plus the event of each field
 * HighLevel reports on its own (stage, status, monetary value, assignee).
 */
import { customFieldWrites } from '../contacts/customFieldValues.js';
import { contactOf } from '../contacts/lookup.js';
import { badRequest, HighLevelError, unprocessable, wrongLocation } from '../errors.js';
import { newId } from '../ids.js';
import { emit, nowIso, type Runtime } from '../runtime.js';
import type { LocationRecord } from '../locations/model.js';
import {
  OPPORTUNITY_STATUSES,
  type OpportunityRecord,
  type OpportunityStatus,
  type PipelineRecord,
} from './core/model.js';
import { opportunityView } from './view.js';

/** The fields of `CreateDto`, `UpdateOpportunityDto` and `UpsertOpportunityDto` that write. */
export interface OpportunityInput {
  pipelineId?: string;
  pipelineStageId?: string;
  name?: string;
  status?: string;
  monetaryValue?: number;
  assignedTo?: string;
  contactId?: string;
  lostReasonId?: string;
  customFields?: unknown;
}

/** The stored opportunity `id` of `location`: 400 when missing, 403 in another Location. */
export function opportunityOf(
  rt: Runtime,
  location: LocationRecord,
  id: string,
): OpportunityRecord {
  const opportunity = rt.state.opportunities[id];
  if (!opportunity) throw badRequest(`Opportunity not found for id:${id}`);
  if (opportunity.locationId !== location.id) throw wrongLocation();
  return opportunity;
}

function pipelineOf(rt: Runtime, location: LocationRecord, id: string): PipelineRecord {
  const pipeline = rt.state.pipelines[id];
  if (!pipeline) throw badRequest(`Pipeline not found for id:${id}`);
  if (pipeline.locationId !== location.id) throw wrongLocation();
  return pipeline;
}

function stageIdIn(pipeline: PipelineRecord, stageId: string | undefined): string {
  if (stageId === undefined) return pipeline.stages[0]!.id;
  if (!pipeline.stages.some((s) => s.id === stageId)) {
    throw badRequest(`Pipeline stage not found for id:${stageId}`);
  }
  return stageId;
}

/** `all` is in the DTOs' enum (it is a search filter) but no opportunity can have it. */
function statusOf(value: string): OpportunityStatus {
  const status = OPPORTUNITY_STATUSES.find((s) => s === value);
  if (!status) {
    throw unprocessable([
      `status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}`,
    ]);
  }
  return status;
}

function refuseDuplicate(rt: Runtime, contactId: string, pipelineId: string, self?: string) {
  const existing = Object.values(rt.state.opportunities).find(
    (o) => o.contactId === contactId && o.pipelineId === pipelineId && o.id !== self,
  );
  if (existing) {
    throw new HighLevelError(400, {
      statusCode: 400,
      message: 'Can not create duplicate opportunity for the contact.',
      code: 'OPPORTUNITY_NO_DUPLICATE',
      meta: { existingId: existing.id },
      error: 'Bad Request',
    });
  }
}

/** A bare `key` names an opportunity field here (`opportunity.<key>`), not a contact's. */
const opportunityKeys = (input: unknown) =>
  Array.isArray(input)
    ? input.map((item: unknown) => {
        const key = (item as { key?: unknown } | null)?.key;
        return typeof key === 'string' && !key.includes('.')
          ? { ...(item as object), key: `opportunity.${key}` }
          : item;
      })
    : input;

function writeCustomFields(rt: Runtime, opportunity: OpportunityRecord, input: unknown) {
  const fields = Object.values(rt.state.customFields).filter(
    (f) => f.locationId === opportunity.locationId && f.model === 'opportunity',
  );
  const writes = customFieldWrites(opportunityKeys(input), fields);
  for (const [id, value] of Object.entries(writes)) {
    if (value === null) delete opportunity.customFields[id];
    else opportunity.customFields[id] = value;
  }
}

function announce(rt: Runtime, type: string, opportunity: OpportunityRecord) {
  emit(rt, {
    type,
    locationId: opportunity.locationId,
    payload: opportunityView(rt.state, opportunity),
  });
}

/** A new opportunity (`CreateDto`, or an upsert that matched none), announced. */
export function createOpportunity(
  rt: Runtime,
  location: LocationRecord,
  input: OpportunityInput & { pipelineId: string; contactId: string; name: string },
): OpportunityRecord {
  const pipeline = pipelineOf(rt, location, input.pipelineId);
  const pipelineStageId = stageIdIn(pipeline, input.pipelineStageId);
  const contact = contactOf(rt, location, input.contactId);
  refuseDuplicate(rt, contact.id, pipeline.id);
  const now = nowIso(rt);
  const opportunity: OpportunityRecord = {
    id: newId(),
    locationId: location.id,
    name: input.name,
    contactId: contact.id,
    pipelineId: pipeline.id,
    pipelineStageId,
    status: statusOf(input.status ?? 'open'),
    monetaryValue: input.monetaryValue ?? 0,
    customFields: {},
    followers: [],
    lastStatusChangeAt: now,
    lastStageChangeAt: now,
    lastActionDate: now,
    createdAt: now,
    updatedAt: now,
  };
  if (input.assignedTo) opportunity.assignedTo = input.assignedTo;
  if (input.lostReasonId) opportunity.lostReasonId = input.lostReasonId;
  writeCustomFields(rt, opportunity, input.customFields);
  rt.state.opportunities[opportunity.id] = opportunity;
  announce(rt, 'OpportunityCreate', opportunity);
  return opportunity;
}

/** Applies an update (`UpdateOpportunityDto`, or an upsert that matched) and announces it. */
export function updateOpportunity(
  rt: Runtime,
  location: LocationRecord,
  opportunity: OpportunityRecord,
  input: OpportunityInput,
): void {
  const before = { ...opportunity };
  const pipeline = pipelineOf(rt, location, input.pipelineId ?? opportunity.pipelineId);
  if (pipeline.id !== opportunity.pipelineId) {
    refuseDuplicate(rt, opportunity.contactId, pipeline.id, opportunity.id);
  }
  const keepStage = pipeline.id === opportunity.pipelineId && !input.pipelineStageId;
  const stageId = keepStage
    ? opportunity.pipelineStageId
    : stageIdIn(pipeline, input.pipelineStageId);
  const status = input.status === undefined ? opportunity.status : statusOf(input.status);
  writeCustomFields(rt, opportunity, input.customFields);
  const now = nowIso(rt);
  Object.assign(opportunity, {
    pipelineId: pipeline.id,
    pipelineStageId: stageId,
    status,
    name: input.name ?? opportunity.name,
    monetaryValue: input.monetaryValue ?? opportunity.monetaryValue,
    assignedTo: input.assignedTo ?? opportunity.assignedTo,
    lostReasonId: input.lostReasonId ?? opportunity.lostReasonId,
    updatedAt: now,
    lastActionDate: now,
  });
  if (stageId !== before.pipelineStageId) opportunity.lastStageChangeAt = now;
  if (status !== before.status) opportunity.lastStatusChangeAt = now;
  for (const key of ['assignedTo', 'lostReasonId'] as const) {
    if (opportunity[key] === undefined) delete opportunity[key];
  }
  announce(rt, 'OpportunityUpdate', opportunity);
  const changed: [boolean, string][] = [
    [stageId !== before.pipelineStageId, 'OpportunityStageUpdate'],
    [status !== before.status, 'OpportunityStatusUpdate'],
    [opportunity.monetaryValue !== before.monetaryValue, 'OpportunityMonetaryValueUpdate'],
    [opportunity.assignedTo !== before.assignedTo, 'OpportunityAssignedToUpdate'],
  ];
  for (const [didChange, type] of changed) if (didChange) announce(rt, type, opportunity);
}

/** `PUT /opportunities/{id}/status`: the status alone, announced as OpportunityStatusUpdate. */
export function setOpportunityStatus(
  rt: Runtime,
  opportunity: OpportunityRecord,
  input: { status: string; lostReasonId?: string },
): void {
  const status = statusOf(input.status);
  const now = nowIso(rt);
  if (status !== opportunity.status) opportunity.lastStatusChangeAt = now;
  opportunity.status = status;
  if (input.lostReasonId) opportunity.lostReasonId = input.lostReasonId;
  opportunity.updatedAt = now;
  opportunity.lastActionDate = now;
  announce(rt, 'OpportunityStatusUpdate', opportunity);
}

/** Removes the opportunity and announces OpportunityDelete. */
export function deleteOpportunity(rt: Runtime, opportunity: OpportunityRecord): void {
  delete rt.state.opportunities[opportunity.id];
  announce(rt, 'OpportunityDelete', opportunity);
}
