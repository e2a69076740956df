import { describe, expect, it } from 'vitest';
import { findOperation } from '../src/operations.js';
import { assertConformant } from './conformance.js';

describe('assertConformant', () => {
  const getContact = findOperation('GET', '/contacts/{contactId}');

  it('accepts a body that fits the spec', () => {
    expect(() =>
      assertConformant(getContact, 200, {
        contact: { id: 'x', tags: ['a'], customFields: [{ id: 'f', value: 3 }] },
      }),
    ).not.toThrow();
  });

  it('rejects a body that does not', () => {
    expect(() => assertConformant(getContact, 200, { contact: { tags: 'a' } })).toThrow(
      /contact\/tags must be array/,
    );
  });

  it('rejects a status the spec does not declare', () => {
    expect(() => assertConformant(getContact, 201, {})).toThrow(/does not declare/);
  });

  it('accepts free-slots date keys and traceId, nothing else (patched schema)', () => {
    const freeSlots = findOperation('GET', '/calendars/{calendarId}/free-slots');
    const day = { slots: ['2024-10-28T10:00:00-05:00'] };
    expect(() =>
      assertConformant(freeSlots, 200, { '2024-10-28': day, traceId: 't' }),
    ).not.toThrow();
    expect(() => assertConformant(freeSlots, 200, { '2024-10-28': day })).toThrow(/traceId/);
    expect(() => assertConformant(freeSlots, 200, { traceId: 't', meta: day })).toThrow(
      /additional properties/,
    );
  });

  it('reads calendar event times as ISO strings, not the objects the spec says', () => {
    const getEvent = findOperation('GET', '/calendars/events/appointments/{eventId}');
    const event = {
      id: 'e',
      title: 't',
      calendarId: 'c',
      locationId: 'l',
      contactId: 'p',
      appointmentStatus: 'confirmed',
      users: [],
      startTime: '2023-09-25T16:00:00+05:30',
      endTime: '2023-09-25T16:30:00+05:30',
      dateAdded: '2023-09-25T16:00:00+05:30',
      dateUpdated: '2023-09-25T16:00:00+05:30',
    };
    expect(() => assertConformant(getEvent, 200, { event })).not.toThrow();
    expect(() =>
      assertConformant(getEvent, 200, { event: { ...event, startTime: '2023-09-25 16:00:00' } }),
    ).toThrow(/startTime must match format "date-time"/);
  });

  it('uses the documented substitute where the spec has no schema', () => {
    const search = findOperation('POST', '/contacts/search');
    expect(() => assertConformant(search, 200, { contacts: [] })).toThrow(/total/);
    expect(() => assertConformant(search, 200, { contacts: [], total: 0 })).not.toThrow();
  });
});
