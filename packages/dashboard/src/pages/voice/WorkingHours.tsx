/**
 * When appointments may take place, on top of the calendar's own hours: rows of days with an
 * opening and a closing time (24-hour clock; 24:00 closes at midnight, which a time picker
 * cannot say, hence text boxes).
 */
import { FieldError, inputProps, type DraftProps } from './Field';
import { fieldId, hoursRow, WEEKDAYS, type HoursDraft } from './draft';

const CLOCK_TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d|24:00';

export function WorkingHours({ draft, change, errors }: DraftProps) {
  const rows = draft.workingHours;
  const update = (key: number, patch: Partial<HoursDraft>) =>
    change({ workingHours: rows.map((row) => (row.key === key ? { ...row, ...patch } : row)) });
  return (
    <fieldset>
      <legend>Working hours</legend>
      <p className="hint">
        Only times inside these hours are offered, in the timezone above. One row per set of days
        with the same hours.
      </p>
      <FieldError path="rules.workingHours" error={errors.get('rules.workingHours')} />
      {rows.map((row, index) => {
        const at = `rules.workingHours.${index}`;
        const number = index + 1;
        const days = inputProps(`${at}.days`, errors.get(`${at}.days`), false);
        const time = (which: 'start' | 'end', label: string) => {
          const path = `${at}.${which}`;
          const input = inputProps(path, errors.get(path), false);
          return (
            <div className="field">
              <label htmlFor={input.id}>{label}</label>
              <input
                {...input}
                className="clock"
                required
                pattern={CLOCK_TIME}
                placeholder="HH:MM"
                title="A 24-hour time, like 09:00 or 17:30 (24:00 is midnight)"
                value={row[which]}
                onChange={(event) => update(row.key, { [which]: event.target.value })}
              />
              <FieldError path={path} error={errors.get(path)} />
            </div>
          );
        };
        return (
          <fieldset key={row.key} className="hours-row">
            <legend className="visually-hidden">Working hours {number}</legend>
            <div role="group" aria-label={`Days of hours ${number}`} className="days">
              {WEEKDAYS.map((day, dayIndex) => (
                <label key={day.value} className="day">
                  <input
                    type="checkbox"
                    {...(dayIndex === 0 ? days : {})}
                    aria-label={day.label}
                    checked={row.days.includes(day.value)}
                    onChange={(event) =>
                      update(row.key, {
                        days: event.target.checked
                          ? [...row.days, day.value]
                          : row.days.filter((d) => d !== day.value),
                      })
                    }
                  />
                  {day.short}
                </label>
              ))}
            </div>
            <FieldError path={`${at}.days`} error={errors.get(`${at}.days`)} />
            <div className="hours-times">
              {time('start', 'Opens')}
              {time('end', 'Closes')}
              <button
                type="button"
                disabled={rows.length === 1}
                onClick={() => change({ workingHours: rows.filter((r) => r.key !== row.key) })}
              >
                Remove<span className="visually-hidden"> hours {number}</span>
              </button>
            </div>
            <FieldError path={at} error={errors.get(at)} />
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => {
          change({ workingHours: [...rows, hoursRow({ days: [] })] });
          // The new row's first day, for a keyboard to carry on from where it added it.
          const next = `${fieldId(`rules.workingHours.${rows.length}.days`)}`;
          requestAnimationFrame(() => document.getElementById(next)?.focus());
        }}
      >
        Add hours
      </button>
    </fieldset>
  );
}
