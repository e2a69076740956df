/**
 * The booking rules ghl-bridge applies on top of HighLevel's free slots, and how many slots to
 * offer at once; the limits are the server's (voice/core/settings.ts), here so a browser can say
 * so before sending.
 */
import { Field, type DraftProps } from './Field';

type NumberKey =
  | 'minLeadMinutes'
  | 'maxDaysAhead'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'slotMinutes'
  | 'slotsToOffer';

interface NumberField {
  key: NumberKey;
  path: string;
  label: string;
  min: number;
  max: number;
  hint: string;
}

const FIELDS: NumberField[] = [
  {
    key: 'minLeadMinutes',
    path: 'rules.minLeadMinutes',
    label: 'Minimum notice (minutes)',
    min: 0,
    max: 30 * 24 * 60,
    hint: 'How soon a slot may start: calls are live, and the business needs time to see a booking.',
  },
  {
    key: 'maxDaysAhead',
    path: 'rules.maxDaysAhead',
    label: 'Days ahead',
    min: 0,
    max: 365,
    hint: 'Whole days after today that may be offered; 0 offers today only.',
  },
  {
    key: 'bufferBeforeMinutes',
    path: 'rules.bufferBeforeMinutes',
    label: 'Free time before (minutes)',
    min: 0,
    max: 24 * 60,
    hint: 'Required before an appointment, after the one ahead of it.',
  },
  {
    key: 'bufferAfterMinutes',
    path: 'rules.bufferAfterMinutes',
    label: 'Free time after (minutes)',
    min: 0,
    max: 24 * 60,
    hint: 'Required after an appointment, before the next one.',
  },
  {
    key: 'slotMinutes',
    path: 'rules.slotMinutes',
    label: 'Appointment length (minutes)',
    min: 5,
    max: 24 * 60,
    hint: "Empty: the calendar's own length.",
  },
  {
    key: 'slotsToOffer',
    path: 'slotsToOffer',
    label: 'Times offered at once',
    min: 1,
    max: 10,
    hint: 'How many times the agent offers in one answer.',
  },
];

export function RulesFields({
  draft,
  change,
  errors,
  calendarMinutes,
}: DraftProps & { calendarMinutes: number | null | undefined }) {
  const hintOf = (field: NumberField) =>
    field.key === 'slotMinutes' && calendarMinutes
      ? `Empty: the calendar's own length (${calendarMinutes} min).`
      : field.hint;
  return (
    <fieldset>
      <legend>Booking rules</legend>
      <div className="voice-grid">
        {FIELDS.map((field) => (
          <Field
            key={field.key}
            path={field.path}
            label={field.label}
            hint={hintOf(field)}
            errors={errors}
          >
            {(input) => (
              <input
                {...input}
                type="number"
                inputMode="numeric"
                step={1}
                min={field.min}
                max={field.max}
                required={field.key !== 'slotMinutes'}
                value={draft[field.key]}
                onChange={(event) => change({ [field.key]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
