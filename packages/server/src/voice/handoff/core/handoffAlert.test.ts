import { describe, expect, it } from 'vitest';
import {
  auditUrl,
  handoffEventData,
  handoffTask,
  isHandoffTaskOf,
  type HandoffRecord,
} from './handoffAlert.js';

const record: HandoffRecord = {
  workspaceId: 'ws_1',
  callId: 'call_8f2a',
  reason: 'caller_asked',
  detail: 'wants to talk about a refund',
  transferred: false,
  callerNumber: '+14155550100',
};
const at = new Date('2026-12-01T15:00:00Z');
const link = 'https://bridge.example.com/v1/workspaces/ws_1/voice/calls/call_8f2a';

describe('auditUrl', () => {
  it('links the call’s audit trail under the public URL, or as a path without one', () => {
    expect(auditUrl('https://bridge.example.com/', 'ws_1', 'call_8f2a')).toBe(link);
    expect(auditUrl(undefined, 'ws_1', 'call_8f2a')).toBe(
      '/v1/workspaces/ws_1/voice/calls/call_8f2a',
    );
  });

  it('keeps a call id with a slash or a space inside its own path segment', () => {
    expect(auditUrl(undefined, 'ws_1', 'a/b c')).toBe('/v1/workspaces/ws_1/voice/calls/a%2Fb%20c');
  });
});

describe('handoffEventData', () => {
  it('names the call, why, who and where to look; unknown fields are null', () => {
    expect(handoffEventData({ ...record, detail: undefined }, link)).toEqual({
      workspaceId: 'ws_1',
      callId: 'call_8f2a',
      reason: 'caller_asked',
      detail: null,
      transferred: false,
      callerNumber: '+14155550100',
      contactId: null,
      auditUrl: link,
    });
  });
});

describe('handoffTask', () => {
  it('is an open task for the alert user, due at the handoff, with the reason, number and link', () => {
    const task = handoffTask(record, { auditUrl: link, alertUserId: 'usr_1', at });
    expect(task).toMatchObject({
      title: 'Voice call: the caller asked for a person',
      dueDate: '2026-12-01T15:00:00.000Z',
      completed: false,
      assignedTo: 'usr_1',
    });
    expect(task.body).toContain('The caller asked to speak to a person.');
    expect(task.body).toContain('Details: wants to talk about a refund');
    expect(task.body).toContain('Caller: +14155550100');
    expect(task.body).toContain('call the caller back');
    expect(task.body).toContain(link);
  });

  it('is left unassigned without an alert user, and says when the call was put through', () => {
    const task = handoffTask(
      { ...record, reason: 'unconfirmed', transferred: true, callerNumber: undefined },
      { auditUrl: link, alertUserId: null, at },
    );
    expect(task).not.toHaveProperty('assignedTo');
    expect(task.title).toBe('Voice call: check a booking that could not be confirmed');
    expect(task.body).toContain('check the calendar before booking again');
    expect(task.body).toContain('Caller: number not known');
    expect(task.body).toContain('The call was transferred to the team.');
  });
});

describe('isHandoffTaskOf', () => {
  it('finds the task of this call only, not of a call whose id starts the same', () => {
    const { body } = handoffTask(record, { auditUrl: link, alertUserId: null, at });
    expect(isHandoffTaskOf(body, 'call_8f2a')).toBe(true);
    expect(isHandoffTaskOf(body, 'call_8f')).toBe(false);
    expect(isHandoffTaskOf(undefined, 'call_8f2a')).toBe(false);
  });
});
