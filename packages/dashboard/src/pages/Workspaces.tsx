/** The admin's workspaces: list, create (the API key shown once), delete with confirmation. */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useCreateWorkspace, useDeleteWorkspace, useWorkspaces } from '../api/workspaces';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ApiKeyOnce } from '../components/ApiKeyOnce';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { ReplaceKeyDialog } from './ReplaceKeyDialog';

export function Workspaces() {
  const workspaces = useWorkspaces();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string }>();
  const [replacing, setReplacing] = useState<{ id: string; name: string }>();
  return (
    <main>
      <div className="title-row">
        <h1>Workspaces</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New workspace
        </button>
      </div>
      {workspaces.isPending ? <p aria-busy="true">Loading workspaces…</p> : null}
      <ErrorMessage error={workspaces.error} />
      {workspaces.data?.workspaces.length === 0 ? (
        <p className="empty">
          No workspaces yet. Create one for each customer of your booking app; each connects to one
          HighLevel sub-account.
        </p>
      ) : null}
      {workspaces.data && workspaces.data.workspaces.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">ID</th>
              <th scope="col" className="hide-on-phone">
                Created
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {workspaces.data.workspaces.map((workspace) => (
              <tr key={workspace.id}>
                <td>
                  <Link href={`/workspaces/${workspace.id}`}>{workspace.name}</Link>
                </td>
                <td>
                  <code>{workspace.id}</code>
                </td>
                <td className="hide-on-phone">{new Date(workspace.createdAt).toLocaleString()}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    onClick={() => setReplacing({ id: workspace.id, name: workspace.name })}
                  >
                    New API key<span className="visually-hidden"> for {workspace.name}</span>
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setDeleting({ id: workspace.id, name: workspace.name })}
                  >
                    Delete<span className="visually-hidden"> {workspace.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CreateWorkspace open={creating} onClose={() => setCreating(false)} />
      <ReplaceKeyDialog workspace={replacing} onClose={() => setReplacing(undefined)} />
      <DeleteWorkspace workspace={deleting} onClose={() => setDeleting(undefined)} />
    </main>
  );
}

function CreateWorkspace(props: { open: boolean; onClose: () => void }) {
  const create = useCreateWorkspace();
  const [name, setName] = useState('');
  const close = () => {
    create.reset();
    setName('');
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name);
  };
  return (
    <Dialog title="New workspace" open={props.open} onClose={close}>
      {create.data ? (
        <div>
          <ApiKeyOnce apiKey={create.data.apiKey} onDone={close}>
            Workspace <strong>{create.data.name}</strong> is ready. Give its API key to the booking
            app.
          </ApiKeyOnce>
        </div>
      ) : (
        <form onSubmit={submit}>
          <label htmlFor="workspace-name">Name</label>
          <input
            id="workspace-name"
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <ErrorMessage error={create.error} />
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={create.isPending}>
              Create
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function DeleteWorkspace(props: { workspace?: { id: string; name: string }; onClose: () => void }) {
  const remove = useDeleteWorkspace();
  const close = () => {
    remove.reset();
    props.onClose();
  };
  return (
    <ConfirmDialog
      title="Delete workspace"
      open={props.workspace !== undefined}
      confirm="Delete workspace"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => props.workspace && remove.mutate(props.workspace.id, { onSuccess: close })}
      onClose={close}
    >
      <p>
        Delete <strong>{props.workspace?.name}</strong>? Its API key stops working, its HighLevel
        connection and stored key are erased, and its bookings stop syncing. HighLevel keeps the
        contacts already written.
      </p>
    </ConfirmDialog>
  );
}
