/** A workspace API key shown the one time the server returns it, with a copy button and Done. */
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';

export function ApiKeyOnce(props: { apiKey: string; onDone: () => void; children: ReactNode }) {
  const { apiKey, children } = props;
  return (
    <>
      <p>{children} It is shown this once: the server keeps only a hash of it.</p>
      <p className="secret">
        <code data-testid="new-api-key">{apiKey}</code>
        <CopyButton text={apiKey} label="Copy API key" />
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onDone}>
          Done
        </button>
      </div>
    </>
  );
}
