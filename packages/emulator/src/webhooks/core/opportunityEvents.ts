/**
 * Opportunity webhooks: flat `{ type, locationId, id, name, pipelineId, pipelineStageId, status,
 * monetaryValue, … }` (`spec/highlevel/docs/webhook events/Opportunity*.md`). REST calls the
 * creation time `createdAt`; the webhook calls it `dateAdded`.
 */
import type { WebhookEventOf } from '@ghl-bridge/client/webhooks';
import { compact, type DeliveryStamp } from './stamp.js';

export type OpportunityEventType =
  | 'OpportunityCreate'
  | 'OpportunityUpdate'
  | 'OpportunityDelete'
  | 'OpportunityStatusUpdate'
  | 'OpportunityStageUpdate'
  | 'OpportunityMonetaryValueUpdate'
  | 'OpportunityAssignedToUpdate';

type Text = string | null | undefined;

/** An opportunity as stored (HighLevel's REST opportunity); other fields are ignored. */
export interface OpportunityInput {
  id: string;
  locationId: string;
  name?: Text;
  contactId?: Text;
  pipelineId?: Text;
  pipelineStageId?: Text;
  /** `open`, `won`, `lost` or `abandoned`. */
  status?: Text;
  monetaryValue?: number | null;
  assignedTo?: Text;
  source?: Text;
  /** REST's creation time; used when `dateAdded` is absent. */
  createdAt?: Text;
  dateAdded?: Text;
}

/**
 * An Opportunity* event (create, update, delete, or a status/stage/value/owner change).
 *
 * @example
 * opportunityEvent('OpportunityStageUpdate', opportunity, stampDelivery(clock));
 */
export function opportunityEvent<T extends OpportunityEventType>(
  type: T,
  opportunity: OpportunityInput,
  stamp: DeliveryStamp,
): WebhookEventOf<T> {
  const payload: Omit<WebhookEventOf<'OpportunityCreate'>, 'type'> = compact({
    locationId: opportunity.locationId,
    id: opportunity.id,
    assignedTo: opportunity.assignedTo,
    contactId: opportunity.contactId,
    monetaryValue: opportunity.monetaryValue,
    name: opportunity.name,
    pipelineId: opportunity.pipelineId,
    pipelineStageId: opportunity.pipelineStageId,
    source: opportunity.source,
    status: opportunity.status,
    dateAdded: opportunity.dateAdded ?? opportunity.createdAt,
    ...stamp,
  });
  return { type, ...payload } as WebhookEventOf<T>;
}
