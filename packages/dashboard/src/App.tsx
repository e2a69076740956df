/** The dashboard's frame: who is signed in, the navigation, and the page for the address. */
import { useState } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { useSession, useSignOut } from './api/session';
import { ConfirmDialog } from './components/ConfirmDialog';
import { ErrorMessage } from './components/ErrorMessage';
import { SignIn } from './pages/SignIn';
import { WorkspaceLayout } from './pages/WorkspaceLayout';
import { Workspaces } from './pages/Workspaces';

export function App() {
  const session = useSession();
  const signOut = useSignOut();
  const [endingAll, setEndingAll] = useState(false);
  if (session.isPending) return <p aria-busy="true">Loading…</p>;
  if (session.error) return <ErrorMessage error={session.error} />;
  if (!session.data) return <SignIn />;
  const { principal } = session.data;
  const home = principal.kind === 'admin' ? '/' : `/workspaces/${principal.workspaceId}`;
  return (
    <>
      <header>
        <nav aria-label="Main">
          <Link href={home} className="brand">
            ghl-bridge
          </Link>
          {principal.kind === 'admin' ? <Link href="/">Workspaces</Link> : null}
        </nav>
        <div className="who">
          <span>
            {principal.kind === 'admin' ? 'Admin' : `Workspace ${principal.workspaceName}`}
          </span>
          <button type="button" onClick={() => signOut.mutate()}>
            Sign out
          </button>
          <button type="button" onClick={() => setEndingAll(true)}>
            Sign out everywhere
          </button>
        </div>
      </header>
      <SignOutEverywhere
        open={endingAll}
        admin={principal.kind === 'admin'}
        onClose={() => setEndingAll(false)}
      />
      <Switch>
        <Route path="/workspaces/:ws/*?">{(params) => <WorkspaceLayout ws={params.ws} />}</Route>
        <Route path="/">
          {principal.kind === 'admin' ? <Workspaces /> : <Redirect to={home} />}
        </Route>
        <Route>
          <main>
            <h1>Page not found</h1>
            <p>
              <Link href={home}>Back to the start</Link>
            </p>
          </main>
        </Route>
      </Switch>
    </>
  );
}

function SignOutEverywhere(props: { open: boolean; admin: boolean; onClose: () => void }) {
  const signOut = useSignOut({ everywhere: true });
  return (
    <ConfirmDialog
      title="Sign out everywhere"
      open={props.open}
      confirm="Sign out everywhere"
      pending={signOut.isPending}
      error={signOut.error}
      onConfirm={() => signOut.mutate()}
      onClose={() => {
        signOut.reset();
        props.onClose();
      }}
    >
      <p>
        {props.admin
          ? "Every dashboard session ends, the admin's and every workspace's, in every browser."
          : 'Every dashboard session of this workspace ends, in every browser.'}{' '}
        Everyone signs in again with the admin token or a workspace API key. Apps calling the API
        with a key are not affected: to stop a key, the admin gives its workspace a new one.
      </p>
    </ConfirmDialog>
  );
}
