/**
 * A workspace's AI agents (docs/mcp.md): the MCP endpoint to paste into an agent, the clients
 * (one token each, read-only unless made otherwise, an allowlist if chosen), creating one with
 * its token shown once, revoking one, and the audit trail of what agents called.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useMcpClients, useRevokeMcpClient, type McpClient } from '../api/mcp';
import { useConnection } from '../api/workspaces';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { ClientsTable } from './mcp/ClientsTable';
import { CreateClientDialog } from './mcp/CreateClientDialog';
import { McpCalls } from './mcp/McpCalls';

export function AiAgents({ ws }: { ws: string }) {
  const clients = useMcpClients(ws);
  const connection = useConnection(ws);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<McpClient>();
  const endpoint = `${window.location.origin}/v1/workspaces/${ws}/mcp`;
  const list = clients.data?.clients ?? [];
  return (
    <>
      <section className="card" aria-labelledby="mcp-endpoint">
        <h2 id="mcp-endpoint">MCP endpoint</h2>
        <p>
          Any agent speaking MCP over Streamable HTTP (Claude Desktop through mcp-remote, Cursor, VS
          Code, a Vapi assistant …) connects here, with the token of one of the clients below:
        </p>
        <div className="secret">
          <code data-testid="mcp-endpoint-url">{endpoint}</code>
          <CopyButton text={endpoint} label="Copy URL" />
        </div>
        <p className="hint">
          The token goes in the header <code>Authorization: Bearer ghlm_…</code>. Every call runs in
          the connected HighLevel Location, within its rate limit, and is written in the audit trail
          below.
        </p>
        {connection.data?.status === 'disconnected' ? (
          <p className="error-text">
            Not connected to GoHighLevel yet: agents can list their tools, but every tool call fails
            until the workspace is connected on the{' '}
            <Link href={`/workspaces/${ws}`}>Integrations</Link> tab.
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="mcp-clients">
        <div className="title-row">
          <h2 id="mcp-clients">MCP clients</h2>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New MCP client
          </button>
        </div>
        <ErrorMessage error={clients.error} />
        {clients.isPending ? <p aria-busy="true">Loading clients…</p> : null}
        {clients.isSuccess && list.length === 0 ? (
          <p className="empty">
            No clients yet. Create one per agent: each gets its own token, may only read unless you
            say otherwise, and can be revoked alone.
          </p>
        ) : null}
        {list.length > 0 ? <ClientsTable clients={list} onRevoke={setRevoking} /> : null}
      </section>
      <section className="card" aria-labelledby="mcp-calls">
        <h2 id="mcp-calls">Recent calls</h2>
        <McpCalls ws={ws} />
      </section>
      <CreateClientDialog ws={ws} open={creating} onClose={() => setCreating(false)} />
      <RevokeDialog ws={ws} client={revoking} onClose={() => setRevoking(undefined)} />
    </>
  );
}

function RevokeDialog(props: { ws: string; client: McpClient | undefined; onClose: () => void }) {
  const revoke = useRevokeMcpClient(props.ws);
  const close = () => {
    revoke.reset();
    props.onClose();
  };
  return (
    <ConfirmDialog
      title="Revoke MCP client"
      open={props.client !== undefined}
      confirm="Revoke"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => props.client && revoke.mutate(props.client.id, { onSuccess: close })}
      onClose={close}
    >
      <p>
        Revoke <strong>{props.client?.name}</strong>? Its token is refused from the next request on,
        and the agent using it loses every tool at once. This cannot be undone: to let the agent
        back in, create a new client. The client stays listed, marked revoked, and its calls stay in
        the audit trail.
      </p>
    </ConfirmDialog>
  );
}
