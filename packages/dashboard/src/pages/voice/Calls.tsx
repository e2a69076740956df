/** The calls the voice tools answered, newest first; one at a time opens its audit trail. */
import { useState } from 'react';
import { useVoiceCalls } from '../../api/voice';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CallAudit } from './CallAudit';
import { outcomeInWords, toolName } from './words';

const when = (iso: string) => new Date(iso).toLocaleString();

export function Calls({ ws }: { ws: string }) {
  const calls = useVoiceCalls(ws);
  const [chosen, setChosen] = useState<string>();
  const list = calls.data?.calls ?? [];
  // Closing the audit trail puts focus back on the button that opened it.
  const close = (callId: string) => {
    setChosen(undefined);
    document.querySelector<HTMLElement>(`[data-call="${CSS.escape(callId)}"]`)?.focus();
  };
  return (
    <>
      <ErrorMessage error={calls.error} />
      {calls.isPending ? <p aria-busy="true">Loading calls…</p> : null}
      {calls.isSuccess && list.length === 0 ? (
        <p className="empty">
          No calls yet. Once the Vapi assistant (set up above) uses a tool during a call, the call
          shows here with what it asked, what HighLevel answered and what the caller heard.
        </p>
      ) : null}
      {list.length > 0 ? (
        <table aria-label="Voice calls">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="hide-on-phone">
                Tools used
              </th>
              <th scope="col">
                <span className="visually-hidden">Audit trail</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((call) => (
              <tr key={call.callId} aria-current={chosen === call.callId ? 'true' : undefined}>
                <td>
                  <time dateTime={call.lastAt}>{when(call.lastAt)}</time>
                  <br />
                  <code className="hint">{call.callId}</code>
                </td>
                <td>{outcomeInWords(call.lastOutcome)}</td>
                <td className="hide-on-phone">
                  {call.tools.map(toolName).join(', ')}{' '}
                  <span className="hint">
                    ({call.toolCalls} tool {call.toolCalls === 1 ? 'call' : 'calls'})
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    data-call={call.callId}
                    aria-expanded={chosen === call.callId}
                    aria-controls={chosen === call.callId ? 'voice-call-audit' : undefined}
                    onClick={() => setChosen(chosen === call.callId ? undefined : call.callId)}
                  >
                    Audit trail
                    <span className="visually-hidden"> of the call at {when(call.lastAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {chosen ? <CallAudit ws={ws} callId={chosen} onClose={() => close(chosen)} /> : null}
    </>
  );
}
