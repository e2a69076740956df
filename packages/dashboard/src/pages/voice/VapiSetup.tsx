/**
 * What to give Vapi (docs/vapi.md): the server URL its tools call, how it presents the secret,
 * and the assistant itself to download, filled in for this workspace.
 */
import type { VoiceSettings } from '../../api/voice';
import { CopyButton } from '../../components/CopyButton';
import { assistantJson, CREDENTIAL_PLACEHOLDER, SECRET_PLACEHOLDER } from './assistant';

/**
 * Saves `text` as a file: a Blob URL made at the click and let go once the browser has it (a
 * link rendered with the URL would need it alive, and revoked, across renders).
 */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function VapiSetup(props: {
  ws: string;
  settings: VoiceSettings;
  /** The secret saved from this page, if any: the download has it filled in. */
  secret: string | undefined;
}) {
  const serverUrl = `${window.location.origin}/v1/workspaces/${props.ws}/voice/vapi`;
  const { type } = props.settings.auth;
  const secret = type === 'hmac' ? undefined : props.secret;
  return (
    <>
      <p>Every tool of the Vapi assistant calls this server URL:</p>
      <div className="secret">
        <code data-testid="vapi-server-url">{serverUrl}</code>
        <CopyButton text={serverUrl} label="Copy URL" />
      </div>
      <p className="hint">
        {type === 'hmac' ? (
          <>
            In Vapi, create a Custom Credential of type HMAC (SHA-256, signature header
            x-vapi-signature) with the secret, and replace <code>{CREDENTIAL_PLACEHOLDER}</code> in
            the assistant with its id.
          </>
        ) : (
          <>
            Vapi presents the secret ending in <code>{props.settings.auth.secret.slice(-4)}</code>{' '}
            as <code>{type === 'bearer' ? 'Authorization: Bearer …' : 'X-Vapi-Secret: …'}</code>.{' '}
            {secret ? (
              'The assistant below has the secret you just saved filled in: keep the file private.'
            ) : (
              <>
                In the assistant below, replace <code>{SECRET_PLACEHOLDER}</code> with it.
              </>
            )}
          </>
        )}
      </p>
      <p>
        <button
          type="button"
          className="primary"
          onClick={() =>
            download(
              assistantJson({ serverUrl, auth: { type, secret } }),
              `vapi-assistant-${props.ws}.json`,
            )
          }
        >
          Download the assistant (JSON)
        </button>
      </p>
      <p className="hint">
        Create it with Vapi&apos;s API (<code>POST /assistant</code> with the file as the body), or
        copy its tools into the Vapi dashboard. Its prompt and tools are the ones ghl-bridge
        answers; each call then shows below.
      </p>
    </>
  );
}
