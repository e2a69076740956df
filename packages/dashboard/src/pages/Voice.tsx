/**
 * A workspace's voice booking: the settings a Vapi assistant books by, what to give Vapi, and
 * the calls it made with their audit trails. The settings need the GoHighLevel connection first:
 * the calendar is one of its Location's.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useVoiceSettings } from '../api/voice';
import { useConnection } from '../api/workspaces';
import { ErrorMessage } from '../components/ErrorMessage';
import { Calls } from './voice/Calls';
import { SettingsForm } from './voice/SettingsForm';
import { VapiSetup } from './voice/VapiSetup';

/** Where a first setup starts: the timezone of the browser setting it up. */
const BROWSER_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function Voice({ ws }: { ws: string }) {
  const connection = useConnection(ws);
  const settings = useVoiceSettings(ws);
  // The secret saved from this page, kept in memory only, for the assistant download.
  const [savedSecret, setSavedSecret] = useState<string>();
  const details = connection.data;
  const loading = connection.isPending || settings.isPending;
  const integrations = <Link href={`/workspaces/${ws}`}>Integrations</Link>;
  return (
    <>
      <ErrorMessage error={connection.error ?? settings.error} />
      {loading ? <p aria-busy="true">Loading…</p> : null}
      {details?.status === 'disconnected' ? (
        <section className="card" aria-labelledby="voice-settings">
          <h2 id="voice-settings">Voice settings</h2>
          <p className="empty">
            Not connected yet: connect GoHighLevel first, on the {integrations} tab. The voice agent
            books on a calendar of the connected Location.
          </p>
        </section>
      ) : null}
      {details && details.status !== 'disconnected' && settings.data !== undefined ? (
        <>
          <section className="card" aria-labelledby="voice-settings">
            <h2 id="voice-settings">Voice settings</h2>
            {details.status === 'needs_attention' ? (
              <p className="error-text">
                The GoHighLevel connection needs attention (see {integrations}): the agent cannot
                book until it is fixed.
              </p>
            ) : null}
            {settings.data === null ? (
              <p className="empty">
                Not set up yet: choose the calendar, the rules and a secret, then save. Vapi&apos;s
                requests are refused until then.
              </p>
            ) : null}
            <SettingsForm
              ws={ws}
              settings={settings.data}
              fallback={{ timezone: BROWSER_TIMEZONE, country: details.locationCountry ?? 'US' }}
              onSaved={setSavedSecret}
            />
          </section>
          <section className="card" aria-labelledby="vapi-setup">
            <h2 id="vapi-setup">Vapi setup</h2>
            {settings.data ? (
              <VapiSetup ws={ws} settings={settings.data} secret={savedSecret} />
            ) : (
              <p className="empty">
                Save the settings first: the assistant is made for the credential they choose.
              </p>
            )}
          </section>
        </>
      ) : null}
      {loading ? null : (
        <section className="card" aria-labelledby="voice-calls">
          <h2 id="voice-calls">Calls</h2>
          <Calls ws={ws} />
        </section>
      )}
    </>
  );
}
