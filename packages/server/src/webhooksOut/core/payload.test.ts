import { describe, expect, it } from 'vitest';
import { subscribedEndpoints, webhookPayload } from './payload.js';

describe('webhookPayload', () => {
  it('is {type, timestamp, data}, with the time of the event', () => {
    const at = new Date('2026-12-01T15:00:04.120Z');
    expect(webhookPayload('booking.synced', { bookingId: 'bk_1' }, at)).toEqual({
      type: 'booking.synced',
      timestamp: '2026-12-01T15:00:04.120Z',
      data: { bookingId: 'bk_1' },
    });
  });
});

describe('subscribedEndpoints', () => {
  const endpoints = [
    { id: 'whep_all', events: ['booking.synced', 'booking.sync_failed'] },
    { id: 'whep_failures', events: ['booking.sync_failed'] },
    { id: 'whep_connection', events: ['connection.needs_attention'] },
  ];

  it.each([
    ['booking.synced', ['whep_all']],
    ['booking.sync_failed', ['whep_all', 'whep_failures']],
    ['connection.needs_attention', ['whep_connection']],
    ['task.completed', []],
  ] as const)('%s goes to %j', (type, ids) => {
    expect(subscribedEndpoints(endpoints, type).map((endpoint) => endpoint.id)).toEqual(ids);
  });
});
