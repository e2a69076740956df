/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { createEmulator, DEMO } from '../index.js';

describe('GET /opportunities/pipelines', () => {
  it("lists the Location's pipelines with their stages in order", async () => {
    const { emulator, api, locationId } = setup();
    const created = await call(emulator, 'POST', `/_emulator/locations/${locationId}/pipelines`, {
      body: { name: 'Clinic', stages: ['Enquiry', 'Booked', 'Attended'] },
    });
    expect(created.status).toBe(201);
    emulator.control.createPipeline(emulator.control.createLocation().locationId, {});
    const res = await api('GET', `/opportunities/pipelines?locationId=${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.pipelines).toHaveLength(1);
    const [pipeline] = res.body.pipelines;
    expect(pipeline).toMatchObject({ id: created.body.id, name: 'Clinic', locationId });
    expect(pipeline.stages.map((s: { name: string }) => s.name)).toEqual([
      'Enquiry',
      'Booked',
      'Attended',
    ]);
    expect(pipeline.stages[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('needs locationId, of its own Location', async () => {
    const { emulator, api } = setup();
    const other = emulator.control.createLocation();
    expect((await api('GET', '/opportunities/pipelines')).status).toBe(422);
    const res = await api('GET', `/opportunities/pipelines?locationId=${other.locationId}`);
    expect(res.status).toBe(403);
  });

  it('the demo seed has a pipeline with fixed ids', async () => {
    const emulator = createEmulator({ seed: 'demo' });
    const res = await call(
      emulator,
      'GET',
      `/opportunities/pipelines?locationId=${DEMO.locationId}`,
      {
        token: DEMO.token,
      },
    );
    expect(res.body.pipelines[0].id).toBe(DEMO.pipelineId);
    expect(res.body.pipelines[0].stages[2]).toMatchObject({
      id: DEMO.pipelineStageIds.booked,
      name: 'Booked',
    });
  });
});
