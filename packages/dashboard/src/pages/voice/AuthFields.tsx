/**
 * The credential Vapi presents (docs/vapi.md#authentication): its type and the secret. The server
 * only ever shows the stored secret masked; left empty, the save keeps it. A new one is typed, or
 * generated here and shown once, until it is saved.
 */
import type { AuthType, VoiceSettings } from '../../api/voice';
import { CopyButton } from '../../components/CopyButton';
import { generateSecret } from './assistant';
import { Field, FieldError, type DraftProps } from './Field';

const TYPES: { value: AuthType; label: string; hint: string }[] = [
  { value: 'bearer', label: 'Bearer token', hint: 'Vapi sends Authorization: Bearer <secret>.' },
  {
    value: 'x-vapi-secret',
    label: 'X-Vapi-Secret header',
    hint: 'Vapi sends X-Vapi-Secret: <secret>.',
  },
  {
    value: 'hmac',
    label: 'HMAC signature',
    hint: 'Vapi signs each request with the secret (HMAC-SHA256); the secret itself never travels.',
  },
];

export function AuthFields({
  draft,
  change,
  errors,
  stored,
  generated,
  onGenerate,
}: DraftProps & {
  /** The saved credential, masked; undefined before the first save. */
  stored: VoiceSettings['auth'] | undefined;
  /** A secret generated here and not saved yet: shown until it is. */
  generated: string | undefined;
  onGenerate: (secret: string) => void;
}) {
  const secretHint = stored
    ? `Leave empty to keep the saved secret (${stored.secret}). A new one (at least 16 characters, no spaces) replaces it: update the Vapi assistant too.`
    : 'At least 16 characters, no spaces. Generate one unless Vapi already has a secret for this workspace.';
  return (
    <fieldset>
      <legend>Vapi authentication</legend>
      <fieldset
        className="choices"
        aria-describedby={errors.has('auth.type') ? 'voice-auth-type-error' : undefined}
      >
        <legend>How Vapi proves it is Vapi</legend>
        {TYPES.map((type) => (
          <label key={type.value} className="choice">
            <input
              type="radio"
              name="voice-auth-type"
              value={type.value}
              checked={draft.authType === type.value}
              onChange={() => change({ authType: type.value })}
            />
            <span>
              {type.label}
              <span className="hint"> {type.hint}</span>
            </span>
          </label>
        ))}
        <FieldError path="auth.type" error={errors.get('auth.type')} />
      </fieldset>
      <Field path="auth.secret" label="Secret" hint={secretHint} errors={errors}>
        {(input) => (
          <div className="inline">
            <input
              {...input}
              type="password"
              required={!stored}
              minLength={16}
              autoComplete="new-password"
              spellCheck={false}
              value={draft.secret}
              onChange={(event) => change({ secret: event.target.value })}
            />
            <button
              type="button"
              onClick={() => {
                const secret = generateSecret();
                change({ secret });
                onGenerate(secret);
              }}
            >
              Generate a new secret
            </button>
          </div>
        )}
      </Field>
      {generated && generated === draft.secret ? (
        <div className="new-secret">
          <p>
            New secret, shown until you save: copy it for Vapi now. After saving, ghl-bridge shows
            only its last four characters.
          </p>
          <div className="secret">
            <code data-testid="new-secret">{generated}</code>
            <CopyButton text={generated} label="Copy secret" />
          </div>
        </div>
      ) : null}
      {stored?.previousSecret ? (
        <p className="hint">
          A rotation is in progress: the previous secret ({stored.previousSecret}) works until{' '}
          {new Date(stored.previousSecretExpiresAt ?? '').toLocaleString()}. Saving a new secret
          here ends it; saving with the secret left empty keeps it.
        </p>
      ) : null}
      {draft.authType === 'hmac' ? (
        <Field
          path="auth.maxAgeSeconds"
          label="Timestamp window (seconds, optional)"
          errors={errors}
          hint="Set it (30–3600) to require a signed x-timestamp and refuse older requests; empty: a timestamp, when sent, gets 300 seconds."
        >
          {(input) => (
            <input
              {...input}
              type="number"
              inputMode="numeric"
              min={30}
              max={3600}
              step={1}
              value={draft.maxAgeSeconds}
              onChange={(event) => change({ maxAgeSeconds: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </fieldset>
  );
}
