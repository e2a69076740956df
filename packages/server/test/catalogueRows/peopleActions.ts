/**
 * Rows for the actions on the Location's team and its businesses: users made, changed and
 * removed, businesses made, changed and removed, and contacts linked to a business.
 */
import { expect } from 'vitest';
import { byId, type ActionRow, type World } from './world.js';

const companyOf = ({ control, ws }: World) =>
  control.locationState(ws.locationId).location!.companyId;

async function business(world: World, name: string): Promise<string> {
  const body = { locationId: world.ws.locationId, name };
  return (await world.hl<{ buiseness: { id: string } }>('POST', '/businesses/', body)).buiseness.id;
}

const staffMember = (world: World, firstName: string) =>
  world.control.createUser(world.ws.locationId, { firstName, lastName: 'Staff' }).id;

export const peopleActionRows: Record<string, ActionRow> = {
  'create-user': {
    input: (world) => ({
      companyId: companyOf(world),
      firstName: 'Casey',
      lastName: 'Clerk',
      email: 'casey.clerk@example.com',
      password: 'correct horse battery staple',
      type: 'account',
      role: 'user',
      locationIds: [world.ws.locationId],
    }),
    check: (state, _, result) =>
      expect(byId(state.users, result.id)).toMatchObject({
        name: 'Casey Clerk',
        email: 'casey.clerk@example.com',
        role: 'user',
      }),
  },
  'update-user': {
    input: (world) => ({ userId: staffMember(world, 'Robin'), lastName: 'Receptionist' }),
    check: (state, input) =>
      expect(byId(state.users, input.userId)).toMatchObject({ name: 'Robin Receptionist' }),
  },
  'delete-user': {
    input: (world) => ({ userId: staffMember(world, 'Leaving') }),
    check: (state, input) => expect(byId(state.users, input.userId)).toBeUndefined(),
  },
  'create-business': {
    input: () => ({ name: 'Acme Dental', city: 'Austin', website: 'acme.example' }),
    check: (state, _, result) => {
      const made = result.buiseness as { id: string };
      expect(byId(state.businesses, made.id)).toMatchObject({
        name: 'Acme Dental',
        city: 'Austin',
        website: 'acme.example',
      });
    },
  },
  'update-business': {
    input: async (world) => ({
      businessId: await business(world, 'Bolt Plumbing'),
      name: 'Bolt & Sons Plumbing',
    }),
    check: (state, input) =>
      expect(byId(state.businesses, input.businessId)?.name).toBe('Bolt & Sons Plumbing'),
  },
  'delete-business': {
    input: async (world) => ({ businessId: await business(world, 'Closing Down Ltd') }),
    check: (state, input) => expect(byId(state.businesses, input.businessId)).toBeUndefined(),
  },
  'bulk-business-update': {
    input: async (world) => ({
      ids: [await world.make.contact(), await world.make.contact()],
      businessId: await business(world, 'Crest Dentistry'),
    }),
    check: (state, input) => {
      const linked = (input.ids as string[]).map((id) => byId(state.contacts, id)?.businessId);
      expect(linked).toEqual([input.businessId, input.businessId]);
    },
  },
};
