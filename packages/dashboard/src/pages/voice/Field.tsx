/**
 * One setting: its label, its input, a hint, and the server's complaint about it, tied together
 * so a screen reader reads the hint and the complaint with the input.
 */
import type { ReactNode } from 'react';
import type { SettingsDraft } from './draft';
import { fieldId } from './draft';

/** What every part of the settings form is given. */
export interface DraftProps {
  draft: SettingsDraft;
  change: (patch: Partial<SettingsDraft>) => void;
  /** The server's field problems by path (draft.ts `fieldErrors`). */
  errors: Map<string, string>;
}

/** The attributes an input needs to be found by its label, hint and error. */
export interface InputProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** The attributes for the input of the server field `path`. */
export function inputProps(path: string, error: string | undefined, hint: boolean): InputProps {
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
}

/** The server's words about one field, shown next to it. */
export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${fieldId(path)}-error`} className="field-error">
      {error}
    </p>
  );
}

export function Field(props: {
  /** The server's name for the field: `rules.bufferAfterMinutes`. */
  path: string;
  label: string;
  hint?: ReactNode;
  errors: Map<string, string>;
  children: (input: InputProps) => ReactNode;
}) {
  const error = props.errors.get(props.path);
  const input = inputProps(props.path, error, props.hint !== undefined);
  return (
    <div className="field">
      <label htmlFor={input.id}>{props.label}</label>
      {props.children(input)}
      {props.hint !== undefined ? (
        <p id={`${input.id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError path={props.path} error={error} />
    </div>
  );
}
