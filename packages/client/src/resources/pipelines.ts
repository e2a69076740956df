import type { CallOptions } from '../types.js';
import { Resource, type OpportunitySchemas } from './resource.js';

/** A stage of a pipeline, as HighLevel returns it inside `stages`. */
export interface PipelineStage {
  id: string;
  name: string;
  position?: number;
  showInFunnel?: boolean;
  showInPieChart?: boolean;
}

/**
 * The spec types `stages` as an array of arrays (`items: { type: array }`); HighLevel returns
 * an array of stage objects.
 */
export type Pipeline = Omit<OpportunitySchemas['PipelinesResponseSchema'], 'stages'> & {
  stages?: PipelineStage[];
};

/** Opportunity pipelines (`GET /opportunities/pipelines`, `apps/opportunities.json`). */
export class Pipelines extends Resource {
  /**
   * @example
   * const pipelines = await hl.pipelines.list(locationId);
   * const won = pipelines[0]?.stages?.find((s) => s.name === 'Won');
   */
  async list(locationId: string, options: CallOptions = {}): Promise<Pipeline[]> {
    const res = await this.client.request('GET', '/opportunities/pipelines', {
      ...options,
      query: { locationId },
    });
    return (res.pipelines ?? []) as unknown as Pipeline[];
  }
}
