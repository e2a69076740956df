/** Local dates never offered (holidays, closures): a list to remove from and a date to add. */
import { useState, type KeyboardEvent } from 'react';
import { FieldError, inputProps, type DraftProps } from './Field';

/** A YYYY-MM-DD date in words, read as the calendar date it is (not an instant in some zone). */
const inWords = (date: string) =>
  new Date(`${date}T12:00:00`).toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });

export function BlackoutDates({ draft, change, errors }: DraftProps) {
  const [adding, setAdding] = useState('');
  const dates = draft.blackoutDates;
  const add = () => {
    if (adding === '') return;
    if (!dates.includes(adding)) change({ blackoutDates: [...dates, adding].sort() });
    setAdding('');
  };
  const input = inputProps('rules.blackoutDates', errors.get('rules.blackoutDates'), true);
  return (
    <fieldset>
      <legend>Blackout dates</legend>
      {dates.length === 0 ? (
        <p className="hint">
          No blackout dates: every day inside the working hours may be offered.
        </p>
      ) : (
        <ul className="dates" aria-label="Blackout dates">
          {dates.map((date, index) => {
            const path = `rules.blackoutDates.${index}`;
            return (
              <li key={date}>
                <time dateTime={date}>{inWords(date)}</time>
                <button
                  type="button"
                  onClick={() => change({ blackoutDates: dates.filter((d) => d !== date) })}
                >
                  Remove<span className="visually-hidden"> {inWords(date)}</span>
                </button>
                <FieldError path={path} error={errors.get(path)} />
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={input.id}>Add a date</label>
      <div className="inline">
        <input
          {...input}
          type="date"
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          onKeyDown={(event: KeyboardEvent) => {
            // Enter adds the date rather than saving the whole form.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" disabled={adding === ''} onClick={add}>
          Add date
        </button>
      </div>
      <p id={`${input.id}-hint`} className="hint">
        Days never offered, in the timezone above: holidays, closures.
      </p>
      <FieldError path="rules.blackoutDates" error={errors.get('rules.blackoutDates')} />
    </fieldset>
  );
}
