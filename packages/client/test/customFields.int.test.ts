/**
 * Location custom fields through `hl.customFields`, and their values written on contacts through
 * `hl.contacts`: the values HighLevel holds afterwards, by field id.
 */
import { ValidationError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { emulatorClient, rejectionOf } from './emulatorClient.js';

describe('hl.customFields against the emulator', () => {
  it('creates, lists, reads by key, renames and deletes custom fields', async () => {
    const { hl, emulator, locationId } = emulatorClient();

    const pincode = await hl.customFields.create(locationId, { name: 'Pincode', dataType: 'TEXT' });
    const visits = await hl.customFields.create(locationId, {
      name: 'Total Visits',
      dataType: 'NUMERICAL',
      model: 'contact',
    });
    expect(pincode).toMatchObject({ name: 'Pincode', fieldKey: 'contact.pincode' });
    expect(visits.fieldKey).toBe('contact.total_visits');

    const listed = await hl.customFields.list(locationId, { model: 'contact' });
    expect(listed.map((f) => f.id).sort()).toEqual([pincode.id, visits.id].sort());
    expect((await hl.customFields.get(locationId, 'contact.pincode')).id).toBe(pincode.id);

    const renamed = await hl.customFields.update(locationId, pincode.id!, { name: 'Postal code' });
    expect(renamed).toMatchObject({ id: pincode.id, name: 'Postal code' });

    await hl.customFields.delete(locationId, visits.id!);
    expect(emulator.control.locationState(locationId).customFields).toEqual([
      expect.objectContaining({ id: pincode.id, name: 'Postal code', fieldKey: 'contact.pincode' }),
    ]);
  });

  it('writes custom field values on create, changes one on update, and reads them back', async () => {
    const { hl, emulator, locationId } = emulatorClient();
    const pincode = await hl.customFields.create(locationId, { name: 'Pincode', dataType: 'TEXT' });
    const visits = await hl.customFields.create(locationId, {
      name: 'Visits',
      dataType: 'NUMERICAL',
    });

    const contact = await hl.contacts.create({
      locationId,
      email: 'ada@example.com',
      customFields: [
        { id: pincode.id!, field_value: '560001' },
        { id: visits.id!, field_value: '3' },
      ],
    });
    await hl.contacts.update(contact.id!, {
      customFields: [{ id: pincode.id!, field_value: '560002' }],
    });

    const read = await hl.contacts.get(contact.id!);
    expect(read.customFields).toEqual(
      expect.arrayContaining([
        { id: pincode.id, value: '560002' },
        { id: visits.id, value: 3 },
      ]),
    );
    expect(emulator.control.locationState(locationId).contacts[0]?.customFields).toEqual({
      [pincode.id!]: '560002',
      [visits.id!]: 3,
    });
  });

  it("a value of the wrong type is refused with HighLevel's 422 naming the field", async () => {
    const { hl, emulator, locationId } = emulatorClient();
    const visits = await hl.customFields.create(locationId, {
      name: 'Visits',
      dataType: 'NUMERICAL',
    });

    const error = await rejectionOf(
      hl.contacts.create({
        locationId,
        email: 'ada@example.com',
        customFields: [{ id: visits.id!, field_value: 'many' }],
      }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation', status: 422 });
    expect((error as ValidationError).messages).toEqual([
      expect.stringContaining('contact.visits'),
    ]);
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
  });
});
