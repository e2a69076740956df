/**
 * Opportunities CRUD, status and upsert (spec/highlevel/apps/opportunities.json). Create is 201,
 * everything else 200; delete and status answer `{ succeded: true }` with HighLevel's spelling.
 */
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import type { OpportunityRecord } from '../opportunities/core/model.js';
import { opportunityView } from '../opportunities/view.js';
import {
  createOpportunity,
  deleteOpportunity,
  opportunityOf,
  setOpportunityStatus,
  updateOpportunity,
  type OpportunityInput,
} from '../opportunities/writes.js';
import { route } from '../runtime.js';
import type { EmulatorState } from '../state.js';

const createRules = dtoRules('opportunities', 'CreateDto');
const updateRules = dtoRules('opportunities', 'UpdateOpportunityDto');
const statusRules = dtoRules('opportunities', 'UpdateStatusDto');
/**
 * `UpsertOpportunityDto` types `monetaryValue` as an object, marks the follower fields required
 * and has no `contactId`, which a new opportunity needs; see DEVIATIONS.md.
 */
const upsertRules = {
  ...dtoRules('opportunities', 'UpsertOpportunityDto', {
    extra: { contactId: { type: 'string', nullable: false } },
    types: { monetaryValue: { type: 'number', nullable: false } },
  }),
  required: ['pipelineId', 'locationId'],
};

const answer = (status: number, state: EmulatorState, opportunity: OpportunityRecord) => ({
  status,
  body: { opportunity: opportunityView(state, opportunity) },
});

export const createOpportunityRoute = route('POST', '/opportunities/', ({ body, location, rt }) => {
  const input = validBody(createRules, body) as unknown as OpportunityInput & {
    pipelineId: string;
    contactId: string;
    name: string;
  };
  return answer(201, rt.state, createOpportunity(rt, location, input));
});

export const getOpportunityRoute = route('GET', '/opportunities/{id}', ({ params, location, rt }) =>
  answer(200, rt.state, opportunityOf(rt, location, params.id!)),
);

export const updateOpportunityRoute = route(
  'PUT',
  '/opportunities/{id}',
  ({ params, body, location, rt }) => {
    const opportunity = opportunityOf(rt, location, params.id!);
    updateOpportunity(rt, location, opportunity, validBody(updateRules, body));
    return answer(200, rt.state, opportunity);
  },
);

export const deleteOpportunityRoute = route(
  'DELETE',
  '/opportunities/{id}',
  ({ params, location, rt }) => {
    deleteOpportunity(rt, opportunityOf(rt, location, params.id!));
    return { status: 200, body: { succeded: true } };
  },
);

export const opportunityStatusRoute = route(
  'PUT',
  '/opportunities/{id}/status',
  ({ params, body, location, rt }) => {
    const opportunity = opportunityOf(rt, location, params.id!);
    const input = validBody(statusRules, body) as { status: string; lostReasonId?: string };
    setOpportunityStatus(rt, opportunity, input);
    return { status: 200, body: { succeded: true } };
  },
);

/** `followers` with `followersActionType` add/remove, after `isRemoveAllFollowers`. */
function applyFollowers(opportunity: OpportunityRecord, input: Record<string, unknown>) {
  if (input.isRemoveAllFollowers === true) opportunity.followers = [];
  const followers = (input.followers as string[] | undefined) ?? [];
  if (input.followersActionType === 'remove') {
    opportunity.followers = opportunity.followers.filter((f) => !followers.includes(f));
  } else {
    opportunity.followers = [...new Set([...opportunity.followers, ...followers])];
  }
}

/**
 * Updates the opportunity `id`, or else the contact's opportunity in the pipeline, or else
 * creates one (named after the contact when no `name` is given); `new` says which.
 */
export const upsertOpportunityRoute = route(
  'POST',
  '/opportunities/upsert',
  ({ body, location, rt }) => {
    const input = validBody(upsertRules, body) as OpportunityInput &
      Record<string, unknown> & { pipelineId: string };
    const id = input.id as string | undefined;
    const existing = id
      ? opportunityOf(rt, location, id)
      : Object.values(rt.state.opportunities).find(
          (o) =>
            o.locationId === location.id &&
            o.pipelineId === input.pipelineId &&
            input.contactId !== undefined &&
            o.contactId === input.contactId,
        );
    let opportunity: OpportunityRecord;
    if (existing) {
      updateOpportunity(rt, location, existing, input);
      opportunity = existing;
    } else {
      if (!input.contactId) throw unprocessable(['contactId should not be empty']);
      const contact = rt.state.contacts[input.contactId];
      const contactName = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
      const name =
        input.name ?? contact?.name ?? (contactName || contact?.email || contact?.phone || '');
      opportunity = createOpportunity(rt, location, {
        ...input,
        contactId: input.contactId,
        name: name || 'Opportunity',
      });
    }
    applyFollowers(opportunity, input);
    return {
      status: 200,
      body: { opportunity: opportunityView(rt.state, opportunity), new: !existing },
    };
  },
);

export const opportunityRoutes = [
  createOpportunityRoute,
  getOpportunityRoute,
  updateOpportunityRoute,
  deleteOpportunityRoute,
  opportunityStatusRoute,
  upsertOpportunityRoute,
];
