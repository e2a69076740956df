/** Pipelines and opportunities through `hl.pipelines` and `hl.opportunities`, checked in the emulator. */
import { OutcomeUnknownError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calls, collect, emulatorClient, rejectionOf, statuses } from './emulatorClient.js';

async function salesPipeline() {
  const harness = emulatorClient();
  const { emulator, hl, locationId } = harness;
  const pipeline = emulator.control.createPipeline(locationId, {
    name: 'Bookings',
    stages: ['New', 'Booked', 'Won'],
  });
  const contact = await hl.contacts.create({ locationId, email: 'ada@example.com' });
  const [newStage, booked] = pipeline.stages;
  const stored = () => emulator.control.locationState(locationId).opportunities;
  return {
    ...harness,
    pipelineId: pipeline.id,
    newStageId: newStage!.id,
    bookedStageId: booked!.id,
    contactId: contact.id!,
    stored,
  };
}

describe('hl.pipelines and hl.opportunities against the emulator', () => {
  it('lists the pipelines with their stages in order', async () => {
    const { hl, locationId, pipelineId } = await salesPipeline();

    const [pipeline] = await hl.pipelines.list(locationId);

    expect(pipeline).toMatchObject({ id: pipelineId, name: 'Bookings' });
    expect(pipeline?.stages?.map((s) => s.name)).toEqual(['New', 'Booked', 'Won']);
  });

  it('creates, moves, wins and deletes an opportunity', async () => {
    const { hl, locationId, pipelineId, newStageId, bookedStageId, contactId, stored } =
      await salesPipeline();

    const created = await hl.opportunities.create({
      locationId,
      pipelineId,
      pipelineStageId: newStageId,
      contactId,
      name: 'Consultation',
      status: 'open',
    });
    const id = created.id!;
    await hl.opportunities.update(id, { pipelineStageId: bookedStageId, monetaryValue: 120 });
    await hl.opportunities.updateStatus(id, 'won');

    expect(await hl.opportunities.get(id)).toMatchObject({
      pipelineStageId: bookedStageId,
      monetaryValue: 120,
      status: 'won',
    });
    expect(stored()).toEqual([expect.objectContaining({ id, status: 'won' })]);
    await hl.opportunities.delete(id);
    expect(stored()).toEqual([]);
  });

  it("upsert finds the contact's opportunity in the pipeline instead of making a second", async () => {
    const { hl, locationId, pipelineId, bookedStageId, contactId, stored } = await salesPipeline();

    const first = await hl.opportunities.upsert({ locationId, pipelineId, contactId });
    const second = await hl.opportunities.upsert({
      locationId,
      pipelineId,
      contactId,
      pipelineStageId: bookedStageId,
    });

    expect([first.new, second.new]).toEqual([true, false]);
    expect(second.opportunity.id).toBe(first.opportunity.id);
    expect(stored()).toEqual([
      expect.objectContaining({ id: first.opportunity.id, pipelineStageId: bookedStageId }),
    ]);
  });

  it('searchAll pages through 130 opportunities, each once', async () => {
    const { hl, locationId, pipelineId, drive, requests } = await salesPipeline();
    const contacts = await drive(
      Promise.all(
        Array.from({ length: 130 }, (_, n) =>
          hl.contacts.create({ locationId, email: `guest${n}@example.com` }),
        ),
      ),
    );
    const made = await drive(
      Promise.all(
        contacts.map((c, n) =>
          hl.opportunities.create({
            locationId,
            pipelineId,
            contactId: c.id!,
            name: `Deal ${n}`,
            status: 'open',
          }),
        ),
      ),
    );

    const found = await drive(collect(hl.opportunities.searchAll({ locationId, pipelineId })));

    expect(found.map((o) => o.id).sort()).toEqual(made.map((o) => o.id).sort());
    expect(calls(requests(), 'GET', '/opportunities/search')).toHaveLength(2);
  });

  it('commit then fail (dropped connection) on a create: OutcomeUnknownError, sent once, one opportunity', async () => {
    const { hl, emulator, locationId, pipelineId, contactId, stored, requests, drive } =
      await salesPipeline();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/opportunities/' }, commitThenFail: 'drop', count: 1 },
    ]);

    const error = await drive(
      rejectionOf(
        hl.opportunities.create({
          locationId,
          pipelineId,
          contactId,
          name: 'Consultation',
          status: 'open',
        }),
      ),
    );

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(calls(requests(), 'POST', '/opportunities/')).toHaveLength(1);
    expect(stored()).toHaveLength(1);
    const { opportunities } = await hl.opportunities.search({ locationId, contactId });
    expect(opportunities.map((o) => o.id)).toEqual([stored()[0]!.id]);
    expect(statuses(calls(requests(), 'GET', '/opportunities/search'))).toEqual([200]);
  });
});
