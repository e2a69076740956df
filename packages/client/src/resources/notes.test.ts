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

const note = { id: 'n1', body: 'Wants a quote', userId: 'u1', contactId: 'c1', pinned: true };

describe('notes', () => {
  it('lists, gets, creates, updates and deletes a contact’s notes', async () => {
    const { hl, script } = client(
      { body: { notes: [note] } },
      { body: { note } },
      { status: 201, body: { note } },
      { body: { note: { ...note, body: 'Quote sent' } } },
      { body: { succeded: true } },
    );

    expect(await hl.notes.list('c1')).toEqual([note]);
    expect(await hl.notes.get('c1', 'n1')).toEqual(note);
    expect(await hl.notes.create('c1', { body: 'Wants a quote', pinned: true })).toEqual(note);
    expect((await hl.notes.update('c1', 'n1', { body: 'Quote sent' })).body).toBe('Quote sent');
    await hl.notes.delete('c1', 'n1');

    expect(script.sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /contacts/c1/notes',
      'GET /contacts/c1/notes/n1',
      'POST /contacts/c1/notes',
      'PUT /contacts/c1/notes/n1',
      'DELETE /contacts/c1/notes/n1',
    ]);
    expect(JSON.parse(script.sent[2]!.body!)).toEqual({ body: 'Wants a quote', pinned: true });
    expect(JSON.parse(script.sent[3]!.body!)).toEqual({ body: 'Quote sent' });
    expect(script.sent.every((s) => s.headers.get('version') === '2021-07-28')).toBe(true);
  });

  it('lists no notes as an empty array', async () => {
    const { hl } = client({ body: {} });
    expect(await hl.notes.list('c1')).toEqual([]);
  });
});
