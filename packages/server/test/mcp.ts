/**
 * MCP test setup: the bridge served on a real port, and the official MCP client SDK connected to
 * a workspace's endpoint with a client token made through the API.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

/** The bridge on a real port: where an MCP client connects. */
export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** @example const listening = await listen(server()); … await listening.close(); */
export async function listen(server: TestServer): Promise<Listening> {
  const http: ServerType = await new Promise((resolve) => {
    const started = serve(
      { fetch: server.runtime.app!.fetch, port: 0, hostname: '127.0.0.1' },
      () => resolve(started),
    );
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** What `POST …/mcp/clients` takes. */
export interface ClientRequest {
  name?: string;
  access?: 'read-only' | 'read-write';
  allowDestructive?: boolean;
  tools?: string[];
}

/**
 * A new MCP client of the workspace, made with the admin token: its id and token.
 *
 * @example const { token } = await mcpToken(server(), ws, { access: 'read-write' });
 */
export async function mcpToken(server: TestServer, ws: string, request: ClientRequest = {}) {
  const res = await server.call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
    json: { name: 'Test agent', ...request },
  });
  expect(res.status, res.text).toBe(201);
  const body = res.body as { id: string; token: string };
  return { id: body.id, token: body.token };
}

/**
 * The SDK's client, connected (initialized) to the workspace's MCP endpoint with `token`.
 *
 * @example const agent = await connectAgent(listening, ws, token); await agent.listTools();
 */
export async function connectAgent(listening: Listening, ws: string, token: string) {
  const transport = new StreamableHTTPClientTransport(
    new URL(`${listening.url}/v1/workspaces/${ws}/mcp`),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
  );
  const agent = new Client({ name: 'ghl-bridge-tests', version: '1.0.0' });
  await agent.connect(transport);
  return agent;
}

/** The names of the tools a connected client is offered. */
export async function toolNames(agent: Client): Promise<string[]> {
  const { tools } = await agent.listTools();
  return tools.map((tool) => tool.name);
}
