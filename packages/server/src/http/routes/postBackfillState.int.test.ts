import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('POST /v1/workspaces/:ws/backfill/state', (server) => {
  it('answers the stored bookings asked for, the customers’ other bookings, contacts and field ids', async () => {
    const ws = await connectedWorkspace(server());
    await ws.post({ id: 'bk_1' });
    await ws.post({ id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    await ws.post({ id: 'bk_3', email: 'grace@example.com' });
    await ws.idle();
    const res = await server().call('POST', `/v1/workspaces/${ws.id}/backfill/state`, {
      json: { bookingIds: ['bk_1', 'bk_new'], customerKeys: ['ada@example.com'] },
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as {
      bookings: { id: string; version: number }[];
      customers: { customerKey: string; contactId?: string; appliedTags: string[] }[];
      fieldIds: Record<string, string>;
    };
    expect(body.bookings.map((b) => b.id).sort()).toEqual(['bk_1', 'bk_2']);
    const ada = ws.contacts().find((contact) => contact.email === 'ada@example.com')!;
    expect(body.customers).toEqual([
      {
        customerKey: 'ada@example.com',
        contactId: ada.id,
        appliedTags: expect.arrayContaining(['booking:confirmed', 'repeat-client']) as string[],
      },
    ]);
    expect(Object.keys(body.fieldIds)).toContain('contact.bookings_total_bookings');
  });

  it('is the operator’s: a workspace key gets 403, and a batch is at most 500 ids', async () => {
    const ws = await connectedWorkspace(server());
    const apiKey = (await server().createWorkspace()).apiKey;
    const own = await server().call('POST', `/v1/workspaces/${ws.id}/backfill/state`, {
      json: { bookingIds: [] },
      token: apiKey,
    });
    expect(own.status).toBe(403);
    const many = await server().call('POST', `/v1/workspaces/${ws.id}/backfill/state`, {
      json: { bookingIds: Array.from({ length: 501 }, (_, i) => `bk_${i}`) },
    });
    expect(many.status).toBe(422);
    expect(many.text).toContain('send at most 500 booking ids per request');
  });
});
