/**
 * Pipelines through the control API. HighLevel's v2 API can read pipelines but not create them
 * (spec/highlevel/apps/opportunities.json has only `GET /opportunities/pipelines`), so tests and
 * the demo seed make them here.
 */
import { randomUUID } from 'node:crypto';
import { newId } from '../ids.js';
import type { PipelineRecord } from '../opportunities/core/model.js';
import { nowIso, type Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

export interface CreatePipelineInput {
  name?: string;
  /** Stage names in order, or `{ name, id }` to fix ids; default New, Contacted, Booked, Won. */
  stages?: (string | { name: string; id?: string })[];
  showInFunnel?: boolean;
  showInPieChart?: boolean;
  /** A fixed id, for seeds. */
  id?: string;
}

const DEFAULT_STAGES = ['New', 'Contacted', 'Booked', 'Won'];

/** The pipeline part of the control surface: `createPipeline`. */
export function pipelinesControl(rt: Runtime) {
  return {
    /** Creates a pipeline with its stages (stage ids are UUIDs, as HighLevel's). */
    createPipeline(locationId: string, input: CreatePipelineInput = {}): PipelineRecord {
      knownLocation(rt, locationId);
      const stages = input.stages ?? DEFAULT_STAGES;
      if (!Array.isArray(stages) || stages.length === 0) {
        throw new ControlError(422, 'invalid_pipeline', 'A pipeline needs at least one stage');
      }
      const pipeline: PipelineRecord = {
        id: input.id ?? newId(),
        locationId,
        name: input.name ?? 'Sales Pipeline',
        stages: stages.map((stage, position) =>
          typeof stage === 'string'
            ? { id: randomUUID(), name: stage, position }
            : { id: stage.id ?? randomUUID(), name: stage.name, position },
        ),
        showInFunnel: input.showInFunnel ?? true,
        showInPieChart: input.showInPieChart ?? true,
        dateAdded: nowIso(rt),
      };
      rt.state.pipelines[pipeline.id] = pipeline;
      return structuredClone(pipeline);
    },
  };
}
