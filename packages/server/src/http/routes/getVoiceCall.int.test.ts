import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { toolCall, vapi, voiceWorkspace, weekdayAhead } from '../../../test/voice.js';
import { waitFor } from '../../../test/waitFor.js';

interface AuditBody {
  calls?: {
    callId: string;
    toolCalls: number;
    tools: string[];
    lastOutcome: { tool: string; status: string; code?: string };
  }[];
  toolCalls?: {
    toolCallId: string;
    tool: string;
    arguments: Record<string, unknown>;
    highLevelRequests: { method: string; path: string; status?: number; traceId?: string }[];
    outcome: { status: string; appointmentId?: string };
  }[];
  error?: { code: string };
}

describeOnBackends('GET /v1/workspaces/:ws/voice/calls[/:callId]', (server) => {
  it('shows each tool call of a call with its HighLevel requests and outcome', async () => {
    const voice = await voiceWorkspace(server());
    const check = toolCall('check_availability', { date: weekdayAhead(2) });
    const { parsed } = await vapi(server(), voice, [check], { callId: 'call_audited' });
    const book = toolCall('book_appointment', {
      slotId: parsed[0]!.slots![0]!.id,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    const booked = (await vapi(server(), voice, [book], { callId: 'call_audited' })).parsed[0]!;
    expect(booked.status).toBe('booked');

    // The audit is written just after the answer goes out.
    const list = await waitFor(async () => {
      const res = await server().call('GET', `/v1/workspaces/${voice.ws}/voice/calls`);
      return (res.body as AuditBody).calls?.[0]?.toolCalls === 2 && res;
    });
    expect(list.status).toBe(200);
    expect((list.body as AuditBody).calls).toEqual([
      expect.objectContaining({
        callId: 'call_audited',
        toolCalls: 2,
        tools: ['check_availability', 'book_appointment'],
        lastOutcome: { tool: 'book_appointment', status: 'booked' },
      }),
    ]);

    const res = await server().call('GET', `/v1/workspaces/${voice.ws}/voice/calls/call_audited`);
    expect(res.status).toBe(200);
    const toolCalls = (res.body as AuditBody).toolCalls!;
    expect(toolCalls.map((t) => [t.toolCallId, t.tool])).toEqual([
      [check.id, 'check_availability'],
      [book.id, 'book_appointment'],
    ]);
    expect(toolCalls[1]!.arguments).toMatchObject({ name: 'Ada Lovelace' });
    expect(toolCalls[1]!.outcome).toMatchObject({
      status: 'booked',
      appointmentId: booked.appointmentId,
    });
    const create = toolCalls[1]!.highLevelRequests.find(
      (r) => r.method === 'POST' && r.path === '/calendars/events/appointments',
    );
    expect(create).toMatchObject({ status: 200 });
    // HighLevel's traceIds are kept where HighLevel sent one.
    const traced = toolCalls.flatMap((t) => t.highLevelRequests).filter((r) => r.traceId);
    expect(traced.length).toBeGreaterThan(0);
  });

  it('answers 404 for a call it has not seen', async () => {
    const voice = await voiceWorkspace(server());
    const res = await server().call('GET', `/v1/workspaces/${voice.ws}/voice/calls/call_unknown`);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('call_not_found');
  });
});
