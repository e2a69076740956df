/**
 * Contacts through `hl.contacts` against the emulator: what a user would find in HighLevel after
 * each call. The emulator applies HighLevel's duplicate rule and its tag-replacing upsert, so
 * these show the client keeps contacts single and tags intact.
 */
import { DuplicateContactError, NotFoundError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calls, collect, emulatorClient, rejectionOf } from './emulatorClient.js';

describe('hl.contacts against the emulator', () => {
  it('creates, reads, updates and deletes a contact; a deleted contact is not found', async () => {
    const { hl, emulator, locationId } = emulatorClient();
    const created = await hl.contacts.create({
      locationId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '(415) 555-0100',
    });
    expect(created).toMatchObject({ firstName: 'Ada', email: 'ada@example.com' });
    const id = created.id!;

    const fetched = await hl.contacts.get(id);
    expect(fetched).toMatchObject({ id, lastName: 'Lovelace', phone: '+14155550100' });

    const updated = await hl.contacts.update(id, { city: 'London' });
    expect(updated.city).toBe('London');
    expect(emulator.control.locationState(locationId).contacts).toEqual([
      expect.objectContaining({ id, firstName: 'Ada', city: 'London' }),
    ]);

    await hl.contacts.delete(id);
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
    const error = await rejectionOf(hl.contacts.get(id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', status: 400 });
  });

  it('a second create with the same email raises DuplicateContactError naming the existing contact', async () => {
    const { hl, emulator, locationId } = emulatorClient();
    const first = await hl.contacts.create({ locationId, email: 'ada@example.com' });

    const error = await rejectionOf(
      hl.contacts.create({ locationId, email: 'ADA@example.com', firstName: 'Ada' }),
    );

    expect(error).toBeInstanceOf(DuplicateContactError);
    expect(error).toMatchObject({
      code: 'duplicate_contact',
      existingContactId: first.id,
      matchingField: 'email',
    });
    expect(emulator.control.locationState(locationId).contacts).toHaveLength(1);
  });

  it('upsert updates the matching contact and keeps the tags a user gave it', async () => {
    const { hl, emulator, locationId, raw } = emulatorClient();
    const { contact } = await hl.contacts.upsert({ locationId, email: 'ada@example.com' });
    // Someone tags the contact in HighLevel.
    const tagged = await raw('POST', `/contacts/${contact.id}/tags`, { tags: ['vip'] });
    expect(tagged.status).toBe(201);

    const again = await hl.contacts.upsert({
      locationId,
      email: 'ada@example.com',
      firstName: 'Ada',
      city: 'London',
    });

    expect(again.new).toBe(false);
    expect(again.contact.id).toBe(contact.id);
    expect(emulator.control.locationState(locationId).contacts).toEqual([
      expect.objectContaining({ id: contact.id, firstName: 'Ada', city: 'London', tags: ['vip'] }),
    ]);
  });

  it("adds and removes the integration's tags, keeping the user's own", async () => {
    const { hl, emulator, locationId, raw } = emulatorClient();
    const contact = await hl.contacts.create({ locationId, email: 'ada@example.com' });
    const id = contact.id!;
    await raw('POST', `/contacts/${id}/tags`, { tags: ['vip'] });
    const stored = () => emulator.control.locationState(locationId).contacts[0]?.tags;

    expect(await hl.contacts.addTags(id, ['booked', 'Confirmed'])).toEqual([
      'vip',
      'booked',
      'confirmed',
    ]);
    expect(stored()).toEqual(['vip', 'booked', 'confirmed']);

    expect(await hl.contacts.removeTags(id, ['booked', 'confirmed'])).toEqual(['vip']);
    expect(stored()).toEqual(['vip']);
  });

  it('findDuplicate finds a contact by email or phone, and returns null for a stranger', async () => {
    const { hl, locationId } = emulatorClient();
    const ada = await hl.contacts.create({ locationId, email: 'ada@example.com' });
    const bob = await hl.contacts.create({ locationId, phone: '+1 415 555 0199' });

    expect((await hl.contacts.findDuplicate({ locationId, email: 'Ada@Example.com' }))?.id).toBe(
      ada.id,
    );
    expect((await hl.contacts.findDuplicate({ locationId, phone: '(415) 555-0199' }))?.id).toBe(
      bob.id,
    );
    expect(await hl.contacts.findDuplicate({ locationId, email: 'eve@example.com' })).toBeNull();
  });
});

describe('contact search against the emulator', () => {
  /** 250 contacts made through the client, under the real rate limit (25 s of emulated time). */
  async function twoHundredFifty() {
    const setup = emulatorClient();
    const { hl, locationId, drive } = setup;
    const made = await drive(
      Promise.all(
        Array.from({ length: 250 }, (_, n) =>
          hl.contacts.create({
            locationId,
            email: `guest${n}@example.com`,
            firstName: n % 2 === 0 ? 'Even' : 'Odd',
          }),
        ),
      ),
    );
    return { ...setup, ids: made.map((c) => c.id!) };
  }

  it('searchAll walks the searchAfter cursor through all 250 contacts, each once', async () => {
    const { hl, locationId, ids, drive, requests } = await twoHundredFifty();
    const before = calls(requests(), 'POST', '/contacts/search').length;

    const found = await drive(collect(hl.contacts.searchAll({ locationId })));

    const foundIds = found.map((c) => c.id);
    expect(foundIds).toHaveLength(250);
    expect(new Set(foundIds)).toEqual(new Set(ids));
    // Pages of 100, 100 and 50: the short page ends the walk.
    expect(calls(requests(), 'POST', '/contacts/search').length - before).toBe(3);
  });

  it('searchAll with a filter and small pages returns exactly the matching contacts', async () => {
    const { hl, locationId, ids, drive } = await twoHundredFifty();

    const evens = await drive(
      collect(
        hl.contacts.searchAll({
          locationId,
          pageLimit: 25,
          filters: [{ field: 'firstName', operator: 'eq', value: 'Even' }],
          sort: [{ field: 'dateAdded', direction: 'asc' }],
        }),
      ),
    );

    expect(evens.map((c) => c.id).sort()).toEqual(ids.filter((_, n) => n % 2 === 0).sort());
  });

  it('search returns one page and the total', async () => {
    const { hl, locationId, drive } = await twoHundredFifty();

    const page = await drive(hl.contacts.search({ locationId, pageLimit: 40, page: 2 }));

    expect(page.contacts).toHaveLength(40);
    expect(page.total).toBe(250);
  });
});
