/** The dashboard's frame: who is signed in, the navigation, and the page for the address. */
import { Link, Redirect, Route, Switch } from 'wouter';
import { useSession, useSignOut } from './api/session';
import { ErrorMessage } from './components/ErrorMessage';
import { Integrations } from './pages/Integrations';
import { SignIn } from './pages/SignIn';
import { Workspaces } from './pages/Workspaces';

export function App() {
  const session = useSession();
  const signOut = useSignOut();
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
        </div>
      </header>
      <Switch>
        <Route path="/workspaces/:ws">{(params) => <Integrations ws={params.ws} />}</Route>
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
