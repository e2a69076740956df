import { ApiError } from '../api/client';

/** A failed call in the server's own words (they say what to do), announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.message
      : 'The server could not be reached. Check that ghl-bridge is running, then try again.';
  const scopes =
    error instanceof ApiError && error.code === 'missing_scopes'
      ? ((error.details as { missingScopes?: string[] } | undefined)?.missingScopes ?? [])
      : [];
  return (
    <div role="alert" className="error">
      <p>{message}</p>
      {scopes.length > 0 ? (
        <ul aria-label="Missing scopes">
          {scopes.map((scope) => (
            <li key={scope}>
              <code>{scope}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
