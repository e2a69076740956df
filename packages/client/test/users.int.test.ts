/** The Location's staff through `hl.users`, as the emulator's control API created them. */
import { describe, expect, it } from 'vitest';
import { collect, emulatorClient } from './emulatorClient.js';

describe('hl.users against the emulator', () => {
  it('searches by name and reads a user', async () => {
    const { hl, emulator, locationId, companyId } = emulatorClient();
    const grace = emulator.control.createUser(locationId, {
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    emulator.control.createUser(locationId, { firstName: 'Alan', lastName: 'Turing' });

    const { users } = await hl.users.search({ companyId, locationId, query: 'grace' });

    expect(users.map((u) => u.id)).toEqual([grace.id]);
    expect(await hl.users.get(grace.id)).toMatchObject({ id: grace.id, email: grace.email });
  });

  it('searchAll returns every user of the Location once', async () => {
    const { hl, emulator, locationId, companyId } = emulatorClient();
    const made = Array.from({ length: 30 }, (_, n) =>
      emulator.control.createUser(locationId, { firstName: `Staff${n}` }),
    );

    const found = await collect(hl.users.searchAll({ companyId, locationId }));

    expect(found.map((u) => u.id).sort()).toEqual(made.map((u) => u.id).sort());
  });
});
