/**
 * One call's audit trail: each tool call in order with the arguments the agent sent, what it
 * meant and what the caller heard, and the HighLevel requests it made (with HighLevel's trace
 * ids, for its support).
 */
import { Fragment, useEffect, useRef } from 'react';
import { useVoiceCall, type ToolCallRecord } from '../../api/voice';
import { ErrorMessage } from '../../components/ErrorMessage';
import { answerInWords, outcomeInWords, toolName } from './words';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function ToolCall({ record }: { record: ToolCallRecord }) {
  const { outcome } = record;
  const args = Object.entries(record.arguments);
  return (
    <li className="tool-call">
      <h4>
        {toolName(record.tool)}{' '}
        <span className="hint">at {new Date(record.at).toLocaleTimeString()}</span>
      </h4>
      <p>
        <strong>{outcomeInWords({ tool: record.tool, ...outcome })}.</strong> The caller heard: “
        {outcome.message}”
      </p>
      {args.length > 0 ? (
        <dl aria-label="Arguments">
          {args.map(([key, value]) => (
            <Fragment key={key}>
              <dt>{key}</dt>
              <dd>
                <code>{shown(value)}</code>
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p className="hint">No arguments.</p>
      )}
      {record.highLevelRequests.length > 0 ? (
        <table>
          <caption>HighLevel requests</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Answer</th>
              <th scope="col">Took</th>
              <th scope="col">Trace id</th>
            </tr>
          </thead>
          <tbody>
            {record.highLevelRequests.map((request, index) => (
              <tr key={index}>
                <td>
                  <code>
                    {request.method} {request.path}
                  </code>
                </td>
                <td>{answerInWords(request)}</td>
                <td>{Math.round(request.durationMs)} ms</td>
                <td>{request.traceId ? <code>{request.traceId}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">No HighLevel requests: answered without asking HighLevel.</p>
      )}
    </li>
  );
}

export function CallAudit(props: { ws: string; callId: string; onClose: () => void }) {
  const call = useVoiceCall(props.ws, props.callId);
  const heading = useRef<HTMLHeadingElement>(null);
  // A keyboard lands on the trail it opened.
  useEffect(() => heading.current?.focus(), [props.callId]);
  return (
    <section id="voice-call-audit" className="audit" aria-labelledby="voice-call-audit-title">
      <div className="title-row">
        <h3 id="voice-call-audit-title" ref={heading} tabIndex={-1}>
          Audit trail of call <code>{props.callId}</code>
        </h3>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <ErrorMessage error={call.error} />
      {call.isPending ? <p aria-busy="true">Loading the audit trail…</p> : null}
      {call.data ? (
        <ol className="tool-calls">
          {call.data.toolCalls.map((record) => (
            <ToolCall key={record.toolCallId} record={record} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
