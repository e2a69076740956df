/**
 * What the team is told when a voice call is handed to a person (docs/vapi.md#handoff-and-alerts):
 * the `voice.handoff` webhook event and the HighLevel task, both made from one handoff record.
 * Plain data in, plain data out: storing, sending and HighLevel calls are `handoffAlert.ts`'s.
 */
import type { HandoffReason } from '../../core/outcomes.js';

/** A handoff as stored (one per call) and as the alert tells it. */
export interface HandoffRecord {
  workspaceId: string;
  callId: string;
  reason: HandoffReason;
  /** What the caller asked for, or what failed, in words. */
  detail?: string;
  /** True: the call was put through; false: someone has to call the caller back. */
  transferred: boolean;
  /** E.164 when the calling number could be read. */
  callerNumber?: string;
  contactId?: string;
}

/**
 * The link to the call's audit trail (`GET /v1/workspaces/:ws/voice/calls/:callId`): absolute
 * with the bridge's public URL, a path without one.
 *
 * @example auditUrl('https://bridge.example.com', 'ws_1', 'call_8f2a'); // 'https://bridge.example.com/v1/workspaces/ws_1/voice/calls/call_8f2a'
 */
export function auditUrl(publicUrl: string | undefined, workspaceId: string, callId: string) {
  const path = `/v1/workspaces/${encodeURIComponent(workspaceId)}/voice/calls/${encodeURIComponent(callId)}`;
  return `${(publicUrl ?? '').replace(/\/+$/, '')}${path}`;
}

/**
 * The `voice.handoff` event's `data` (docs/webhooks-out.md#events): every field present, `null`
 * when not known, so a receiver never has to tell "missing" from "empty".
 *
 * @example handoffEventData(record, auditUrl(publicUrl, ws, callId)).reason; // 'caller_asked'
 */
export function handoffEventData(record: HandoffRecord, audit: string) {
  return {
    workspaceId: record.workspaceId,
    callId: record.callId,
    reason: record.reason,
    detail: record.detail ?? null,
    transferred: record.transferred,
    callerNumber: record.callerNumber ?? null,
    contactId: record.contactId ?? null,
    auditUrl: audit,
  };
}

const TITLES: Record<HandoffReason, string> = {
  caller_asked: 'Voice call: the caller asked for a person',
  repeated_failures: 'Voice call: the assistant could not help the caller',
  unconfirmed: 'Voice call: check a booking that could not be confirmed',
};

const WHY: Record<HandoffReason, string> = {
  caller_asked: 'The caller asked to speak to a person.',
  repeated_failures: 'The voice tools failed repeatedly during the call.',
  unconfirmed:
    'A booking may or may not have been made in HighLevel: check the calendar before booking again.',
};

/** The line that names the call in a task's body; a retry finds its task by it. */
const callLine = (callId: string) => `Call id: ${callId}`;

/** A HighLevel task (`POST /contacts/:contactId/tasks`), as its create takes it. */
export interface HandoffTask {
  title: string;
  body: string;
  dueDate: string;
  completed: false;
  assignedTo?: string;
}

/**
 * The task for the team: why, who called, what to do, and the link to what the call did. Due at
 * the handoff itself: a caller who was not put through is waiting for a call back.
 *
 * @example hl.tasks.create(contactId, handoffTask(record, { auditUrl, alertUserId: 'usr_1', at: new Date() }));
 */
export function handoffTask(
  record: HandoffRecord,
  options: { auditUrl: string; alertUserId: string | null; at: Date },
): HandoffTask {
  const lines = [
    WHY[record.reason],
    ...(record.detail ? [`Details: ${record.detail}`] : []),
    `Caller: ${record.callerNumber ?? 'number not known'}`,
    record.transferred
      ? 'The call was transferred to the team.'
      : 'The call was not transferred: call the caller back.',
    `What happened in the call: ${options.auditUrl}`,
    callLine(record.callId),
  ];
  return {
    title: TITLES[record.reason],
    body: lines.join('\n'),
    dueDate: options.at.toISOString(),
    completed: false,
    ...(options.alertUserId ? { assignedTo: options.alertUserId } : {}),
  };
}

/**
 * True when a task's body is the handoff task of `callId`: a retry after a create whose answer
 * was lost finds the task instead of making a second one.
 *
 * @example isHandoffTaskOf(task.body, 'call_8f2a'); // true
 */
export function isHandoffTaskOf(body: unknown, callId: string): boolean {
  return typeof body === 'string' && body.split('\n').includes(callLine(callId));
}
