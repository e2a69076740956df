/** Connect: the API key and Location ID, with where to find both in HighLevel. */
import { useState, type FormEvent } from 'react';
import { useConnect } from '../api/workspaces';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

export function ConnectDialog(props: { ws: string; open: boolean; onClose: () => void }) {
  const connect = useConnect(props.ws);
  const [apiKey, setApiKey] = useState('');
  const [locationId, setLocationId] = useState('');
  const close = () => {
    connect.reset();
    setApiKey('');
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate({ apiKey: apiKey.trim(), locationId: locationId.trim() }, { onSuccess: close });
  };
  return (
    <Dialog title="Connect GoHighLevel" open={props.open} onClose={close}>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key (Private Integration token)</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          required
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          aria-describedby="api-key-help"
        />
        <p id="api-key-help" className="hint">
          In the HighLevel sub-account: Settings → Private Integrations → Create new integration,
          with the contacts, calendars and locations scopes; copy the token it shows once.
        </p>
        <label htmlFor="location-id">Location ID</label>
        <input
          id="location-id"
          required
          value={locationId}
          onChange={(event) => setLocationId(event.target.value)}
          aria-describedby="location-id-help"
        />
        <p id="location-id-help" className="hint">
          In the same sub-account: Settings → Business Profile, under General Information.
        </p>
        <ErrorMessage error={connect.error} />
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={connect.isPending}>
            {connect.isPending ? 'Checking with HighLevel…' : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
