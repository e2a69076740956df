/**
 * The audit trail: every tool call agents made through the MCP endpoint, refused ones too, newest
 * first and older ones a page at a time: which client, which tool with what arguments (secrets
 * masked by the server), how it ended, whether it was a retry answered with the first answer,
 * and the HighLevel requests it made.
 */
import { useMcpCalls, type McpCall } from '../../api/mcp';
import { ErrorMessage } from '../../components/ErrorMessage';
import { when } from '../bookingSync/words';
import { answerInWords } from '../voice/words';
import { callOutcome } from './words';

function CallRow({ call }: { call: McpCall }) {
  const requests = call.highLevelRequests;
  return (
    <tr>
      <td>
        <time dateTime={call.at}>{when(call.at)}</time>
      </td>
      <td>{call.clientName}</td>
      <td>
        <details>
          <summary>
            <code>{call.tool}</code>
          </summary>
          <pre className="arguments">{JSON.stringify(call.arguments, null, 2)}</pre>
        </details>
      </td>
      <td className={`outcome-${call.outcome}`}>
        {callOutcome(call)}
        {call.replayed ? <span className="hint"> (a retry: the first answer again)</span> : null}
      </td>
      <td>
        {requests.length === 0 ? (
          'None'
        ) : (
          <details>
            <summary>
              {requests.length} {requests.length === 1 ? 'request' : 'requests'}
            </summary>
            <ul className="calls">
              {requests.map((request, index) => (
                <li key={index}>
                  <code>
                    {request.method} {request.path}
                  </code>{' '}
                  {answerInWords(request)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

export function McpCalls({ ws }: { ws: string }) {
  const calls = useMcpCalls(ws);
  const list = calls.data?.pages.flatMap((page) => page.calls) ?? [];
  return (
    <>
      <ErrorMessage error={calls.error} />
      {calls.isPending ? <p aria-busy="true">Loading calls…</p> : null}
      {calls.isSuccess && list.length === 0 ? (
        <p className="empty">
          No calls yet. Each tool an agent calls through the endpoint shows here, refused ones too.
        </p>
      ) : null}
      {list.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Calls, newest first" tabIndex={0}>
          <table className="mcp-calls">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Client</th>
                <th scope="col">Tool</th>
                <th scope="col">Outcome</th>
                <th scope="col">HighLevel requests</th>
              </tr>
            </thead>
            <tbody>
              {list.map((call) => (
                <CallRow key={call.id} call={call} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {calls.hasNextPage ? (
        <button
          type="button"
          className="more"
          disabled={calls.isFetchingNextPage}
          onClick={() => void calls.fetchNextPage()}
        >
          {calls.isFetchingNextPage ? 'Loading older calls…' : 'Older calls'}
        </button>
      ) : null}
    </>
  );
}
