import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const field = {
  id: 'f1',
  name: 'Pincode',
  fieldKey: 'contact.pincode',
  dataType: 'TEXT',
  position: 0,
  locationId: 'loc1',
  model: 'contact',
};

describe('customFields', () => {
  it('lists a Location’s fields, narrowed by model or not', async () => {
    const { hl, script } = client({ body: { customFields: [field] } });
    expect(await hl.customFields.list('loc1', { model: 'contact' })).toEqual([field]);
    await hl.customFields.list('loc1');
    const [byModel, all] = script.sent;
    expect(byModel!.url.pathname).toBe('/locations/loc1/customFields');
    expect(byModel!.url.search).toBe('?model=contact');
    expect(all!.url.search).toBe('');
    expect(byModel!.headers.get('version')).toBe('2021-07-28');
  });

  it('gets a field by its key instead of its id', async () => {
    const { hl, script } = client({ body: { customField: field } });
    expect(await hl.customFields.get('loc1', 'contact.pincode')).toEqual(field);
    expect(script.sent[0]!.url.pathname).toBe('/locations/loc1/customFields/contact.pincode');
  });

  it('creates without a position, updates and deletes', async () => {
    const { hl, script } = client(
      { status: 201, body: { customField: field } },
      { body: { customField: { ...field, name: 'Postal code' } } },
      { body: { succeded: true } },
    );
    const input = { name: 'Pincode', dataType: 'TEXT', model: 'contact' as const };
    expect(await hl.customFields.create('loc1', input)).toEqual(field);
    expect((await hl.customFields.update('loc1', 'f1', { name: 'Postal code' })).name).toBe(
      'Postal code',
    );
    await hl.customFields.delete('loc1', 'f1');

    expect(script.sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'POST /locations/loc1/customFields',
      'PUT /locations/loc1/customFields/f1',
      'DELETE /locations/loc1/customFields/f1',
    ]);
    expect(JSON.parse(script.sent[0]!.body!)).toEqual(input);
    expect(JSON.parse(script.sent[1]!.body!)).toEqual({ name: 'Postal code' });
  });
});
