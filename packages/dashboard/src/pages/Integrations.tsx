/**
 * A workspace's integrations: the GoHighLevel card with its status, Connect (API key + Location
 * ID, or a Location the HighLevel app is installed on, checked live by the server), the details
 * with the masked key or the app, why a paused connection is paused, Test connection and
 * Disconnect.
 */
import { useState } from 'react';
import { installUrl, useConnection, useDisconnect, useTestConnection } from '../api/workspaces';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { StatusBadge } from '../components/StatusBadge';
import { ConnectDialog } from './ConnectDialog';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

export function Integrations({ ws }: { ws: string }) {
  // A check runs in the background: after Test connection, keep reading the details until the
  // check's time moves past the one seen when it was asked for; its outcome is then in them.
  const [checkingSince, setCheckingSince] = useState<string | null | undefined>(undefined);
  const connection = useConnection(ws, checkingSince);
  const [connecting, setConnecting] = useState(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const test = useTestConnection(ws);

  const lastCheckedAt = connection.data?.lastCheckedAt;
  const testing = checkingSince !== undefined && lastCheckedAt === checkingSince;
  const checked =
    checkingSince === undefined || testing
      ? ''
      : connection.data?.lastError
        ? 'Tested just now: the credentials do not work (see Last error).'
        : 'Tested just now: HighLevel accepted the credentials.';

  const details = connection.data;
  return (
    <>
      <ErrorMessage error={connection.error} />
      <section className="card" aria-labelledby="highlevel-card">
        <div className="title-row">
          <h2 id="highlevel-card">GoHighLevel</h2>
          {details ? <StatusBadge status={details.status} /> : null}
        </div>
        {connection.isPending ? <p aria-busy="true">Loading…</p> : null}
        {details?.status === 'disconnected' ? (
          <>
            <p>
              Connect this workspace to one HighLevel sub-account (a Location) to sync its bookings
              as contacts and let a voice agent book on its calendar.
            </p>
            <button type="button" className="primary" onClick={() => setConnecting(true)}>
              Connect
            </button>
          </>
        ) : null}
        {details && details.status !== 'disconnected' ? (
          <>
            {details.pausedReason ? (
              <p className="error-text" role="alert">
                Paused: {details.pausedReason}{' '}
                <a href={installUrl(ws)}>Install the HighLevel app again</a>
              </p>
            ) : null}
            <dl>
              <dt>Location</dt>
              <dd>
                {details.locationName ?? '—'} (<code>{details.locationId}</code>)
              </dd>
              <dt>Connected with</dt>
              <dd>
                {details.auth === 'oauth' ? (
                  'The HighLevel app installed on the Location'
                ) : (
                  <>
                    API key <code data-testid="masked-key">{details.apiKeyPreview}</code>
                  </>
                )}
              </dd>
              <dt>Connected on</dt>
              <dd>{when(details.connectedAt)}</dd>
              <dt>Last checked</dt>
              <dd>{when(details.lastCheckedAt)}</dd>
              <dt>Last sync</dt>
              <dd>{when(details.lastSyncAt)}</dd>
              {details.lastError && details.lastError !== details.pausedReason ? (
                <>
                  <dt>Last error</dt>
                  <dd className="error-text">{details.lastError}</dd>
                </>
              ) : null}
            </dl>
            <p role="status" className="hint">
              {testing ? 'Testing the connection with HighLevel…' : checked}
            </p>
            <ErrorMessage error={test.error} />
            <div className="actions">
              <button
                type="button"
                disabled={test.isPending || testing}
                onClick={() => {
                  setCheckingSince(undefined);
                  test.mutate(undefined, {
                    onSuccess: () => setCheckingSince(details.lastCheckedAt),
                  });
                }}
              >
                {testing ? 'Testing…' : 'Test connection'}
              </button>
              <button type="button" onClick={() => setConnecting(true)}>
                Reconnect
              </button>
              <button type="button" className="danger" onClick={() => setDisconnecting(true)}>
                Disconnect
              </button>
            </div>
          </>
        ) : null}
      </section>
      <ConnectDialog ws={ws} open={connecting} onClose={() => setConnecting(false)} />
      <DisconnectDialog ws={ws} open={disconnecting} onClose={() => setDisconnecting(false)} />
    </>
  );
}

function DisconnectDialog(props: { ws: string; open: boolean; onClose: () => void }) {
  const disconnect = useDisconnect(props.ws);
  const close = () => {
    disconnect.reset();
    props.onClose();
  };
  return (
    <ConfirmDialog
      title="Disconnect GoHighLevel"
      open={props.open}
      confirm="Disconnect"
      pending={disconnect.isPending}
      error={disconnect.error}
      onConfirm={() => disconnect.mutate(undefined, { onSuccess: close })}
      onClose={close}
    >
      <p>
        The stored API key is erased (an installed HighLevel app stays installed). New bookings are
        still accepted and kept, but nothing syncs to HighLevel and the voice agent cannot book
        until the workspace is connected again. HighLevel keeps everything already written.
      </p>
    </ConfirmDialog>
  );
}
