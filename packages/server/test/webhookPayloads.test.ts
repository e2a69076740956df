import { describe, expect, it } from 'vitest';
import { payloadProblems } from './webhookPayloads.js';

const synced = {
  type: 'booking.synced',
  timestamp: '2026-12-01T15:00:04.120Z',
  data: {
    workspaceId: 'ws_1',
    bookingId: 'bk_1042',
    version: 2,
    bookingStatus: 'confirmed',
    customerKey: 'ada@example.com',
    syncJobId: 'sj_1',
    highLevelContactId: null,
  },
};

const problems = (body: unknown) => payloadProblems(JSON.stringify(body));

describe('payloadProblems', () => {
  it('finds nothing wrong with a body its schema takes', () => {
    expect(problems(synced)).toEqual([]);
  });

  it('names a field missing or of the wrong kind, by its type', () => {
    const { syncJobId: _, ...missing } = synced.data;
    expect(problems({ ...synced, data: { ...missing, version: '2' } })).toEqual([
      expect.stringMatching(/^booking\.synced: data\.version: .*expected number/),
      expect.stringMatching(/^booking\.synced: data\.syncJobId: /),
    ]);
  });

  it('names a field no schema documents, however deep; a trigger item is any JSON', () => {
    const contactUpdated = {
      type: 'contact.updated',
      timestamp: synced.timestamp,
      data: {
        id: 'c_1',
        locationId: 'loc_1',
        action: 'updated',
        source: 'highlevel',
        foundBy: 'webhook',
        highLevelWebhookId: 'wh_1',
        externalId: 'cust_42',
        fields: { firstName: 'Ada', nickname: 'Countess' },
      },
    };
    expect(problems({ id: 'evt_1', ...contactUpdated })).toEqual([
      'contact.updated: id: not in its schema',
      'contact.updated: data.fields.nickname: not in its schema',
    ]);
    const item = { id: 't1', title: 'Call', custom: { anything: [1, 'two'] } };
    const triggerItem = {
      type: 'trigger.item',
      timestamp: synced.timestamp,
      data: { subscriptionId: 'trg_1', trigger: 'get-contact-tasks', change: 'new', item },
    };
    expect(problems(triggerItem)).toEqual([]);
  });

  it('refuses a type no schema has, and a body that is not JSON', () => {
    expect(problems({ ...synced, type: 'booking.created' })).toEqual([
      expect.stringMatching(/^booking\.created: type: /),
    ]);
    expect(payloadProblems('<html>')).toEqual(['not JSON: <html>']);
  });
});
