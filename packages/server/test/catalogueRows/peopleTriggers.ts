/**
 * Rows for the triggers on the Location's team, its businesses and its setup: users, businesses
 * and their contacts, the Location itself and its custom fields.
 */
import type { TriggerRow, World } from './world.js';

const companyOf = ({ control, ws }: World) =>
  control.locationState(ws.locationId).location!.companyId;

let hires = 0;

/** A new team member, added through HighLevel's `POST /users/`. */
async function hire(world: World): Promise<void> {
  hires += 1;
  await world.hl('POST', '/users/', {
    companyId: companyOf(world),
    firstName: 'New',
    lastName: `Hire${hires}`,
    email: `new.hire${hires}@example.com`,
    password: 'correct horse battery staple',
    type: 'account',
    role: 'user',
    locationIds: [world.ws.locationId],
  });
}

async function business(world: World, name: string): Promise<string> {
  const body = { locationId: world.ws.locationId, name };
  return (await world.hl<{ buiseness: { id: string } }>('POST', '/businesses/', body)).buiseness.id;
}

export const peopleTriggerRows: Record<string, TriggerRow> = {
  'search-users': {
    input: (world) => ({ companyId: companyOf(world) }),
    change: hire,
  },
  'list-users-by-location': {
    input: (world) => ({ companyId: companyOf(world), locationId: world.ws.locationId }),
    change: hire,
  },
  'get-user': {
    input: ({ control, ws }) => ({
      userId: control.createUser(ws.locationId, { firstName: 'Pat', lastName: 'Part-time' }).id,
    }),
    change: async ({ hl }, input) => {
      await hl(
        'PUT',
        '/users/{userId}',
        { lastName: 'Full-time' },
        { userId: input.userId as string },
      );
    },
  },
  'get-business': {
    input: async (world) => ({ businessId: await business(world, 'Delta Dental') }),
    change: async ({ hl, control }, input) => {
      // `updatedAt` is kept to the millisecond: let one pass so the change shows in it.
      await control.advanceClock(1000);
      await hl(
        'PUT',
        '/businesses/{businessId}',
        { phone: '+15125550123' },
        { businessId: input.businessId as string },
      );
    },
  },
  'list-businesses-by-location': {
    input: () => ({}),
    change: async (world) => {
      await business(world, 'Echo Optics');
    },
  },
  'get-contacts-by-business': {
    input: async (world) => ({ businessId: await business(world, 'Foxtrot Fitness') }),
    change: async (world, input) => {
      const body = {
        locationId: world.ws.locationId,
        ids: [await world.make.contact()],
        businessId: input.businessId,
      };
      await world.hl('POST', '/contacts/bulk/business', body);
    },
  },
  // A Location token finds only its own Location, so the news is staff renaming it in HighLevel.
  'list-locations': {
    input: () => ({}),
    change: ({ control, ws }) => {
      control.updateLocation(ws.locationId, { name: 'Renamed by staff' });
      return Promise.resolve();
    },
  },
  'list-custom-fields': {
    input: () => ({}),
    change: async ({ hl, ws }) => {
      await hl(
        'POST',
        '/locations/{locationId}/customFields',
        { name: 'Favourite treatment', dataType: 'TEXT' },
        { locationId: ws.locationId },
      );
    },
  },
};
