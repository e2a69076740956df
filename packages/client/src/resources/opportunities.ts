import type { Paths } from '../generated/index.js';
import type { CallOptions } from '../types.js';
import { paginate } from './paginate.js';
import { Resource, type OpportunitySchemas } from './resource.js';

export type Opportunity = OpportunitySchemas['SearchOpportunitiesResponseSchema'];
export type OpportunityStatus = OpportunitySchemas['UpdateStatusDto']['status'];
export type CreateOpportunityInput = OpportunitySchemas['CreateDto'];
export type UpdateOpportunityInput = OpportunitySchemas['UpdateOpportunityDto'];
export type OpportunitySearchMeta = OpportunitySchemas['SearchMetaResponseSchema'];

type Upsert = OpportunitySchemas['UpsertOpportunityDto'];
/**
 * `UpsertOpportunityDto` as HighLevel takes it: the spec types `monetaryValue` as an object (its
 * example is `220`), marks the three follower fields required although an upsert without
 * followers is ordinary, and has no `contactId`, which an opportunity cannot exist without and
 * which integrators send.
 */
export type UpsertOpportunityInput = Omit<
  Upsert,
  'monetaryValue' | 'followers' | 'isRemoveAllFollowers' | 'followersActionType'
> &
  Partial<Pick<Upsert, 'followers' | 'isRemoveAllFollowers' | 'followersActionType'>> & {
    monetaryValue?: number;
    contactId?: string;
  };

type SpecSearchQuery = Paths['/opportunities/search']['get']['parameters']['query'];
/**
 * `GET /opportunities/search` parameters, named as everywhere else in this client; they are sent
 * under HighLevel's snake_case names (`location_id`, `pipeline_id`, `pipeline_stage_id`,
 * `contact_id`, `assigned_to`, `q`).
 */
export type OpportunitySearchParams = Omit<
  SpecSearchQuery,
  'location_id' | 'pipeline_id' | 'pipeline_stage_id' | 'contact_id' | 'assigned_to' | 'q'
> & {
  locationId: string;
  pipelineId?: string;
  pipelineStageId?: string;
  contactId?: string;
  assignedTo?: string;
  /** Free text. */
  query?: string;
};

export interface OpportunitySearchPage {
  opportunities: Opportunity[];
  /** The cursor of the next page (`startAfter`, `startAfterId`) and the `total`. */
  meta: OpportunitySearchMeta;
}

function searchQuery(params: OpportunitySearchParams): SpecSearchQuery {
  const { locationId, pipelineId, pipelineStageId, contactId, assignedTo, query, ...rest } = params;
  return {
    ...rest,
    location_id: locationId,
    pipeline_id: pipelineId,
    pipeline_stage_id: pipelineStageId,
    contact_id: contactId,
    assigned_to: assignedTo,
    q: query,
  };
}

/** HighLevel's maximum `limit` for opportunity search. */
const MAX_PAGE = 100;

/** Opportunities (deals in pipelines) (`apps/opportunities.json`, Version 2021-07-28). */
export class Opportunities extends Resource {
  /** @example await hl.opportunities.create({ locationId, pipelineId, contactId, name: 'Roof repair', status: 'open' }); */
  async create(input: CreateOpportunityInput, options: CallOptions = {}): Promise<Opportunity> {
    const res = await this.client.request('POST', '/opportunities/', { ...options, body: input });
    return res.opportunity as Opportunity;
  }

  /** @example const opp = await hl.opportunities.get(opportunityId); */
  async get(id: string, options: CallOptions = {}): Promise<Opportunity> {
    const res = await this.client.request('GET', '/opportunities/{id}', {
      ...options,
      path: { id },
    });
    return res.opportunity as Opportunity;
  }

  /** @example await hl.opportunities.update(opportunityId, { pipelineStageId, monetaryValue: 1200 }); */
  async update(
    id: string,
    input: UpdateOpportunityInput,
    options: CallOptions = {},
  ): Promise<Opportunity> {
    const res = await this.client.request('PUT', '/opportunities/{id}', {
      ...options,
      path: { id },
      body: input,
    });
    return res.opportunity as Opportunity;
  }

  /** @example await hl.opportunities.delete(opportunityId); */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.client.request('DELETE', '/opportunities/{id}', { ...options, path: { id } });
  }

  /** @example await hl.opportunities.updateStatus(opportunityId, 'lost', { lostReasonId }); */
  async updateStatus(
    id: string,
    status: OpportunityStatus,
    extra: { lostReasonId?: string } = {},
    options: CallOptions = {},
  ): Promise<void> {
    await this.client.request('PUT', '/opportunities/{id}/status', {
      ...options,
      path: { id },
      body: { ...extra, status },
    });
  }

  /**
   * Creates the opportunity, or updates the one with this `id`. Sent with `raw`: the spec's
   * schema is wrong (see `UpsertOpportunityInput`).
   *
   * @example const { opportunity, new: created } = await hl.opportunities.upsert({ locationId, pipelineId, contactId, name: 'Roof repair' });
   */
  async upsert(
    input: UpsertOpportunityInput,
    options: CallOptions = {},
  ): Promise<{ opportunity: Opportunity; new: boolean }> {
    const res = await this.client.raw<{ opportunity?: Opportunity; new?: boolean }>(
      'POST',
      '/opportunities/upsert',
      { ...options, body: input },
    );
    return { opportunity: res.opportunity as Opportunity, new: res.new === true };
  }

  /**
   * One page of `GET /opportunities/search`.
   *
   * @example const { opportunities, meta } = await hl.opportunities.search({ locationId, contactId, status: 'open' });
   */
  async search(
    params: OpportunitySearchParams,
    options: CallOptions = {},
  ): Promise<OpportunitySearchPage> {
    const res = await this.client.request('GET', '/opportunities/search', {
      ...options,
      query: searchQuery(params),
    });
    return { opportunities: res.opportunities ?? [], meta: res.meta ?? {} };
  }

  /**
   * Every opportunity matching `params`, following the `startAfter`/`startAfterId` cursor of each
   * page's `meta`.
   *
   * @example for await (const opp of hl.opportunities.searchAll({ locationId, pipelineId })) total += opp.monetaryValue ?? 0;
   */
  searchAll(
    params: Omit<OpportunitySearchParams, 'page' | 'startAfter' | 'startAfterId'>,
    options: CallOptions = {},
  ): AsyncGenerator<Opportunity> {
    const limit = Math.min(params.limit ?? MAX_PAGE, MAX_PAGE);
    return paginate(
      (cursor: { startAfter: string; startAfterId: string } | undefined) =>
        this.search({ ...params, limit, ...cursor }, options),
      ({ opportunities, meta }) => ({
        items: opportunities,
        next:
          opportunities.length < limit || !meta.startAfterId || meta.startAfter === undefined
            ? undefined
            : { startAfter: String(meta.startAfter), startAfterId: meta.startAfterId },
      }),
    );
  }
}
