/**
 * Connect: with an API key and Location ID (where to find both in HighLevel), or, when the
 * server has a HighLevel marketplace app, by choosing a Location the app is installed on (and a
 * link to install it). Only the admin lists installed Locations: they may belong to any tenant.
 */
import { useState, type FormEvent } from 'react';
import { useSession } from '../api/session';
import { installUrl, useConnect, useInstalledLocations } from '../api/workspaces';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

type How = 'key' | 'app';

export function ConnectDialog(props: { ws: string; open: boolean; onClose: () => void }) {
  const connect = useConnect(props.ws);
  const session = useSession();
  const admin = session.data?.principal.kind === 'admin';
  const installed = useInstalledLocations(props.open && admin);
  const appConfigured = installed.data?.configured ?? false;
  const locations = installed.data?.locations ?? [];
  const [how, setHow] = useState<How>('key');
  const [apiKey, setApiKey] = useState('');
  const [locationId, setLocationId] = useState('');
  const [chosen, setChosen] = useState('');
  const close = () => {
    connect.reset();
    setApiKey('');
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body =
      how === 'app'
        ? { locationId: chosen || (locations[0]?.locationId ?? '') }
        : { apiKey: apiKey.trim(), locationId: locationId.trim() };
    connect.mutate(body, { onSuccess: close });
  };
  return (
    <Dialog title="Connect GoHighLevel" open={props.open} onClose={close}>
      <form onSubmit={submit}>
        {appConfigured ? (
          <fieldset className="choices">
            <legend>Connect with</legend>
            <label className="choice">
              <input
                type="radio"
                name="how"
                checked={how === 'app'}
                onChange={() => setHow('app')}
              />
              <span>The HighLevel app, installed on the sub-account or its agency</span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="how"
                checked={how === 'key'}
                onChange={() => setHow('key')}
              />
              <span>An API key (Private Integration token)</span>
            </label>
          </fieldset>
        ) : null}
        {how === 'app' && appConfigured ? (
          <>
            {locations.length > 0 ? (
              <>
                <label htmlFor="installed-location">Installed Location</label>
                <select
                  id="installed-location"
                  value={chosen || locations[0]!.locationId}
                  onChange={(event) => setChosen(event.target.value)}
                >
                  {locations.map((l) => (
                    <option key={l.locationId} value={l.locationId}>
                      {l.name ?? l.locationId} ({l.locationId})
                      {l.installedVia === 'agency' ? ' · through its agency' : ''}
                      {l.workspaceIds.length > 0
                        ? ` · connected to ${l.workspaceIds.length} workspace(s)`
                        : ''}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <p>The app is not installed on any Location yet.</p>
            )}
            <p className="hint">
              Not listed? <a href={installUrl(props.ws)}>Install the HighLevel app</a> on the
              sub-account (it then connects this workspace) or on its agency (then choose the
              Location here).
            </p>
          </>
        ) : (
          <>
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
              In the HighLevel sub-account: Settings → Private Integrations → Create new
              integration, with the contacts, calendars and locations scopes; copy the token it
              shows once.
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
          </>
        )}
        <ErrorMessage error={connect.error ?? installed.error} />
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={connect.isPending || (how === 'app' && locations.length === 0)}
          >
            {connect.isPending ? 'Checking with HighLevel…' : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
