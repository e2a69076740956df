/**
 * The MCP management routes: clients and their tokens, the tools an allowlist can name, and the
 * audit trail's pages.
 */
import { expect, it } from 'vitest';
import { describeOnBackends, type ApiBody } from '../../../test/harness.js';

interface Client {
  id: string;
  name: string;
  access: string;
  allowDestructive: boolean;
  tools: string[] | null;
  tokenPreview: string;
  token?: string;
  endpoint?: string;
  revokedAt: string | null;
}

describeOnBackends('MCP clients', (server) => {
  it('shows a new token once, and only its preview afterwards', async () => {
    const { id: ws, apiKey } = await server().createWorkspace();
    const res = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      token: apiKey,
      json: { name: ' Claude Desktop (Ada) ' },
    });
    expect(res.status).toBe(201);
    const created = res.body as unknown as Client;
    expect(created).toMatchObject({
      name: 'Claude Desktop (Ada)',
      access: 'read-only',
      allowDestructive: false,
      tools: null,
      endpoint: `/v1/workspaces/${ws}/mcp`,
      revokedAt: null,
    });
    expect(created.token).toMatch(/^ghlm_[\w-]{32}$/);
    expect(created.tokenPreview).toBe(`ghlm_…${created.token!.slice(-4)}`);

    const list = await server().call('GET', `/v1/workspaces/${ws}/mcp/clients`, { token: apiKey });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(created.token);
    const clients = (list.body as unknown as { clients: Client[] }).clients;
    expect(clients.map((c) => c.id)).toEqual([created.id]);
    expect(server().logText()).not.toContain(created.token);
  });

  it('names each field that is wrong: unknown tools, and tools the access does not allow', async () => {
    const { id: ws } = await server().createWorkspace();
    const res = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      json: {
        name: 'Agent',
        allowDestructive: true,
        tools: ['book_apointment', 'create-contact', 'check_availability'],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    const fields = res.body.error!.details!.fields!;
    expect(fields.map((f) => f.path)).toEqual(['allowDestructive', 'tools.0', 'tools.1']);
    expect(fields[1]!.message).toContain('book_appointment');
    const blank = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      json: { name: '', access: 'admin', tools: [] },
    });
    expect(blank.status).toBe(422);
    expect(blank.body.error!.details!.fields!.map((f) => f.path).sort()).toEqual([
      'access',
      'name',
      'tools',
    ]);
    const none = await server().call('GET', `/v1/workspaces/${ws}/mcp/clients`);
    expect((none.body as unknown as { clients: Client[] }).clients).toEqual([]);
  });

  it('revokes a client, keeps it listed as revoked, and answers 404 for one it does not have', async () => {
    const { id: ws } = await server().createWorkspace();
    const other = await server().createWorkspace('Other Spa');
    const made = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      json: { name: 'Agent', access: 'read-write', tools: ['book_appointment'] },
    });
    const { id } = made.body as unknown as Client;
    const path = `/v1/workspaces/${ws}/mcp/clients/${id}`;
    const foreign = await server().call('DELETE', path, { token: other.apiKey });
    expect(foreign.status).toBe(403);
    expect((await server().call('DELETE', path)).status).toBe(204);
    expect((await server().call('DELETE', path)).status).toBe(204);
    const shown = await server().call('GET', path);
    expect(shown.body).toMatchObject({
      id,
      tools: ['book_appointment'],
      revokedAt: expect.any(String) as unknown,
    });
    const missing = await server().call('GET', `/v1/workspaces/${ws}/mcp/clients/mcpc_nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('mcp_client_not_found');
    const notTheirs = await server().call('DELETE', `/v1/workspaces/${other.id}/mcp/clients/${id}`);
    expect(notTheirs.status).toBe(404);
  });

  it('lists every tool an allowlist can name, with what it does to the Location', async () => {
    const { id: ws } = await server().createWorkspace();
    const res = await server().call('GET', `/v1/workspaces/${ws}/mcp/tools`);
    const tools = (
      res.body as unknown as { tools: { name: string; access: string; source: string }[] }
    ).tools;
    const access = Object.fromEntries(tools.map((t) => [t.name, t.access]));
    expect(access).toMatchObject({
      check_availability: 'read',
      book_appointment: 'write',
      cancel_appointment: 'destructive',
      'get-contact': 'read',
      'create-contact': 'write',
      'delete-contact': 'destructive',
    });
    expect(new Set(tools.map((t) => t.source))).toEqual(new Set(['voice', 'action', 'trigger']));
  });

  it('pages the audit trail, newest first, per client', async () => {
    const { id: ws } = await server().createWorkspace();
    const made = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      json: { name: 'Agent' },
    });
    const { id: clientId } = made.body as unknown as Client;
    const { db } = server().runtime.database;
    await db
      .insertInto('mcp_calls')
      .values(
        ['first', 'second', 'third'].map((tool) => ({
          workspace_id: ws,
          client_id: clientId,
          tool,
          arguments: '{}',
          outcome: 'ok' as const,
          highlevel_requests: '[]',
          duration_ms: 3,
        })),
      )
      .execute();
    const page = async (query: string) => {
      const res = await server().call('GET', `/v1/workspaces/${ws}/mcp/calls?${query}`);
      return res.body as ApiBody & { calls: { tool: string }[]; nextCursor: string | null };
    };
    const one = await page(`clientId=${clientId}&limit=2`);
    expect(one.calls.map((c) => c.tool)).toEqual(['third', 'second']);
    const two = await page(`limit=2&cursor=${one.nextCursor!}`);
    expect(two.calls.map((c) => c.tool)).toEqual(['first']);
    expect(two.nextCursor).toBeNull();
    expect((await page('clientId=mcpc_other')).calls).toEqual([]);
    const bad = await server().call('GET', `/v1/workspaces/${ws}/mcp/calls?cursor=nope`);
    expect(bad.status).toBe(422);
  });
});
