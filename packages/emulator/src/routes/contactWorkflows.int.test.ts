/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function contactAndWorkflow() {
  const s = setup();
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'ada@example.com' },
  });
  const workflow = s.emulator.control.createWorkflow(s.locationId, { name: 'Welcome' });
  const places = () => s.emulator.control.locationState(s.locationId).contactWorkflows;
  return { ...s, contactId: contact.body.contact.id as string, workflow, places };
}

describe('/contacts/{contactId}/workflow/{workflowId}', () => {
  it('adds a contact to a workflow with its start time, once; removes it', async () => {
    const { api, contactId, workflow, places } = await contactAndWorkflow();
    const path = `/contacts/${contactId}/workflow/${workflow.id}`;
    const added = await api('POST', path, {
      body: { eventStartTime: '2026-03-03T09:30:00-05:00' },
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ succeded: true });
    await api('POST', path, { body: {} });
    expect(places()).toMatchObject([
      { contactId, workflowId: workflow.id, eventStartTime: '2026-03-03T09:30:00-05:00' },
    ]);
    const removed = await api('DELETE', path, { body: {} });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ succeded: true });
    expect(places()).toEqual([]);
    expect((await api('DELETE', path, { body: {} })).status).toBe(200);
  });

  it('400s an unknown workflow, 403s another Location’s, 422s a start time that is no date', async () => {
    const { api, emulator, contactId, workflow } = await contactAndWorkflow();
    const unknown = await api('POST', `/contacts/${contactId}/workflow/nope`, { body: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Workflow not found for id:nope');
    const elsewhere = emulator.control.createLocation({ name: 'Elsewhere' });
    const theirs = emulator.control.createWorkflow(elsewhere.locationId);
    const other = await api('POST', `/contacts/${contactId}/workflow/${theirs.id}`, { body: {} });
    expect(other.status).toBe(403);
    const bad = await api('POST', `/contacts/${contactId}/workflow/${workflow.id}`, {
      body: { eventStartTime: 'soon' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['eventStartTime must be a valid ISO 8601 date string']);
  });
});
