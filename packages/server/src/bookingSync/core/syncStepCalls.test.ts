import { describe, expect, it } from 'vitest';
import { describeSyncStep, SYNC_STEP_KINDS, syncStepOrder } from './syncStepCalls.js';
import { syncStepKeys } from './syncStepKeys.js';

const calls = (key: string) =>
  describeSyncStep(key)?.calls.map((call) => `${call.method} ${call.path}`);

describe('describeSyncStep', () => {
  it.each([
    [
      'booking/bk_1/v1/provision-fields',
      'provision-fields',
      ['GET /locations/{locationId}/customFields', 'POST /locations/{locationId}/customFields'],
    ],
    ['booking/bk_1/v1/contact', 'contact', ['POST /contacts/upsert', 'PUT /contacts/{contactId}']],
    ['booking/bk_1/v2/upsert-contact', 'upsert-contact', ['POST /contacts/upsert']],
    ['booking/bk_1/v2/update-contact', 'update-contact', ['PUT /contacts/{contactId}']],
    ['booking/bk_1/v3/add-tags', 'add-tags', ['POST /contacts/{contactId}/tags']],
    ['booking/bk_1/v3/remove-tags', 'remove-tags', ['DELETE /contacts/{contactId}/tags']],
    [
      'booking/bk%2F1/v12/add-note',
      'add-note',
      ['GET /contacts/{contactId}/notes', 'POST /contacts/{contactId}/notes'],
    ],
  ])('%s is %s, calling %j', (key, kind, expected) => {
    expect(describeSyncStep(key)).toMatchObject({ kind, formerCustomer: false });
    expect(calls(key)).toEqual(expected);
  });

  it("tells a former customer's step from the booking's own", () => {
    expect(describeSyncStep('booking/bk_1/v2/former-customer/add-tags')).toMatchObject({
      kind: 'add-tags',
      formerCustomer: true,
      action: 'Add the booking tags',
    });
  });

  it('says when a call is made only sometimes', () => {
    const [list, create] = describeSyncStep('booking/bk_1/v1/provision-fields')!.calls;
    expect(list!.when).toBeNull();
    expect(create!.when).toMatch(/missing/);
  });

  it.each([
    'booking/bk_1/v1/send-invoice',
    'booking/bk/1/v1/contact',
    'bk_1/v1/contact',
    'booking/bk_1/contact',
    '',
  ])('knows nothing of %j', (key) => {
    expect(describeSyncStep(key)).toBeUndefined();
  });

  it('describes every key a job journals, for its own customer and a former one', () => {
    for (const formerCustomer of [false, true]) {
      const keys = syncStepKeys({ id: 'bk/ä 1', version: 7 }, { formerCustomer });
      for (const key of Object.values(keys) as string[]) {
        expect(describeSyncStep(key), key).toMatchObject({ formerCustomer });
      }
    }
  });
});

describe('syncStepOrder', () => {
  it('orders the steps as a job runs them', () => {
    const order = ['provision-fields', 'contact', 'add-tags', 'remove-tags', 'add-note'] as const;
    const positions = order.map(syncStepOrder);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(SYNC_STEP_KINDS.map(syncStepOrder)).toEqual(SYNC_STEP_KINDS.map((_, i) => i));
  });
});
