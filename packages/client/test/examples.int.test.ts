/** The README's examples run, unchanged, against the emulator on a real port. */
import { createEmulator, DEMO, startServer, type RunningServer } from '@ghl-bridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quickstart } from '../examples/quickstart.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(createEmulator({ seed: 'demo' }), { port: 0 });
});
afterAll(() => server.close());

it('quickstart upserts, tags, notes and lists free slots; a second run finds the same contact', async () => {
  const options = {
    token: DEMO.token,
    locationId: DEMO.locationId,
    calendarId: DEMO.calendarId,
    baseUrl: server.url,
  };
  const first = await quickstart(options);
  expect(first).toMatchObject({ created: true, tags: ['quickstart'] });
  expect(first.noteId).toEqual(expect.any(String));
  expect(first.locationName).toEqual(expect.any(String));
  expect(first.nextSlots).toHaveLength(3);
  expect(first.nextSlots[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

  const second = await quickstart(options);
  expect(second).toMatchObject({
    contactId: first.contactId,
    created: false,
    tags: ['quickstart'],
  });
});
