/** Replacing a workspace's API key (admin): what stops first, then the new key shown once. */
import { useReplaceApiKey } from '../api/workspaces';
import { ApiKeyOnce } from '../components/ApiKeyOnce';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';

export function ReplaceKeyDialog(props: {
  workspace?: { id: string; name: string };
  onClose: () => void;
}) {
  const replace = useReplaceApiKey();
  const close = () => {
    replace.reset();
    props.onClose();
  };
  if (replace.data) {
    return (
      <Dialog title="New API key" open onClose={close}>
        <ApiKeyOnce apiKey={replace.data.apiKey} onDone={close}>
          The new API key of <strong>{props.workspace?.name}</strong>.
        </ApiKeyOnce>
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title="Replace API key"
      open={props.workspace !== undefined}
      confirm="Replace API key"
      pending={replace.isPending}
      error={replace.error}
      onConfirm={() => props.workspace && replace.mutate(props.workspace.id)}
      onClose={close}
    >
      <p>
        Give <strong>{props.workspace?.name}</strong> a new API key? The current key stops working
        now: the booking app must be given the new one, and everyone signed in with the old key is
        signed out.
      </p>
    </ConfirmDialog>
  );
}
