import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

interface Entry {
  name: string;
  title: string;
  category: string;
  kind: string;
  operations: { method: string; path: string }[];
  scopes: string[];
  input: Record<string, unknown>;
  placement: Record<string, string>;
  output: Record<string, unknown>;
  detect?: { list: string; id: string | null; changeMarker: unknown; paging?: unknown };
  note?: string;
}

const entriesOf = (body: unknown) => (body as { operations: Entry[] }).operations;

describeOnBackends(
  'GET /v1/catalogue',
  (server) => {
    it('lists every trigger and action, in the catalogue’s order, to a workspace key', async () => {
      const { apiKey } = await server().createWorkspace();
      const res = await server().call('GET', '/v1/catalogue', { token: apiKey });
      expect(res.status).toBe(200);
      const entries = entriesOf(res.body);
      expect(entries).toHaveLength(124);
      expect(entries.filter((e) => e.kind === 'trigger')).toHaveLength(55);
      expect(entries[0]!.name).toBe('get-contact');
      expect(entries.at(-1)!.name).toBe('update-blog-post');
    });

    it('narrows to a category and kind: the contact triggers, with how each spots news', async () => {
      const res = await server().call('GET', '/v1/catalogue?category=Contacts&kind=trigger');
      const entries = entriesOf(res.body);
      expect(entries).toHaveLength(10);
      expect(entries[0]).toMatchObject({
        name: 'get-contact',
        title: 'Get Contact',
        operations: [{ method: 'GET', path: '/contacts/{contactId}' }],
        scopes: ['contacts.readonly'],
        placement: { contactId: 'path' },
        detect: { list: 'contact', id: 'id', changeMarker: { field: 'dateUpdated' } },
      });
      const tasks = entries.find((e) => e.name === 'get-contact-tasks');
      expect(tasks?.detect).toMatchObject({ list: 'tasks', id: 'id', changeMarker: 'content' });
    });

    it('answers one entry by name, with how a paged list is read', async () => {
      const res = await server().call('GET', '/v1/catalogue?name=search-contacts');
      const entries = entriesOf(res.body);
      expect(entries.map((e) => e.name)).toEqual(['search-contacts']);
      expect(entries[0]!.detect).toMatchObject({
        paging: { by: 'page', field: 'page', sizeField: 'pageLimit', size: 100 },
      });
      const none = await server().call('GET', '/v1/catalogue?name=no-such-entry');
      expect(entriesOf(none.body)).toEqual([]);
    });

    it('gives an action an input schema a caller can check a request with', async () => {
      const res = await server().call('GET', '/v1/catalogue?kind=action');
      const book = entriesOf(res.body).find((e) => e.name === 'create-appointment')!;
      expect(book.operations).toEqual([{ method: 'POST', path: '/calendars/events/appointments' }]);
      expect(book.scopes).toEqual(['calendars/events.write']);
      expect(book.placement.calendarId).toBe('body');
      const valid = new Ajv({ strict: false }).compile(book.input);
      const request = {
        calendarId: 'cal_1',
        locationId: 'loc_1',
        contactId: 'ct_1',
        startTime: '2026-03-02T09:00:00-05:00',
      };
      expect(valid(request)).toBe(true);
      expect(valid({ calendarId: 'cal_1' })).toBe(false);
    });

    it('says where a deprecated HighLevel endpoint was replaced', async () => {
      const res = await server().call('GET', '/v1/catalogue?category=Users');
      const byLocation = entriesOf(res.body).find((e) => e.name === 'list-users-by-location')!;
      expect(byLocation.operations).toEqual([{ method: 'GET', path: '/users/search' }]);
      expect(byLocation.note).toContain('deprecated `GET /users/`');
    });

    it('answers an unknown kind with 422 naming it, and a caller without a token with 401', async () => {
      const bad = await server().call('GET', '/v1/catalogue?kind=webhook');
      expect(bad.status).toBe(422);
      expect(bad.body.error?.details?.fields?.[0]?.path).toBe('kind');
      const anonymous = await server().call('GET', '/v1/catalogue', { token: null });
      expect(anonymous.status).toBe(401);
    });
  },
  { worker: false },
);
