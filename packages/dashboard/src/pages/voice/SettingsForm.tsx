/**
 * The voice settings form: calendar, rules, working hours, blackout dates and the Vapi
 * credential. The server judges every value; what it refuses is shown next to the field it names
 * and listed above the Save button, each entry moving focus to its field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useHighLevelCalendars, useSaveVoiceSettings, type VoiceSettings } from '../../api/voice';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AuthFields } from './AuthFields';
import { BlackoutDates } from './BlackoutDates';
import { CalendarFields } from './CalendarFields';
import {
  draftOf,
  fieldErrors,
  fieldId,
  fieldName,
  settingsOf,
  withoutErrorsOf,
  type SettingsDraft,
} from './draft';
import { RulesFields } from './RulesFields';
import { WorkingHours } from './WorkingHours';

export function SettingsForm(props: {
  ws: string;
  settings: VoiceSettings | null;
  /**
   * For a first setup, the browser's timezone; the country phones are read in when the settings
   * name none (the Location's), shown beside the empty box.
   */
  fallback: { timezone: string; country: string };
  /** Called with the secret just saved, for the assistant download to fill in. */
  onSaved: (secret: string) => void;
}) {
  const save = useSaveVoiceSettings(props.ws);
  const calendars = useHighLevelCalendars(props.ws);
  const [draft, setDraft] = useState(() => draftOf(props.settings, props.fallback));
  const [errors, setErrors] = useState(new Map<string, string>());
  const [generated, setGenerated] = useState<string>();
  const [savedAt, setSavedAt] = useState<Date>();
  const form = useRef<HTMLFormElement>(null);
  // After each refusal, once its messages are shown: focus on the first field to fix, in the
  // order the form shows them.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => withoutErrorsOf(current, patch));
    setSavedAt(undefined);
  };
  const parts = { draft, change, errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSavedAt(undefined);
    const body = settingsOf(draft);
    save.mutate(body, {
      onSuccess: (saved) => {
        // Left empty, the stored secret stayed: the page knows it only if it saved it before.
        if (body.auth.secret !== undefined) props.onSaved(body.auth.secret);
        setDraft(draftOf(saved, props.fallback));
        setErrors(new Map());
        setGenerated(undefined);
        setSavedAt(new Date());
      },
      onError: (error) => {
        const found =
          error instanceof ApiError ? fieldErrors(error.details) : new Map<string, string>();
        setErrors(found);
        setRefusals((count) => count + 1);
      },
    });
  };

  const fieldsRefused = save.error instanceof ApiError && fieldErrors(save.error.details).size > 0;
  const calendarMinutes = calendars.data?.calendars.find(
    (c) => c.id === draft.calendarId,
  )?.slotMinutes;
  return (
    <form ref={form} onSubmit={submit} className="voice-form" aria-labelledby="voice-settings">
      <CalendarFields ws={props.ws} phoneCountry={props.fallback.country} {...parts} />
      <RulesFields {...parts} calendarMinutes={calendarMinutes} />
      <WorkingHours {...parts} />
      <BlackoutDates {...parts} />
      <AuthFields
        {...parts}
        stored={props.settings?.auth}
        generated={generated}
        onGenerate={setGenerated}
      />
      {errors.size > 0 ? (
        <div role="alert" className="error">
          <p>Some settings need fixing:</p>
          <ul>
            {[...errors].map(([path, message]) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    const field = document.getElementById(fieldId(path));
                    if (!field) return;
                    event.preventDefault();
                    field.focus();
                  }}
                >
                  {fieldName(path)}
                </a>
                : {message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        // A refusal naming fields is told above, field by field, until they are edited.
        <ErrorMessage error={fieldsRefused ? null : save.error} />
      )}
      <div className="actions">
        <p role="status" className="hint">
          {savedAt
            ? `Saved at ${savedAt.toLocaleTimeString()}. The agent uses these settings from its next call.`
            : ''}
        </p>
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
