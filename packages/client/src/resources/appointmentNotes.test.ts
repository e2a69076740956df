import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply, type SentRequest } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const note = (n: number) => ({ id: `n${n}`, body: `note ${n}`, userId: 'u1', contactId: 'c1' });

/** 45 notes served `limit` at a time from `offset`, with `hasMore` as HighLevel sets it. */
function fortyFiveNotes(request: SentRequest): Reply {
  const limit = Number(request.url.searchParams.get('limit'));
  const offset = Number(request.url.searchParams.get('offset'));
  const all = Array.from({ length: 45 }, (_, i) => note(i));
  return { body: { notes: all.slice(offset, offset + limit), hasMore: offset + limit < 45 } };
}

describe('appointmentNotes', () => {
  it('lists one page with the limit and offset HighLevel requires', async () => {
    const { hl, script } = client(fortyFiveNotes);
    const page = await hl.appointmentNotes.list('appt1');
    expect(page.notes).toHaveLength(20);
    expect(page.hasMore).toBe(true);
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/calendars/appointments/appt1/notes');
    expect(sent.headers.get('version')).toBe('2021-04-15');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({ limit: '20', offset: '0' });
  });

  it('listAll reads every note once and stops when hasMore is false', async () => {
    const { hl, script } = client(fortyFiveNotes);
    const notes = [];
    for await (const n of hl.appointmentNotes.listAll('appt1')) notes.push(n);
    expect(notes.map((n) => n.id)).toEqual(Array.from({ length: 45 }, (_, i) => `n${i}`));
    expect(script.sent.map((s) => s.url.searchParams.get('offset'))).toEqual(['0', '20', '40']);
  });

  it('creates, updates and deletes a note, naming the note in the path', async () => {
    const { hl, script } = client(
      { status: 201, body: { note: note(1) } },
      { body: { note: { ...note(1), body: 'edited' } } },
      { body: { success: true } },
    );
    expect(await hl.appointmentNotes.create('appt1', { body: 'note 1' })).toEqual(note(1));
    expect((await hl.appointmentNotes.update('appt1', 'n1', { body: 'edited' })).body).toBe(
      'edited',
    );
    await hl.appointmentNotes.delete('appt1', 'n1');

    expect(script.sent.map((s) => [s.method, s.url.pathname, s.headers.get('version')])).toEqual([
      ['POST', '/calendars/appointments/appt1/notes', '2021-04-15'],
      ['PUT', '/calendars/appointments/appt1/notes/n1', '2021-04-15'],
      ['DELETE', '/calendars/appointments/appt1/notes/n1', '2021-04-15'],
    ]);
    expect(JSON.parse(script.sent[1]!.body!)).toEqual({ body: 'edited' });
  });
});
