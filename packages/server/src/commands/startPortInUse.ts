/**
 * `ghl-bridge start` on a port something else listens on: Node says only `listen EADDRINUSE:
 * address already in use 127.0.0.1:3000`; this says which address, and how to choose another.
 * Like a locked data directory, it is a problem of the user's setup: the CLI prints it and exits 2.
 * (The demo's emulator listens on a port the system picks, free by construction: only the
 * API's port can be taken.)
 */

/** The port `start` was asked to listen on is in use; the message says what to do. */
export class PortInUseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PortInUseError';
  }
}

/**
 * What a failed listen on `host:port` becomes: a `PortInUseError` in words when the port is in
 * use, else the error as it was.
 *
 * @example
 * await serveHttp(app, config).catch((error) => { throw listenFailure(error, config); });
 */
export function listenFailure(
  error: unknown,
  { host, port }: { host: string; port: number },
): unknown {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== 'EADDRINUSE') return error;
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const other = port < 65535 ? port + 1 : port - 1;
  return new PortInUseError(
    `Cannot listen on ${address}: another process (another ghl-bridge?) is already listening there. ` +
      `Stop it, or choose another port with --port N or the PORT variable, e.g. --port ${other} (or PORT=${other} npm start).`,
    { cause: error },
  );
}
