/**
 * A contact's campaigns (contacts.json, tag "Campaigns"): add to one (201), remove from one or
 * from every one (200), each answering `{ succeded: true }` with HighLevel's spelling. Adding a
 * contact already in the campaign, or removing one who is not, changes nothing and succeeds.
 */
import { campaignOf } from '../automation/lookup.js';
import { contactOf } from '../contacts/lookup.js';
import { dtoRules, validBody } from '../dto.js';
import { newId } from '../ids.js';
import { nowIso, route } from '../runtime.js';
import type { EmulatorState } from '../state.js';

/** `AddContactToCampaignDto` has no properties: any body property is a 422. */
const addRules = dtoRules('contacts', 'AddContactToCampaignDto');

const succeeded = (status: number) => ({ status, body: { succeded: true } });

function removeWhere(
  state: EmulatorState,
  keep: (contactId: string, campaignId: string) => boolean,
) {
  for (const [id, record] of Object.entries(state.contactCampaigns)) {
    if (!keep(record.contactId, record.campaignId)) delete state.contactCampaigns[id];
  }
}

export const addContactToCampaignRoute = route(
  'POST',
  '/contacts/{contactId}/campaigns/{campaignId}',
  ({ params, body, location, rt }) => {
    validBody(addRules, body);
    const contact = contactOf(rt, location, params.contactId!);
    const campaign = campaignOf(rt, location, params.campaignId!);
    const already = Object.values(rt.state.contactCampaigns).some(
      (r) => r.contactId === contact.id && r.campaignId === campaign.id,
    );
    if (!already) {
      const id = newId();
      rt.state.contactCampaigns[id] = {
        id,
        locationId: location.id,
        contactId: contact.id,
        campaignId: campaign.id,
        dateAdded: nowIso(rt),
      };
    }
    return succeeded(201);
  },
);

export const removeContactFromCampaignRoute = route(
  'DELETE',
  '/contacts/{contactId}/campaigns/{campaignId}',
  ({ params, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const campaign = campaignOf(rt, location, params.campaignId!);
    removeWhere(rt.state, (c, k) => c !== contact.id || k !== campaign.id);
    return succeeded(200);
  },
);

export const removeContactFromAllCampaignsRoute = route(
  'DELETE',
  '/contacts/{contactId}/campaigns/removeAll',
  ({ params, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    removeWhere(rt.state, (c) => c !== contact.id);
    return succeeded(200);
  },
);

export const contactCampaignRoutes = [
  addContactToCampaignRoute,
  removeContactFromCampaignRoute,
  removeContactFromAllCampaignsRoute,
];
