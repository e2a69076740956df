import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import { describe, expect, it } from 'vitest';
import { bridgeChangeOf } from './bridgeChange.js';
import { webhookOutcome } from './webhookOutcome.js';

const stamp = { timestamp: '2026-12-01T15:00:00.000Z', webhookId: 'wh_1' };
const event = (fields: Record<string, unknown>) =>
  ({ locationId: 'loc_1', ...stamp, ...fields }) as unknown as IncomingWebhookEvent;
const appointment = {
  id: 'apt_1',
  calendarId: 'cal_1',
  contactId: 'c_1',
  startTime: '2026-12-01T10:00:00-05:00',
  endTime: '2026-12-01T11:00:00-05:00',
};
const times = { startTime: appointment.startTime, endTime: appointment.endTime };

describe('bridgeChangeOf', () => {
  it.each([
    [
      'AppointmentCreate',
      { appointment: { ...appointment, appointmentStatus: 'confirmed' } },
      {
        kind: 'appointment',
        action: 'created',
        id: 'apt_1',
        locationId: 'loc_1',
        calendarId: 'cal_1',
        contactId: 'c_1',
        status: 'confirmed',
        ...times,
      },
    ],
    [
      'AppointmentUpdate',
      { appointment: { id: 'apt_1', appointmentStatus: 'cancelled' } },
      {
        kind: 'appointment',
        action: 'cancelled',
        id: 'apt_1',
        locationId: 'loc_1',
        status: 'cancelled',
      },
    ],
    [
      'AppointmentUpdate',
      { appointment: { id: 'apt_1', appointmentStatus: 'showed' } },
      {
        kind: 'appointment',
        action: 'updated',
        id: 'apt_1',
        locationId: 'loc_1',
        status: 'showed',
      },
    ],
    [
      'AppointmentDelete',
      { appointment: { id: 'apt_1', appointmentStatus: 'cancelled' } },
      {
        kind: 'appointment',
        action: 'deleted',
        id: 'apt_1',
        locationId: 'loc_1',
        status: 'cancelled',
      },
    ],
    [
      'ContactCreate',
      { id: 'c_1', email: 'ada@example.com' },
      { kind: 'contact', action: 'created', id: 'c_1', locationId: 'loc_1' },
    ],
    [
      'ContactTagUpdate',
      { id: 'c_1', tags: ['vip'] },
      { kind: 'contact', action: 'updated', id: 'c_1', locationId: 'loc_1', changed: 'tags' },
    ],
    [
      'ContactDndUpdate',
      { id: 'c_1', dnd: true },
      { kind: 'contact', action: 'updated', id: 'c_1', locationId: 'loc_1', changed: 'dnd' },
    ],
    [
      'ContactDelete',
      { id: 'c_1' },
      { kind: 'contact', action: 'deleted', id: 'c_1', locationId: 'loc_1' },
    ],
    [
      'NoteCreate',
      { id: 'n_1', contactId: 'c_1', body: 'Prefers mornings' },
      { kind: 'note', action: 'created', id: 'n_1', locationId: 'loc_1', contactId: 'c_1' },
    ],
    [
      'NoteDelete',
      { id: 'n_1' },
      { kind: 'note', action: 'deleted', id: 'n_1', locationId: 'loc_1' },
    ],
    [
      'TaskComplete',
      { id: 't_1', contactId: 'c_1', title: 'Call back' },
      { kind: 'task', action: 'completed', id: 't_1', locationId: 'loc_1', contactId: 'c_1' },
    ],
    [
      'INSTALL',
      { appId: 'app_1', companyId: 'co_1' },
      { kind: 'app', action: 'installed', locationId: 'loc_1', appId: 'app_1' },
    ],
    [
      'UNINSTALL',
      { appId: 'app_1' },
      { kind: 'app', action: 'uninstalled', locationId: 'loc_1', appId: 'app_1' },
    ],
  ])('%s %o -> %o', (type, fields, change) => {
    expect(bridgeChangeOf(event({ type, ...fields }), 'loc_1')).toEqual(change);
  });

  it.each([
    ['OpportunityCreate', { id: 'o_1' }, { reason: 'not_handled' }],
    ['VoiceAiCallEnd', { callId: 'x' }, { reason: 'not_handled' }],
    ['AppointmentUpdate', { appointment: {} }, { reason: 'no_id', field: 'appointment.id' }],
    ['AppointmentCreate', { appointment: 'apt_1' }, { reason: 'no_id', field: 'appointment.id' }],
    ['ContactUpdate', { email: 'ada@example.com' }, { reason: 'no_id', field: 'id' }],
    ['TaskCreate', { id: '' }, { reason: 'no_id', field: 'id' }],
  ])('%s %o: no change (%o)', (type, fields, why) => {
    expect(bridgeChangeOf(event({ type, ...fields }), 'loc_1')).toEqual(why);
  });
});

describe('webhookOutcome', () => {
  it.each([
    [{ type: 'ContactCreate', id: 'c_1' }, [], 'unrouted'],
    [{ type: 'INSTALL', locationId: undefined, companyId: 'co_1' }, ['ws_1'], 'unrouted'],
    [{ type: 'OpportunityCreate', id: 'o_1' }, ['ws_1'], 'ignored'],
    [{ type: 'ContactUpdate' }, ['ws_1'], 'ignored'],
    [{ type: 'ContactCreate', id: 'c_1' }, ['ws_1', 'ws_2'], 'processed'],
  ])('%o for workspaces %o: %s', (fields, workspaces, status) => {
    expect(webhookOutcome(event(fields), workspaces).status).toBe(status);
  });

  it('routes a change to every workspace connected to the Location', () => {
    expect(webhookOutcome(event({ type: 'UNINSTALL', appId: 'app_1' }), ['ws_1', 'ws_2'])).toEqual({
      status: 'processed',
      locationId: 'loc_1',
      workspaceIds: ['ws_1', 'ws_2'],
      change: { kind: 'app', action: 'uninstalled', locationId: 'loc_1', appId: 'app_1' },
    });
  });
});
