/**
 * What a new MCP client may do: its name, its access, whether destructive tools are allowed
 * (read-write only), and every tool its access allows or an allowlist. Each field carries the
 * server's words about it.
 */
import type { McpTool } from '../../api/mcp';
import { fieldId } from '../voice/draft';
import { Field, FieldError, inputProps } from '../voice/Field';
import type { ClientDraft, Problems } from './clientForm';
import { ToolPicker } from './ToolPicker';
import { ACCESS } from './words';

export function ClientFields(props: {
  draft: ClientDraft;
  change: (patch: Partial<ClientDraft>) => void;
  problems: Problems;
  /** The tools to choose from; undefined while they load. */
  tools: McpTool[] | undefined;
}) {
  const { draft, change, problems } = props;
  const errors = problems.fields;
  const readWrite = draft.access === 'read-write';
  const destructive = inputProps('allowDestructive', errors.get('allowDestructive'), true);
  return (
    <>
      <Field
        path="name"
        label="Name"
        hint="Who the token is for, as the audit trail will name it: Claude Desktop (Ada), Front-desk assistant …"
        errors={errors}
      >
        {(input) => (
          <input
            {...input}
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </Field>
      <fieldset
        className="choices"
        aria-describedby={errors.has('access') ? `${fieldId('access')}-error` : undefined}
      >
        <legend>Access</legend>
        {(['read-only', 'read-write'] as const).map((access) => (
          <label key={access} className="choice">
            <input
              type="radio"
              name="mcp-access"
              id={access === 'read-only' ? fieldId('access') : undefined}
              checked={draft.access === access}
              onChange={() => change({ access })}
            />
            <span>
              {ACCESS[access].label}
              <span className="hint"> {ACCESS[access].hint}</span>
            </span>
          </label>
        ))}
        <FieldError path="access" error={errors.get('access')} />
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          {...destructive}
          disabled={!readWrite}
          checked={readWrite && draft.allowDestructive}
          onChange={(event) => change({ allowDestructive: event.target.checked })}
        />
        <span>Allow destructive tools</span>
      </label>
      <p id={`${destructive.id}-hint`} className="hint">
        {readWrite
          ? 'Tools that delete or remove (delete-contact, cancel_appointment …): they cannot be undone.'
          : 'Only a Read and write client can be allowed the tools that delete or remove.'}
      </p>
      <FieldError path="allowDestructive" error={errors.get('allowDestructive')} />
      <fieldset
        className="choices"
        aria-describedby={errors.has('tools') ? `${fieldId('tools')}-error` : undefined}
      >
        <legend>Tools</legend>
        {[false, true].map((choose) => (
          <label key={String(choose)} className="choice">
            <input
              type="radio"
              name="mcp-tools"
              id={choose ? fieldId('tools') : undefined}
              checked={draft.chooseTools === choose}
              onChange={() => change({ chooseTools: choose })}
            />
            <span>
              {choose ? 'Only the tools I choose (an allowlist)' : 'Every tool its access allows'}
            </span>
          </label>
        ))}
        <FieldError path="tools" error={errors.get('tools')} />
      </fieldset>
      {draft.chooseTools && !props.tools ? <p aria-busy="true">Loading the tools…</p> : null}
      {draft.chooseTools && props.tools ? (
        <ToolPicker
          tools={props.tools}
          chosen={draft.tools}
          onChange={(tools) => change({ tools })}
          problems={problems.tools}
        />
      ) : null}
    </>
  );
}
