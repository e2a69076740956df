/**
 * Where the agent books: the HighLevel calendar (one of the Location's own), the timezone and the
 * country of phone numbers said without +country.
 */
import { useHighLevelCalendars, type HighLevelCalendar } from '../../api/voice';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field, type DraftProps } from './Field';

/** Every IANA timezone the browser knows, for the timezone box to suggest. */
const TIMEZONES = Intl.supportedValuesOf('timeZone');

function calendarLabel(calendar: HighLevelCalendar) {
  const length = calendar.slotMinutes ? `, ${calendar.slotMinutes} min` : '';
  return `${calendar.name}${length}${calendar.isActive ? '' : ' (draft: no slots until activated)'}`;
}

export function CalendarFields({
  ws,
  phoneCountry,
  draft,
  change,
  errors,
}: DraftProps & { ws: string; phoneCountry: string }) {
  const calendars = useHighLevelCalendars(ws);
  const list = calendars.data?.calendars ?? [];
  const missing =
    draft.calendarId !== '' && calendars.isSuccess && !list.some((c) => c.id === draft.calendarId);
  return (
    <fieldset>
      <legend>Calendar</legend>
      <Field
        path="calendarId"
        label="HighLevel calendar"
        errors={errors}
        hint="The agent offers this calendar's free slots, narrowed by the rules below, and books on it."
      >
        {(input) => (
          <select
            {...input}
            required
            value={draft.calendarId}
            onChange={(event) => change({ calendarId: event.target.value })}
          >
            <option value="">
              {calendars.isPending ? 'Loading calendars…' : 'Choose a calendar'}
            </option>
            {missing ? (
              <option value={draft.calendarId}>
                {draft.calendarId} (no longer in this Location)
              </option>
            ) : null}
            {list.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendarLabel(calendar)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={calendars.error} />
      {calendars.isSuccess && list.length === 0 ? (
        <p className="empty">
          This Location has no calendars yet. Create one in HighLevel (Calendars → Calendar Settings
          → New calendar), then reload the list.
        </p>
      ) : null}
      {missing ? (
        <p className="error-text">
          The saved calendar is not in this Location any more: choose another before saving.
        </p>
      ) : null}
      {calendars.isError || (calendars.isSuccess && (list.length === 0 || missing)) ? (
        <button
          type="button"
          disabled={calendars.isFetching}
          onClick={() => void calendars.refetch()}
        >
          {calendars.isFetching ? 'Reloading calendars…' : 'Reload calendars'}
        </button>
      ) : null}
      <div className="voice-grid">
        <Field
          path="timezone"
          label="Timezone"
          errors={errors}
          hint="The business's IANA timezone; working hours and blackout dates are read in it."
        >
          {(input) => (
            <>
              <input
                {...input}
                list="voice-timezones"
                required
                autoComplete="off"
                spellCheck={false}
                value={draft.timezone}
                onChange={(event) => change({ timezone: event.target.value })}
              />
              <datalist id="voice-timezones">
                {TIMEZONES.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          path="defaultCountry"
          label="Default country"
          errors={errors}
          hint={`Two letters, like US or GB: phone numbers said without a +country code are read in it. Empty: the workspace's country for phones, as for bookings (now ${phoneCountry}).`}
        >
          {(input) => (
            <input
              {...input}
              placeholder={phoneCountry}
              maxLength={2}
              pattern="[A-Za-z]{2}"
              autoComplete="country"
              value={draft.defaultCountry}
              onChange={(event) => change({ defaultCountry: event.target.value.toUpperCase() })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
