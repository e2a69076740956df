/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

async function withPipeline() {
  const s = setup();
  const pipeline = s.emulator.control.createPipeline(s.locationId, {
    name: 'Sales',
    stages: ['New', 'Booked', 'Won'],
  });
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'ada@example.com', firstName: 'Ada' },
  });
  const events: { type: string; payload: Record<string, unknown> }[] = [];
  s.emulator.control.onEvent((e) => events.push({ type: e.type, payload: e.payload }));
  const [fresh, booked, won] = pipeline.stages.map((st) => st.id);
  return {
    ...s,
    pipeline,
    stages: { fresh: fresh!, booked: booked!, won: won! },
    contactId: contact.body.contact.id as string,
    events,
  };
}

describe('POST /opportunities/', () => {
  it('creates (201) in the first stage, with the contact in brief', async () => {
    const { api, locationId, pipeline, stages, contactId, events } = await withPipeline();
    const res = await api('POST', '/opportunities/', {
      body: {
        locationId,
        pipelineId: pipeline.id,
        contactId,
        name: 'Massage package',
        status: 'open',
        monetaryValue: 120,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.opportunity).toMatchObject({
      name: 'Massage package',
      pipelineId: pipeline.id,
      pipelineStageId: stages.fresh,
      status: 'open',
      monetaryValue: 120,
      contactId,
      locationId,
      contact: { id: contactId, name: 'Ada', email: 'ada@example.com' },
    });
    expect(events.map((e) => e.type)).toEqual(['OpportunityCreate']);
  });

  it('stores opportunity custom fields by id or bare key, with their types', async () => {
    const { api, locationId, pipeline, contactId } = await withPipeline();
    const field = await api('POST', `/locations/${locationId}/customFields`, {
      body: { name: 'Deposit', dataType: 'NUMERICAL', model: 'opportunity' },
    });
    const fieldId = field.body.customField.id as string;
    const base = { locationId, pipelineId: pipeline.id, contactId, name: 'A', status: 'open' };
    const res = await api('POST', '/opportunities/', {
      body: { ...base, customFields: [{ key: 'deposit', field_value: '50' }] },
    });
    expect(res.body.opportunity.customFields).toEqual([{ id: fieldId, fieldValue: 50 }]);
    const bad = await api('PUT', `/opportunities/${res.body.opportunity.id}`, {
      body: { customFields: [{ id: fieldId, field_value: 'lots' }] },
    });
    expect(bad.status).toBe(422);
  });

  it('refuses a second opportunity for the contact in the same pipeline', async () => {
    const { api, locationId, pipeline, contactId } = await withPipeline();
    const body = { locationId, pipelineId: pipeline.id, contactId, name: 'A', status: 'open' };
    const first = await api('POST', '/opportunities/', { body });
    const second = await api('POST', '/opportunities/', { body: { ...body, name: 'B' } });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({
      statusCode: 400,
      message: 'Can not create duplicate opportunity for the contact.',
      code: 'OPPORTUNITY_NO_DUPLICATE',
      meta: { existingId: first.body.opportunity.id },
      error: 'Bad Request',
    });
  });

  it('validates the body, the pipeline, the stage and the contact', async () => {
    const { api, locationId, pipeline, contactId } = await withPipeline();
    const base = { locationId, pipelineId: pipeline.id, contactId, name: 'A', status: 'open' };
    const missing = await api('POST', '/opportunities/', { body: { locationId, foo: 1 } });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain('property foo should not exist');
    expect(missing.body.message).toContain('pipelineId should not be empty');
    const cases = [
      [{ ...base, pipelineId: 'nope' }, 'Pipeline not found for id:nope'],
      [{ ...base, pipelineStageId: 'nope' }, 'Pipeline stage not found for id:nope'],
      [{ ...base, contactId: 'nope' }, 'Contact not found for id:nope'],
    ] as const;
    for (const [body, message] of cases) {
      const res = await api('POST', '/opportunities/', { body });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
    }
    const all = await api('POST', '/opportunities/', { body: { ...base, status: 'all' } });
    expect(all.status).toBe(422);
  });
});

describe('/opportunities/{id}', () => {
  async function withOpportunity() {
    const s = await withPipeline();
    const res = await s.api('POST', '/opportunities/', {
      body: {
        locationId: s.locationId,
        pipelineId: s.pipeline.id,
        contactId: s.contactId,
        name: 'Package',
        status: 'open',
        monetaryValue: 100,
      },
    });
    s.events.length = 0;
    return { ...s, id: res.body.opportunity.id as string };
  }

  it('reads, updates (with one event per changed field) and deletes ({succeded: true})', async () => {
    const { api, id, stages, events, emulator, locationId } = await withOpportunity();
    expect((await api('GET', `/opportunities/${id}`)).body.opportunity.name).toBe('Package');
    const updated = await api('PUT', `/opportunities/${id}`, {
      body: { pipelineStageId: stages.booked, monetaryValue: 150 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.opportunity).toMatchObject({
      pipelineStageId: stages.booked,
      monetaryValue: 150,
      status: 'open',
    });
    expect(events.map((e) => e.type)).toEqual([
      'OpportunityUpdate',
      'OpportunityStageUpdate',
      'OpportunityMonetaryValueUpdate',
    ]);
    const deleted = await api('DELETE', `/opportunities/${id}`);
    expect(deleted.body).toEqual({ succeded: true });
    expect(events.at(-1)!.type).toBe('OpportunityDelete');
    expect(emulator.control.locationState(locationId).opportunities).toEqual([]);
    expect((await api('GET', `/opportunities/${id}`)).status).toBe(400);
  });

  it('PUT …/status changes the status alone and announces OpportunityStatusUpdate', async () => {
    const { api, id, events } = await withOpportunity();
    const res = await api('PUT', `/opportunities/${id}/status`, {
      body: { status: 'won' },
    });
    expect(res.body).toEqual({ succeded: true });
    expect(events.map((e) => e.type)).toEqual(['OpportunityStatusUpdate']);
    expect(events[0]!.payload.status).toBe('won');
    const got = await api('GET', `/opportunities/${id}`);
    expect(got.body.opportunity.status).toBe('won');
    const bad = await api('PUT', `/opportunities/${id}/status`, { body: { status: 'closed' } });
    expect(bad.status).toBe(422);
  });

  it("another Location's opportunity is 403", async () => {
    const { emulator, id } = await withOpportunity();
    const other = emulator.control.createLocation();
    const res = await call(emulator, 'GET', `/opportunities/${id}`, { token: other.token });
    expect(res.status).toBe(403);
  });
});

describe('POST /opportunities/upsert', () => {
  it('creates (new: true), then finds the contact’s opportunity in the pipeline (new: false)', async () => {
    const { api, locationId, pipeline, stages, contactId, events } = await withPipeline();
    const created = await api('POST', '/opportunities/upsert', {
      body: { locationId, pipelineId: pipeline.id, contactId, monetaryValue: 80 },
    });
    expect(created.status).toBe(200);
    expect(created.body.new).toBe(true);
    expect(created.body.opportunity).toMatchObject({ name: 'Ada', monetaryValue: 80 });
    const again = await api('POST', '/opportunities/upsert', {
      body: {
        locationId,
        pipelineId: pipeline.id,
        contactId,
        pipelineStageId: stages.won,
        status: 'won',
        followers: ['user1'],
        followersActionType: 'add',
        isRemoveAllFollowers: false,
      },
    });
    expect(again.body.new).toBe(false);
    expect(again.body.opportunity).toMatchObject({
      id: created.body.opportunity.id,
      pipelineStageId: stages.won,
      status: 'won',
      followers: ['user1'],
    });
    expect(events.map((e) => e.type)).toEqual([
      'OpportunityCreate',
      'OpportunityUpdate',
      'OpportunityStageUpdate',
      'OpportunityStatusUpdate',
    ]);
  });

  it('updates by id, and needs a contact to create', async () => {
    const { api, locationId, pipeline, contactId } = await withPipeline();
    const created = await api('POST', '/opportunities/upsert', {
      body: { locationId, pipelineId: pipeline.id, contactId, name: 'First' },
    });
    const byId = await api('POST', '/opportunities/upsert', {
      body: {
        locationId,
        pipelineId: pipeline.id,
        id: created.body.opportunity.id,
        name: 'Renamed',
      },
    });
    expect(byId.body).toMatchObject({ new: false, opportunity: { name: 'Renamed' } });
    const noContact = await api('POST', '/opportunities/upsert', {
      body: { locationId, pipelineId: pipeline.id, name: 'Orphan' },
    });
    expect(noContact.status).toBe(422);
    expect(noContact.body.message).toEqual(['contactId should not be empty']);
  });
});
