/**
 * A new MCP client: the form, then its token, shown this once with a copy button. What the
 * server refuses is shown beside each field (and each tool) and listed above the buttons, each
 * entry moving focus to its field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useCreateMcpClient, useMcpTools, type CreatedMcpClient } from '../../api/mcp';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, fieldId } from '../voice/draft';
import {
  clientBody,
  EMPTY_DRAFT,
  NO_PROBLEMS,
  problemsOf,
  toolPath,
  withoutProblemsOf,
  type ClientDraft,
  type Problems,
} from './clientForm';
import { ClientFields } from './ClientFields';

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  access: 'Access',
  allowDestructive: 'Allow destructive tools',
  tools: 'Tools',
};

export function CreateClientDialog(props: { ws: string; open: boolean; onClose: () => void }) {
  const create = useCreateMcpClient(props.ws);
  const tools = useMcpTools(props.ws);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const form = useRef<HTMLFormElement>(null);
  // After each refusal, once its messages are shown: focus on the first field to fix.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const close = () => {
    // The token leaves memory with the dialog: it is never shown again.
    create.reset();
    setDraft(EMPTY_DRAFT);
    setProblems(NO_PROBLEMS);
    props.onClose();
  };
  const change = (patch: Partial<ClientDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblems((current) => withoutProblemsOf(current, patch));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = clientBody(draft);
    create.mutate(body, {
      onSuccess: () => setProblems(NO_PROBLEMS),
      onError: (error) => {
        setProblems(
          error instanceof ApiError ? problemsOf(error.details, body.tools ?? []) : NO_PROBLEMS,
        );
        setRefusals((count) => count + 1);
      },
    });
  };
  const listed = problemList(problems);
  return (
    <Dialog title="New MCP client" open={props.open} onClose={close}>
      {create.data ? (
        <TokenOnce client={create.data} onDone={close} />
      ) : (
        <form ref={form} onSubmit={submit} className="mcp-form">
          <ClientFields
            draft={draft}
            change={change}
            problems={problems}
            tools={tools.data?.tools}
          />
          <ErrorMessage error={tools.error} />
          {listed.length > 0 ? (
            <div role="alert" className="error">
              <p>The server refused the client:</p>
              <ul>
                {listed.map(({ path, name, message }) => (
                  <li key={path}>
                    <a
                      href={`#${fieldId(path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(fieldId(path))?.focus();
                      }}
                    >
                      {name}
                    </a>
                    : {message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            // A refusal naming fields is told above, field by field, until they are edited.
            <ErrorMessage error={fieldsRefused(create.error) ? null : create.error} />
          )}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create client'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

const fieldsRefused = (error: unknown) =>
  error instanceof ApiError && fieldErrors(error.details).size > 0;

/** Every problem, fields first, with where its input is and its name in the form's words. */
function problemList(problems: Problems) {
  return [
    ...[...problems.fields].map(([path, message]) => ({
      path,
      name: FIELD_NAMES[path] ?? path,
      message,
    })),
    ...[...problems.tools].map(([tool, message]) => ({
      path: toolPath(tool),
      name: tool,
      message,
    })),
  ];
}

function TokenOnce({ client, onDone }: { client: CreatedMcpClient; onDone: () => void }) {
  const endpoint = `${window.location.origin}${client.endpoint}`;
  return (
    <div className="mcp-token">
      <p>
        <strong>{client.name}</strong> can connect now. Copy its token into the agent:{' '}
        <strong>you won&apos;t see it again</strong>. ghl-bridge keeps only a hash of it; if it is
        lost, create another client and revoke this one.
      </p>
      <div className="new-secret">
        <div className="secret">
          <code data-testid="new-mcp-token">{client.token}</code>
          <CopyButton text={client.token} label="Copy token" />
        </div>
      </div>
      <p className="hint">
        The agent connects to <code>{endpoint}</code> (MCP over Streamable HTTP) and sends the token
        as <code>Authorization: Bearer ghlm_…</code>.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
