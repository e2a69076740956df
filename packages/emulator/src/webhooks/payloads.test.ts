import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '@ghl-bridge/client';
import { isKnownWebhookEvent, parseWebhookEvent } from '@ghl-bridge/client/webhooks';
import { specRoot } from '@ghl-bridge/highlevel-spec';
import type { ContactRecord, NoteRecord, TaskRecord } from '../contacts/core/model.js';
import {
  appInstallEvent,
  appointmentEvent,
  appUninstallEvent,
  contactEvent,
  noteEvent,
  opportunityEvent,
  stampDelivery,
  taskEvent,
} from './payloads.js';

type Schema = { properties?: Record<string, Schema> };
const extracted = JSON.parse(
  readFileSync(path.join(specRoot, 'webhook-events.extracted.json'), 'utf8'),
) as Record<string, { schema: Schema }>;

const stamp = { timestamp: '2026-03-02T10:00:00.000Z', webhookId: 'wh-1' };

/** Fields of `payload` (or of its `nested` object) that HighLevel's doc for `event` does not list. */
function undocumentedFields(event: string, payload: object, nested?: string): string[] {
  const schema = extracted[event]!.schema;
  const documented = (nested ? schema.properties?.[nested]?.properties : schema.properties) ?? {};
  const value = nested ? (payload as Record<string, object>)[nested]! : payload;
  const stampFields = nested ? [] : ['timestamp', 'webhookId'];
  return Object.keys(value).filter((k) => !(k in documented) && !stampFields.includes(k));
}

const contact: ContactRecord = {
  id: 'c1',
  locationId: 'loc1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+14155550100',
  companyName: null,
  gender: 'female',
  type: 'lead',
  tags: ['vip', 'voice-ai'],
  customFields: { cf1: 'Blue', cf2: 3, cf3: true, cf4: ['a', 'b'] },
  dateAdded: '2026-03-01T09:00:00.000Z',
  dateUpdated: '2026-03-01T09:30:00.000Z',
};

describe('contact, note and task events', () => {
  it('turn a stored contact into the documented ContactCreate shape', () => {
    const event = contactEvent('ContactCreate', contact, stamp);
    expect(event).toEqual({
      type: 'ContactCreate',
      locationId: 'loc1',
      id: 'c1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+14155550100',
      tags: ['vip', 'voice-ai'],
      attachments: [],
      customFields: [
        { id: 'cf1', value: 'Blue' },
        { id: 'cf2', value: 3 },
        { id: 'cf3', value: 'true' },
        { id: 'cf4', value: ['a', 'b'] },
      ],
      dateAdded: '2026-03-01T09:00:00.000Z',
      ...stamp,
    });
    expect(undocumentedFields('ContactCreate', event)).toEqual([]);
  });

  it('send the same shape for every contact event, with its own type', () => {
    for (const type of ['ContactUpdate', 'ContactDelete', 'ContactTagUpdate'] as const) {
      const event = contactEvent(
        type,
        { ...contact, customFields: [{ id: 'cf1', value: 'x' }] },
        stamp,
      );
      expect(event.type).toBe(type);
      expect(event.customFields).toEqual([{ id: 'cf1', value: 'x' }]);
      expect(undocumentedFields(type, event)).toEqual([]);
    }
  });

  it('turn stored notes and tasks into NoteCreate and TaskComplete', () => {
    const note: NoteRecord = {
      id: 'n1',
      locationId: 'loc1',
      contactId: 'c1',
      body: 'Called back',
      userId: 'u1',
      dateAdded: '2026-03-01T10:00:00.000Z',
    };
    const noteCreate = noteEvent('NoteCreate', note, stamp);
    expect(noteCreate).toEqual({
      type: 'NoteCreate',
      locationId: 'loc1',
      id: 'n1',
      body: 'Called back',
      contactId: 'c1',
      dateAdded: '2026-03-01T10:00:00.000Z',
      ...stamp,
    });
    const task: TaskRecord = {
      id: 't1',
      locationId: 'loc1',
      contactId: 'c1',
      title: 'Confirm booking',
      dueDate: '2026-03-03T09:00:00.000Z',
      completed: true,
      dateAdded: '2026-03-01T10:00:00.000Z',
    };
    const taskComplete = taskEvent('TaskComplete', task, stamp);
    expect(taskComplete).toMatchObject({
      type: 'TaskComplete',
      id: 't1',
      title: 'Confirm booking',
    });
    expect(undocumentedFields('TaskComplete', taskComplete)).toEqual([]);
    expect(undocumentedFields('NoteCreate', noteCreate)).toEqual([]);
  });
});

describe('appointment, opportunity and app events', () => {
  const appointment = {
    id: 'a1',
    locationId: 'loc1',
    calendarId: 'cal1',
    contactId: 'c1',
    title: 'Consultation',
    appointmentStatus: 'confirmed',
    assignedUserId: 'u1',
    users: ['u1'],
    notes: null,
    startTime: '2026-03-05T16:00:00+05:30',
    endTime: '2026-03-05T16:30:00+05:30',
    dateAdded: '2026-03-02T10:00:00.000Z',
  };

  it('nest the appointment and name Update/Delete correctly', () => {
    const update = appointmentEvent('AppointmentUpdate', appointment, stamp);
    expect(update.type).toBe('AppointmentUpdate');
    expect(update.locationId).toBe('loc1');
    expect(update.appointment).toEqual({
      id: 'a1',
      calendarId: 'cal1',
      contactId: 'c1',
      title: 'Consultation',
      appointmentStatus: 'confirmed',
      assignedUserId: 'u1',
      users: ['u1'],
      startTime: '2026-03-05T16:00:00+05:30',
      endTime: '2026-03-05T16:30:00+05:30',
      dateAdded: '2026-03-02T10:00:00.000Z',
    });
    expect(undocumentedFields('AppointmentUpdate', update)).toEqual([]);
    expect(undocumentedFields('AppointmentUpdate', update, 'appointment')).toEqual([]);
    expect(appointmentEvent('AppointmentDelete', appointment, stamp).type).toBe(
      'AppointmentDelete',
    );
  });

  it("call REST's createdAt dateAdded on opportunities", () => {
    const opportunity = {
      id: 'o1',
      locationId: 'loc1',
      name: 'Ada - consult',
      contactId: 'c1',
      pipelineId: 'p1',
      pipelineStageId: 's2',
      status: 'open',
      monetaryValue: 150,
      createdAt: '2026-03-01T08:00:00.000Z',
      lostReasonId: null,
    };
    const event = opportunityEvent('OpportunityStageUpdate', opportunity, stamp);
    expect(event).toMatchObject({ type: 'OpportunityStageUpdate', pipelineStageId: 's2' });
    expect(event.dateAdded).toBe('2026-03-01T08:00:00.000Z');
    expect(undocumentedFields('OpportunityStageUpdate', event)).toEqual([]);
  });

  it('use INSTALL and UNINSTALL as the type of app events', () => {
    const install = appInstallEvent({ appId: 'app1', companyId: 'co1', locationId: 'loc1' }, stamp);
    expect(install).toEqual({
      type: 'INSTALL',
      appId: 'app1',
      companyId: 'co1',
      locationId: 'loc1',
      ...stamp,
    });
    const uninstall = appUninstallEvent({ appId: 'app1', locationId: 'loc1' }, stamp);
    expect(uninstall).toEqual({ type: 'UNINSTALL', appId: 'app1', locationId: 'loc1', ...stamp });
    expect(undocumentedFields('AppInstall', install)).toEqual([]);
  });

  it('all parse as known events on the receiving side', () => {
    const events = [
      contactEvent('ContactTagUpdate', contact, stamp),
      appointmentEvent('AppointmentCreate', appointment, stamp),
      appUninstallEvent({ appId: 'app1', companyId: 'co1' }, stamp),
    ];
    for (const event of events) {
      const parsed = parseWebhookEvent(JSON.stringify(event));
      expect(isKnownWebhookEvent(parsed)).toBe(true);
      expect(parsed).toEqual(event);
    }
  });
});

describe('stampDelivery', () => {
  it("stamps the clock's time and a new id each time", () => {
    const clock = manualClock(Date.parse('2026-03-02T10:00:00Z'));
    const first = stampDelivery(clock);
    const second = stampDelivery(clock);
    expect(first.timestamp).toBe('2026-03-02T10:00:00.000Z');
    expect(first.webhookId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.webhookId).not.toBe(first.webhookId);
    expect(stampDelivery(clock, () => 'fixed')).toEqual({
      timestamp: first.timestamp,
      webhookId: 'fixed',
    });
  });
});
