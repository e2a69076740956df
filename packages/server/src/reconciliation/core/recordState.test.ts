import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import { describe, expect, it } from 'vitest';
import { bridgeChangeOf, isBridgeChange } from '../../highlevelWebhooks/core/bridgeChange.js';
import {
  appointmentState,
  contactState,
  FINAL_RANK,
  instant,
  noteEditState,
  stateOfWebhook,
  taskState,
} from './recordState.js';

const SENT = '2026-03-02T14:00:05.000Z';
const appointment = {
  id: 'apt_1',
  appointmentStatus: 'confirmed',
  startTime: '2026-03-03T09:00:00-05:00',
  endTime: '2026-03-03T10:00:00-05:00',
  dateUpdated: '2026-03-02T09:00:00-05:00',
};
const contact = {
  id: 'c_1',
  firstName: 'Ada',
  email: 'ada@example.com',
  tags: ['vip', 'booked'],
  dnd: false,
  customFields: [
    { id: 'f2', value: 3 },
    { id: 'f1', value: 'x' },
  ],
  dateAdded: '2026-01-01T00:00:00.000Z',
};

function webhookState(fields: Record<string, unknown>) {
  const event = { locationId: 'loc_1', timestamp: SENT, webhookId: 'wh_1', ...fields };
  const change = bridgeChangeOf(event as unknown as IncomingWebhookEvent, 'loc_1');
  if (!isBridgeChange(change)) throw new Error('no change');
  return stateOfWebhook(event as unknown as IncomingWebhookEvent, change);
}

describe('an appointment’s state', () => {
  it('is the same from a webhook and from the listing, whatever offset the times are in', () => {
    const listed = appointmentState(
      {
        ...appointment,
        startTime: '2026-03-03T14:00:00Z',
        endTime: '2026-03-03T15:00:00Z',
        dateUpdated: '2026-03-02T14:00:00Z',
      },
      0,
    );
    expect(webhookState({ type: 'AppointmentUpdate', appointment })).toEqual(listed);
    expect(listed).toMatchObject({ kind: 'appointment', id: 'apt_1', rank: instant(SENT)! - 5000 });
  });

  it.each([
    ['a reschedule', { startTime: '2026-03-03T11:00:00-05:00' }],
    ['a cancellation', { appointmentStatus: 'cancelled' }],
    ['another edit (dateUpdated only)', { dateUpdated: '2026-03-02T09:00:01-05:00' }],
  ])('changes with %s', (_what, edit) => {
    expect(appointmentState({ ...appointment, ...edit }, 0).fingerprint).not.toBe(
      appointmentState(appointment, 0).fingerprint,
    );
  });

  it('is ranked by when it was sent when it has no dateUpdated', () => {
    const { dateUpdated: _d, ...without } = appointment;
    expect(webhookState({ type: 'AppointmentCreate', appointment: without })?.rank).toBe(
      instant(SENT),
    );
  });
});

describe('a contact’s state', () => {
  it('is the same from a webhook and from a search, whatever the order of tags and fields', () => {
    const searched = {
      ...contact,
      tags: ['booked', 'vip'],
      customFields: [...contact.customFields].reverse(),
      emailLowerCase: 'ada@example.com',
      searchAfter: [1, 'c_1'],
      dateUpdated: '2026-03-02T14:00:04.000Z',
    };
    const fromWebhook = webhookState({ type: 'ContactUpdate', ...contact, name: 'Ada' });
    expect(fromWebhook?.fingerprint).toBe(contactState(searched, 0).fingerprint);
    expect(fromWebhook?.rank).toBe(instant(SENT));
  });

  it.each([
    ['an email', { email: 'ada@new.example' }],
    ['a tag', { tags: ['vip'] }],
    ['DND', { dnd: true }],
    ['a custom field', { customFields: [{ id: 'f1', value: 'y' }] }],
  ])('changes with %s', (_what, edit) => {
    expect(contactState({ ...contact, ...edit }, 0).fingerprint).not.toBe(
      contactState(contact, 0).fingerprint,
    );
  });

  it('reads empty and missing values alike', () => {
    expect(contactState({ ...contact, lastName: '', dnd: undefined }, 0).fingerprint).toBe(
      contactState(contact, 0).fingerprint,
    );
  });
});

describe('noteEditState', () => {
  it('is the same edit by its body, another by another body, and always after the creation', () => {
    const edit = noteEditState('n_1', 'Prefers mornings', 5);
    expect(noteEditState('n_1', 'Prefers mornings', 9).fingerprint).toBe(edit.fingerprint);
    expect(noteEditState('n_1', 'Prefers evenings', 5).fingerprint).not.toBe(edit.fingerprint);
    expect(edit.rank).toBeGreaterThan(1);
  });
});

describe('stateOfWebhook', () => {
  it.each([
    [{ type: 'TaskCreate', id: 't_1', contactId: 'c_1' }, taskState('t_1', 'open')],
    [
      { type: 'TaskComplete', id: 't_1' },
      { kind: 'task', id: 't_1', fingerprint: 'completed', rank: 2 },
    ],
    [
      { type: 'TaskDelete', id: 't_1' },
      { kind: 'task', id: 't_1', fingerprint: 'deleted', rank: FINAL_RANK },
    ],
    [
      { type: 'NoteCreate', id: 'n_1' },
      { kind: 'note', id: 'n_1', fingerprint: 'created', rank: 1 },
    ],
    [
      {
        type: 'NoteUpdate',
        id: 'n_1',
        body: 'Prefers mornings',
        timestamp: '2026-03-02T09:00:00Z',
      },
      noteEditState('n_1', 'Prefers mornings', Date.parse('2026-03-02T09:00:00Z')),
    ],
    [
      { type: 'ContactDelete', id: 'c_1' },
      { kind: 'contact', id: 'c_1', fingerprint: 'deleted', rank: FINAL_RANK },
    ],
    [
      { type: 'AppointmentDelete', appointment: { id: 'a_1' } },
      { kind: 'appointment', id: 'a_1', fingerprint: 'deleted', rank: FINAL_RANK },
    ],
    [{ type: 'INSTALL', appId: 'app_1' }, undefined],
  ])('%o leaves %o', (fields, state) => {
    expect(webhookState(fields)).toEqual(state);
  });
});
