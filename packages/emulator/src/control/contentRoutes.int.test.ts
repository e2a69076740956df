/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   control answers are read as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';
import type { Emulator } from '../index.js';

async function control(emulator: Emulator, method: string, path: string, body: unknown = {}) {
  const res = await emulator.fetch(
    new Request(`http://ghl.test/_emulator${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

describe('calls over the control API', () => {
  it('records a call with a contact, then replaces its transcription', async () => {
    const { api, emulator, locationId } = setup();
    const contact = await api('POST', '/contacts/', {
      body: { locationId, phone: '+14155550100' },
    });
    const calls = `/locations/${locationId}/calls`;
    const made = await control(emulator, 'POST', calls, {
      contactId: contact.body.contact.id,
      durationSeconds: 2,
      transcript: ['Hello'],
    });
    expect(made.status).toBe(201);
    const replaced = await control(emulator, 'PUT', `${calls}/${made.body.messageId}/recording`, {
      transcript: ['Hello', 'Hi'],
    });
    expect(replaced.body).toMatchObject({ recordingBytes: 44 + 2 * 8000 });
    expect(replaced.body.transcription).toHaveLength(2);
  });

  it('refuses an unknown contact, a missing one, and a message that is not a call', async () => {
    const { emulator, locationId } = setup();
    const calls = `/locations/${locationId}/calls`;
    const unknown = await control(emulator, 'POST', calls, { contactId: 'NoSuchContact0000001' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBe('Contact not found for id:NoSuchContact0000001');
    expect((await control(emulator, 'POST', calls, {})).status).toBe(422);
    const notCall = await control(emulator, 'PUT', `${calls}/NoSuchMessage0000001/recording`);
    expect(notCall.status).toBe(404);
  });
});

describe('blogs over the control API', () => {
  it('makes a blog, an author and a category', async () => {
    const { emulator, locationId } = setup();
    const at = `/locations/${locationId}`;
    const blog = await control(emulator, 'POST', `${at}/blogs`, { name: 'News' });
    const author = await control(emulator, 'POST', `${at}/blog-authors`, { name: 'Olive' });
    const category = await control(emulator, 'POST', `${at}/blog-categories`, {
      label: 'Spa Days',
    });
    expect([blog.status, author.status, category.status]).toEqual([201, 201, 201]);
    expect(category.body).toMatchObject({ label: 'Spa Days', urlSlug: 'spa-days' });
    const state = emulator.control.locationState(locationId);
    expect([state.blogs.length, state.blogAuthors.length, state.blogCategories.length]).toEqual([
      1, 1, 1,
    ]);
    const blank = await control(emulator, 'POST', `${at}/blogs`, { name: ' ' });
    expect(blank.status).toBe(422);
  });
});
