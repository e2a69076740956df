/**
 * The MCP endpoint, driven by the official MCP client SDK over a real port against the bridge
 * and the emulator: what each token sees and may call, bookings and writes done once however
 * often an agent retries, revocation, the audit trail, and a burst of calls kept within
 * HighLevel's rate limit.
 */
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { connectAgent, listen, mcpToken, toolNames, type Listening } from '../../../test/mcp.js';
import { voiceWorkspace, weekdayAhead, type Result } from '../../../test/voice.js';
import { busiestWindow } from '../../../test/rateWindow.js';
import { waitFor } from '../../../test/waitFor.js';

interface Call {
  tool: string;
  outcome: string;
  code: string | null;
  replayed: boolean;
  arguments: Record<string, unknown>;
  highLevelRequests: { method: string; path: string }[];
}

describeOnBackends('POST /v1/workspaces/:ws/mcp', (server) => {
  let listening: Listening;
  beforeAll(async () => {
    listening = await listen(server());
  });
  afterAll(async () => {
    await listening.close();
  });

  const auditOf = async (ws: string, count: number) => {
    let calls: Call[] = [];
    await waitFor(async () => {
      const res = await server().call('GET', `/v1/workspaces/${ws}/mcp/calls`);
      calls = (res.body as unknown as { calls: Call[] }).calls;
      return calls.length >= count;
    });
    return calls;
  };

  it('offers a read-only token (the default) the tools that read, and no write', async () => {
    const voice = await voiceWorkspace(server());
    const { token } = await mcpToken(server(), voice.ws);
    const names = await toolNames(await connectAgent(listening, voice.ws, token));
    expect(names).toEqual(
      expect.arrayContaining([
        'check_availability',
        'find_appointments',
        'get-contact',
        'find-contact',
      ]),
    );
    for (const write of [
      'book_appointment',
      'create-contact',
      'delete-contact',
      'cancel_appointment',
    ]) {
      expect(names).not.toContain(write);
    }
  });

  it('offers destructive tools only to a client that allows them', async () => {
    const voice = await voiceWorkspace(server());
    const writer = await mcpToken(server(), voice.ws, { access: 'read-write' });
    const names = await toolNames(await connectAgent(listening, voice.ws, writer.token));
    expect(names).toEqual(expect.arrayContaining(['book_appointment', 'create-contact']));
    expect(names).not.toContain('delete-contact');
    expect(names).not.toContain('cancel_appointment');
    const trusted = await mcpToken(server(), voice.ws, {
      access: 'read-write',
      allowDestructive: true,
    });
    const all = await toolNames(await connectAgent(listening, voice.ws, trusted.token));
    expect(all).toEqual(expect.arrayContaining(['delete-contact', 'cancel_appointment']));
  });

  it('books once: the same call retried answers with the same appointment', async () => {
    const voice = await voiceWorkspace(server());
    const { token } = await mcpToken(server(), voice.ws, {
      access: 'read-write',
      tools: ['check_availability', 'book_appointment'],
    });
    const agent = await connectAgent(listening, voice.ws, token);
    expect((await toolNames(agent)).sort()).toEqual(['book_appointment', 'check_availability']);
    const offered = await agent.callTool({
      name: 'check_availability',
      arguments: { date: weekdayAhead(2) },
    });
    const slot = (offered.structuredContent as Result).slots![0]!;
    const args = { slotId: slot.id, name: 'Ada Lovelace', email: 'ada@example.com' };
    const first = await agent.callTool({ name: 'book_appointment', arguments: args });
    const again = await agent.callTool({ name: 'book_appointment', arguments: args });
    const booked = first.structuredContent as Result;
    expect(first.isError).toBeFalsy();
    expect(booked).toMatchObject({ status: 'booked', start: slot.start });
    expect((again.structuredContent as Result).appointmentId).toBe(booked.appointmentId);
    const state = server().emulator.control.locationState(voice.locationId);
    expect(state.appointments.map((a) => a.id)).toEqual([booked.appointmentId]);

    const calls = await auditOf(voice.ws, 3);
    expect(calls.map((c) => [c.tool, c.outcome, c.code])).toEqual([
      ['book_appointment', 'ok', 'booked'],
      ['book_appointment', 'ok', 'booked'],
      ['check_availability', 'ok', 'ok'],
    ]);
    expect(calls[2]!.highLevelRequests.length).toBeGreaterThan(0);
  });

  it('refuses a tool outside the allowlist, says why, and audits the refusal', async () => {
    const voice = await voiceWorkspace(server());
    const { token } = await mcpToken(server(), voice.ws, { tools: ['check_availability'] });
    const agent = await connectAgent(listening, voice.ws, token);
    const refused = await agent
      .callTool({ name: 'find_appointments', arguments: { phone: '+14155550100' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(McpError);
    expect((refused as McpError).code).toBe(-32602);
    expect((refused as McpError).message).toContain('allowlist');
    const writeRefused = await agent
      .callTool({ name: 'delete-contact', arguments: { contactId: 'c1' } })
      .catch((error: unknown) => error as McpError);
    expect((writeRefused as McpError).message).toContain('read-only');
    const calls = await auditOf(voice.ws, 2);
    expect(calls.map((c) => [c.tool, c.outcome, c.code])).toEqual([
      ['delete-contact', 'refused', 'read_only'],
      ['find_appointments', 'refused', 'not_in_allowlist'],
    ]);
    expect(
      server()
        .emulator.control.requests({ locationId: voice.locationId })
        .map((r) => r.method),
    ).not.toContain('DELETE');
  });

  it('refuses a revoked token at once, with a 401 that says so', async () => {
    const voice = await voiceWorkspace(server());
    const { id, token } = await mcpToken(server(), voice.ws);
    await connectAgent(listening, voice.ws, token);
    const revoke = await server().call('DELETE', `/v1/workspaces/${voice.ws}/mcp/clients/${id}`);
    expect(revoke.status).toBe(204);
    await expect(connectAgent(listening, voice.ws, token)).rejects.toThrow();
    const res = await fetch(`${listening.url}/v1/workspaces/${voice.ws}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_revoked');
    const listed = await server().call('GET', `/v1/workspaces/${voice.ws}/mcp/clients/${id}`);
    expect(listed.body).toMatchObject({ id, revokedAt: expect.any(String) as unknown });
  });

  it('runs a catalogue write once when an agent retries it, and masks secrets in the audit', async () => {
    const voice = await voiceWorkspace(server());
    const { token } = await mcpToken(server(), voice.ws, { access: 'read-write' });
    const agent = await connectAgent(listening, voice.ws, token);
    const contact = { firstName: 'Grace', email: 'grace@example.com' };
    const first = await agent.callTool({ name: 'create-contact', arguments: contact });
    const again = await agent.callTool({ name: 'create-contact', arguments: contact });
    expect(first.isError).toBeFalsy();
    expect(again.structuredContent).toEqual(first.structuredContent);
    const keyed = { contactId: '', body: 'Called back' };
    keyed.contactId = (
      first.structuredContent as { result: { contact: { id: string } } }
    ).result.contact.id;
    const meta = { idempotencyKey: 'note-1' };
    await agent.callTool({ name: 'create-contact-note', arguments: keyed, _meta: meta });
    await agent.callTool({ name: 'create-contact-note', arguments: keyed, _meta: meta });
    const state = server().emulator.control.locationState(voice.locationId);
    expect(
      Object.values(state.contacts).filter((c) => c.email === 'grace@example.com'),
    ).toHaveLength(1);
    expect(Object.values(state.notes).filter((n) => n.body === 'Called back')).toHaveLength(1);

    const wrong = await agent.callTool({
      name: 'create-contact',
      arguments: { email: 'x@example.com', password: 'hunter2' },
    });
    expect(wrong.isError).toBe(true);
    expect(JSON.stringify(wrong.structuredContent)).toContain('password');
    const calls = await auditOf(voice.ws, 5);
    expect(calls.map((c) => [c.tool, c.replayed])).toEqual([
      ['create-contact', false],
      ['create-contact-note', true],
      ['create-contact-note', false],
      ['create-contact', true],
      ['create-contact', false],
    ]);
    expect(calls[0]).toMatchObject({ outcome: 'refused', code: 'validation_failed' });
    expect(calls[0]!.arguments.password).toBe('[redacted]');
    expect(JSON.stringify(calls)).not.toContain('hunter2');
  });
});

describeOnBackends('POST /v1/workspaces/:ws/mcp, a burst of calls', (server) => {
  it(
    'keeps 300 tool calls of one agent within 100 requests per 10 s, with no 429',
    { timeout: 120_000 },
    async () => {
      const listening = await listen(server());
      try {
        const voice = await voiceWorkspace(server());
        const writer = await connectAgent(
          listening,
          voice.ws,
          (await mcpToken(server(), voice.ws, { access: 'read-write' })).token,
        );
        const made = await writer.callTool({
          name: 'create-contact',
          arguments: { email: 'burst@example.com' },
        });
        const contactId = (made.structuredContent as { result: { contact: { id: string } } }).result
          .contact.id;
        const agent = await connectAgent(
          listening,
          voice.ws,
          (await mcpToken(server(), voice.ws)).token,
        );
        const answers = await Promise.all(
          Array.from({ length: 300 }, () =>
            agent.callTool({ name: 'get-contact', arguments: { contactId } }),
          ),
        );
        expect(answers.filter((a) => a.isError)).toEqual([]);
        const requests = server()
          .emulator.control.requests({ locationId: voice.locationId })
          .filter((r) => r.method === 'GET' && r.operation === '/contacts/{contactId}');
        expect(requests).toHaveLength(300);
        expect(requests.filter((r) => r.status === 429)).toEqual([]);
        const everything = server().emulator.control.requests({ locationId: voice.locationId });
        expect(busiestWindow(everything.map((r) => Date.parse(r.time)))).toBeLessThanOrEqual(100);
      } finally {
        await listening.close();
      }
    },
  );
});
