/**
 * Workflows and campaigns through the control API. HighLevel's v2 API lists them
 * (`GET /workflows/`, `GET /campaigns/`) but has no operation to make them: staff build them in
 * HighLevel's builder, so tests and demos make them here.
 */
import { randomUUID } from 'node:crypto';
import type { CampaignRecord, WorkflowRecord } from '../automation/core/model.js';
import { newId } from '../ids.js';
import { nowIso, type Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

/** The statuses HighLevel's spec shows for workflows and campaigns. */
export const AUTOMATION_STATUSES = ['draft', 'published'] as const;

export interface CreateWorkflowInput {
  name?: string;
  /** `draft` or `published`; default `published`. */
  status?: string;
  /** A fixed id, for seeds; default a UUID. */
  id?: string;
}

export interface CreateCampaignInput {
  name?: string;
  /** `draft` or `published`; default `published`. */
  status?: string;
  /** A fixed id, for seeds. */
  id?: string;
}

function statusOf(status: unknown): string {
  if (status === undefined) return 'published';
  if (!AUTOMATION_STATUSES.includes(status as (typeof AUTOMATION_STATUSES)[number])) {
    throw new ControlError(422, 'invalid_status', 'status must be "draft" or "published"');
  }
  return status as string;
}

function nameOf(name: unknown, fallback: string): string {
  if (name === undefined) return fallback;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ControlError(422, 'invalid_field', 'name must be a non-empty string');
  }
  return name;
}

/** The workflow and campaign part of the control surface. */
export function automationControl(rt: Runtime) {
  return {
    /** Creates a workflow (version 1) as `GET /workflows/` lists it. */
    createWorkflow(locationId: string, input: CreateWorkflowInput = {}): WorkflowRecord {
      knownLocation(rt, locationId);
      const now = nowIso(rt);
      const workflow: WorkflowRecord = {
        id: input.id ?? randomUUID(),
        locationId,
        name: nameOf(input.name, 'New Workflow'),
        status: statusOf(input.status),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      rt.state.workflows[workflow.id] = workflow;
      return structuredClone(workflow);
    },

    /** Creates a campaign as `GET /campaigns/` lists it. */
    createCampaign(locationId: string, input: CreateCampaignInput = {}): CampaignRecord {
      knownLocation(rt, locationId);
      const campaign: CampaignRecord = {
        id: input.id ?? newId(),
        locationId,
        name: nameOf(input.name, 'New Campaign'),
        status: statusOf(input.status),
        dateAdded: nowIso(rt),
      };
      rt.state.campaigns[campaign.id] = campaign;
      return structuredClone(campaign);
    },
  };
}

export type AutomationControl = ReturnType<typeof automationControl>;
