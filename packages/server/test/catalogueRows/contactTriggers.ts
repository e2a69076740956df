/**
 * Rows for the triggers on contacts (and their tasks, notes and appointments), opportunities and
 * pipelines, workflows and campaigns. A "get" trigger's change edits the one item it watches a
 * second later on HighLevel's clock, so its `dateUpdated`/`updatedAt` moves; workflows, campaigns
 * and pipelines, which HighLevel's API cannot make, are made through the emulator's control API.
 */
import { A_MONDAY, at, type TriggerRow, type World } from './world.js';

/** A second passes in HighLevel, so the next write carries a later update time. */
const aSecondLater = ({ control }: World) => control.advanceClock(1000);

async function updateContact(w: World, contactId: string) {
  await aSecondLater(w);
  await w.hl('PUT', '/contacts/{contactId}', { lastName: 'Changed' }, { contactId });
}

export const contactTriggerRows: Record<string, TriggerRow> = {
  'get-contact': {
    input: async ({ make }) => ({ contactId: await make.contact() }),
    change: (w, input) => updateContact(w, input.contactId as string),
  },
  'search-contacts': {
    input: () => ({ pageLimit: 100, query: 'Searchable' }),
    change: async ({ make }) => {
      await make.contact({ firstName: 'Searchable' });
    },
  },
  'list-contacts-deprecated': {
    input: () => ({ pageLimit: 100, query: 'Listable' }),
    change: async ({ make }) => {
      await make.contact({ firstName: 'Listable' });
    },
  },
  'get-duplicate-contact': {
    input: async ({ make }) => {
      await make.contact({ email: 'twin@example.com' });
      return { email: 'twin@example.com' };
    },
    change: async (w) => {
      const { contacts } = w.control.locationState(w.ws.locationId);
      await updateContact(w, contacts.find((c) => c.email === 'twin@example.com')!.id);
    },
  },
  'get-contact-appointments': {
    input: async ({ make }) => ({ contactId: (await make.appointment()).contactId }),
    change: async ({ hl, ws, calendarId }, input) => {
      const body = {
        locationId: ws.locationId,
        calendarId,
        contactId: input.contactId,
        startTime: at(17),
        ignoreFreeSlotValidation: true,
      };
      await hl('POST', '/calendars/events/appointments', body);
    },
  },
  'get-contact-tasks': {
    input: async ({ make }) => ({ contactId: await make.contact() }),
    change: async ({ make }, input) => {
      await make.task(input.contactId as string);
    },
  },
  'get-contact-task-by-id': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, taskId: await make.task(contactId) };
    },
    change: async ({ hl }, { contactId, taskId }) => {
      const body = { title: 'Call back on Friday', dueDate: `${A_MONDAY}T16:00:00.000Z` };
      await hl('PUT', '/contacts/{contactId}/tasks/{taskId}', body, {
        contactId: contactId as string,
        taskId: taskId as string,
      });
    },
  },
  'get-contact-notes': {
    input: async ({ make }) => ({ contactId: await make.contact() }),
    change: async ({ make }, input) => {
      await make.note(input.contactId as string);
    },
  },
  'get-contact-note-by-id': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, id: await make.note(contactId) };
    },
    change: async ({ hl }, { contactId, id }) => {
      await hl(
        'PUT',
        '/contacts/{contactId}/notes/{id}',
        { body: 'Prefers evenings' },
        {
          contactId: contactId as string,
          id: id as string,
        },
      );
    },
  },
  'search-opportunities': {
    // A pipeline of its own, so the new opportunity is on the first page whatever else exists.
    input: ({ control, ws }) => ({
      location_id: ws.locationId,
      pipeline_id: control.createPipeline(ws.locationId, { name: 'Weddings' }).id,
      limit: 100,
    }),
    change: async ({ make, hl, ws }, input) => {
      const body = {
        locationId: ws.locationId,
        pipelineId: input.pipeline_id,
        contactId: await make.contact(),
        name: 'Garden wedding',
        status: 'open',
      };
      await hl('POST', '/opportunities/', body);
    },
  },
  'get-opportunity': {
    input: async ({ make }) => ({ id: await make.opportunity() }),
    change: async (w, input) => {
      await aSecondLater(w);
      await w.hl(
        'PUT',
        '/opportunities/{id}',
        { name: 'Wedding package (gold)' },
        {
          id: input.id as string,
        },
      );
    },
  },
  'list-pipelines': {
    input: () => ({}),
    change: ({ control, ws }) => {
      control.createPipeline(ws.locationId, { name: 'Referrals', stages: ['Asked', 'Given'] });
      return Promise.resolve();
    },
  },
  'list-workflows': {
    input: () => ({}),
    change: ({ control, ws }) => {
      control.createWorkflow(ws.locationId, { name: 'Birthday greetings' });
      return Promise.resolve();
    },
  },
  'list-campaigns': {
    input: () => ({}),
    change: ({ control, ws }) => {
      control.createCampaign(ws.locationId, { name: 'Summer offers' });
      return Promise.resolve();
    },
  },
};
