/**
 * The workspace's MCP clients, newest first: what each may do, its allowlist, its token's last
 * characters, when it was made and last used, and Revoke; a revoked one stays, marked, so the
 * audit trail's names still mean something. On a narrow screen the table scrolls sideways.
 */
import type { McpClient } from '../../api/mcp';
import { when } from '../bookingSync/words';
import { accessInWords } from './words';

export function ClientsTable(props: {
  clients: McpClient[];
  onRevoke: (client: McpClient) => void;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Clients, newest first" tabIndex={0}>
      <table className="mcp-clients">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Access</th>
            <th scope="col">Tools</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">State and actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.clients.map((client) => (
            <tr key={client.id} className={client.revokedAt ? 'revoked' : undefined}>
              <td>{client.name}</td>
              <td>{accessInWords(client)}</td>
              <td className="allowlist">
                {client.tools ? (
                  client.tools.map((tool, index) => (
                    <span key={tool}>
                      {index > 0 ? ', ' : ''}
                      <code>{tool}</code>
                    </span>
                  ))
                ) : (
                  <span className="hint">Every tool its access allows</span>
                )}
              </td>
              <td>
                <code>{client.tokenPreview}</code>
              </td>
              <td>{when(client.createdAt)}</td>
              <td>{client.lastUsedAt ? when(client.lastUsedAt) : 'Never'}</td>
              <td>
                {client.revokedAt ? (
                  <span className="state state-revoked">Revoked {when(client.revokedAt)}</span>
                ) : (
                  <button type="button" className="danger" onClick={() => props.onRevoke(client)}>
                    Revoke<span className="visually-hidden"> {client.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
