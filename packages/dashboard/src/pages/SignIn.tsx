/** Sign in with the admin token or a workspace API key; the server answers with a session cookie. */
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/session';
import { ErrorMessage } from '../components/ErrorMessage';

export function SignIn() {
  const [token, setToken] = useState('');
  const signIn = useSignIn();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(token.trim());
  };
  return (
    <main className="narrow">
      <h1>Sign in to ghl-bridge</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">Admin token or workspace API key</label>
        <input
          id="token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <p className="hint">
          The admin token is <code>GHL_BRIDGE_ADMIN_TOKEN</code>, or the one{' '}
          <code>ghl-bridge start</code> saved in <code>.ghl-bridge/admin-token</code>. A workspace
          API key opens that workspace only.
        </p>
        <ErrorMessage error={signIn.error} />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
