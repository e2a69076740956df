import { describe, expect, it } from 'vitest';
import { webhookPayload } from './eventPayload.js';

const stamp = { timestamp: '2026-06-01T12:00:00.000Z', webhookId: 'w1' };

describe('webhookPayload', () => {
  it('flattens a REST note with its Location, as NoteCreate', () => {
    const payload = webhookPayload(
      {
        type: 'NoteCreate',
        locationId: 'loc1',
        payload: { id: 'n1', contactId: 'c1', body: 'hi', dateAdded: '2026-06-01T11:00:00.000Z' },
      },
      stamp,
    );
    expect(payload).toEqual({
      type: 'NoteCreate',
      locationId: 'loc1',
      id: 'n1',
      body: 'hi',
      contactId: 'c1',
      dateAdded: '2026-06-01T11:00:00.000Z',
      ...stamp,
    });
  });

  it("names an opportunity's creation time dateAdded", () => {
    const payload = webhookPayload(
      {
        type: 'OpportunityStatusUpdate',
        locationId: 'loc1',
        payload: { id: 'o1', status: 'won', createdAt: '2026-05-01T00:00:00.000Z' },
      },
      stamp,
    );
    expect(payload).toMatchObject({
      type: 'OpportunityStatusUpdate',
      status: 'won',
      dateAdded: '2026-05-01T00:00:00.000Z',
    });
  });

  it('nests an appointment and writes epoch-ms times as ISO', () => {
    const payload = webhookPayload(
      {
        type: 'AppointmentUpdate',
        locationId: 'loc1',
        payload: { id: 'a1', calendarId: 'cal1', startTime: 0, endTime: 1_800_000 },
      },
      stamp,
    );
    expect(payload).toMatchObject({
      type: 'AppointmentUpdate',
      locationId: 'loc1',
      appointment: {
        id: 'a1',
        calendarId: 'cal1',
        startTime: '1970-01-01T00:00:00.000Z',
        endTime: '1970-01-01T00:30:00.000Z',
      },
    });
  });

  it('has none for events HighLevel sends no webhook for here', () => {
    expect(webhookPayload({ type: 'TaskUpdate', locationId: 'l', payload: {} }, stamp)).toBeNull();
    expect(
      webhookPayload({ type: 'ContactCreate', locationId: null, payload: {} }, stamp),
    ).toBeNull();
  });
});
