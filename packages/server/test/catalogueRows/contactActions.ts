/**
 * Rows for the actions on a contact's tags in bulk, its campaigns, workflows and followers, and
 * an opportunity's followers. HighLevel has no operation that makes workflows or campaigns: staff
 * build them, and the rows make them through the emulator's control API.
 */
import { expect } from 'vitest';
import { byId, type ActionRow, type World } from './world.js';

const campaign = ({ control, ws }: World, name: string) =>
  control.createCampaign(ws.locationId, { name }).id;
const workflow = ({ control, ws }: World, name: string) =>
  control.createWorkflow(ws.locationId, { name }).id;

async function inCampaign(w: World, contactId: string, campaignId: string) {
  await w.hl('POST', '/contacts/{contactId}/campaigns/{campaignId}', {}, { contactId, campaignId });
}

/** The campaign ids the contact is in, as HighLevel holds them. */
const campaignsOf = (state: Parameters<ActionRow['check']>[0], contactId: unknown) =>
  state.contactCampaigns.filter((m) => m.contactId === contactId).map((m) => m.campaignId);

const workflowsOf = (state: Parameters<ActionRow['check']>[0], contactId: unknown) =>
  state.contactWorkflows.filter((m) => m.contactId === contactId).map((m) => m.workflowId);

export const contactActionRows: Record<string, ActionRow> = {
  'bulk-update-contact-tags': {
    input: async ({ make }) => ({
      type: 'add',
      contacts: [await make.contact({ tags: ['vip'] }), await make.contact()],
      tags: ['Spring Promo'],
    }),
    check: (state, input, result) => {
      expect(result).toMatchObject({ succeded: true, errorCount: 0 });
      const [first, second] = input.contacts as string[];
      expect(byId(state.contacts, first)?.tags).toEqual(['vip', 'spring promo']);
      expect(byId(state.contacts, second)?.tags).toEqual(['spring promo']);
    },
  },
  'add-contact-to-campaign': {
    input: async (w) => ({
      contactId: await w.make.contact(),
      campaignId: campaign(w, 'Spring newsletter'),
    }),
    check: (state, input) =>
      expect(campaignsOf(state, input.contactId)).toEqual([input.campaignId]),
  },
  'remove-from-campaign': {
    input: async (w) => {
      const contactId = await w.make.contact();
      const [spring, autumn] = [campaign(w, 'Spring'), campaign(w, 'Autumn')];
      await inCampaign(w, contactId, spring);
      await inCampaign(w, contactId, autumn);
      return { contactId, campaignId: spring };
    },
    check: (state, input) => {
      const left = campaignsOf(state, input.contactId);
      expect(left).toHaveLength(1);
      expect(left).not.toContain(input.campaignId);
    },
  },
  'remove-from-all-campaigns': {
    input: async (w) => {
      const contactId = await w.make.contact();
      await inCampaign(w, contactId, campaign(w, 'Spring'));
      await inCampaign(w, contactId, campaign(w, 'Autumn'));
      return { contactId };
    },
    check: (state, input) => expect(campaignsOf(state, input.contactId)).toEqual([]),
  },
  'add-contact-to-workflow': {
    input: async (w) => ({
      contactId: await w.make.contact(),
      workflowId: workflow(w, 'Welcome series'),
      eventStartTime: '2030-03-04T09:00:00-05:00',
    }),
    check: (state, input) =>
      expect(state.contactWorkflows.filter((m) => m.contactId === input.contactId)).toMatchObject([
        { workflowId: input.workflowId, eventStartTime: '2030-03-04T09:00:00-05:00' },
      ]),
  },
  'remove-from-workflow': {
    input: async (w) => {
      const contactId = await w.make.contact();
      const workflowId = workflow(w, 'Win back');
      await w.hl(
        'POST',
        '/contacts/{contactId}/workflow/{workflowId}',
        {},
        {
          contactId,
          workflowId,
        },
      );
      return { contactId, workflowId };
    },
    check: (state, input) => expect(workflowsOf(state, input.contactId)).toEqual([]),
  },
  'add-contact-followers': {
    input: async ({ make, userId }) => ({ contactId: await make.contact(), followers: [userId] }),
    check: (state, input) =>
      expect(byId(state.contacts, input.contactId)?.followers).toEqual(input.followers),
  },
  'remove-contact-followers': {
    input: async ({ make, hl, control, ws, userId }) => {
      const contactId = await make.contact();
      const other = control.createUser(ws.locationId, { firstName: 'Fay', lastName: 'Follower' });
      await hl(
        'POST',
        '/contacts/{contactId}/followers',
        { followers: [userId, other.id] },
        {
          contactId,
        },
      );
      return { contactId, followers: [userId] };
    },
    check: (state, input) => {
      const followers = byId(state.contacts, input.contactId)?.followers;
      expect(followers).toHaveLength(1);
      expect(followers).not.toContain((input.followers as string[])[0]);
    },
  },
  'add-followers': {
    input: async ({ make, userId }) => ({ id: await make.opportunity(), followers: [userId] }),
    check: (state, input) =>
      expect(byId(state.opportunities, input.id)?.followers).toEqual(input.followers),
  },
  'remove-followers': {
    input: async ({ make, hl, userId }) => {
      const id = await make.opportunity();
      await hl('POST', '/opportunities/{id}/followers', { followers: [userId] }, { id });
      return { id, followers: [userId], isRemoveAllFollowers: false };
    },
    check: (state, input) => expect(byId(state.opportunities, input.id)?.followers).toEqual([]),
  },
};
