/**
 * A `pg` client that sends each statement with parameters as a named prepared statement, so
 * PostgreSQL parses and plans it once per connection rather than on every run. Planning was most
 * of the database's CPU for the booking sync's larger statements (bench/scale.bench.ts: the sync
 * job's read planned in ~0.5 ms and ran in ~0.1 ms), and every HighLevel call costs a few.
 *
 * Bounded and safe to deploy under: at most `MAX_PREPARED` statements per connection (statements
 * whose text varies, such as long `IN` lists, go unnamed past that), and a statement whose cached
 * plan a migration made stale ("cached plan must not change result type", when a table behind a
 * `select *` gains a column while this process runs) is sent unnamed from then on; PostgreSQL
 * refuses it before running it, so sending it again is safe. PostgreSQL itself replans a prepared
 * statement whose tables changed, and keeps planning it per run while a plan for its values
 * beats a general one. A connection pooler in front must be in session mode (docs/deploy.md), as
 * prepared statements belong to a server session.
 */
import pg from 'pg';

/** Statements prepared per connection at most; each holds a plan in its server process. */
export const MAX_PREPARED = 100;

type Callback = (error: Error | null, result?: pg.QueryResult) => void;
type Query = (text: unknown, values?: unknown, callback?: Callback) => unknown;

/**
 * @example const pool = new pg.Pool({ connectionString, Client: PreparingClient });
 */
export class PreparingClient extends pg.Client {
  /** Statement text -> its name on this connection. */
  readonly #names = new Map<string, string>();
  /** Statements never to prepare again on this connection (refused once, see `again`). */
  readonly #unnamed = new Set<string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection lost while the pool has lent this client out (the database restarting under
    // load) fails the statement in flight, which its caller hears; pg also emits 'error' on the
    // client, and the pool listens only while the client is idle, so without this listener the
    // whole process would die. The pool drops the broken client when it comes back.
    this.on('error', () => undefined);
    const plain = this.query.bind(this) as Query;
    const prepared: Query = (text, values, callback) => {
      const name = typeof text === 'string' && preparable(values) ? this.#nameFor(text) : undefined;
      if (name === undefined) return plain(text, values, callback);
      const again = () => {
        this.#unnamed.add(text as string);
        return plain(text, values, callback);
      };
      // `pg.Pool#query` (pg-boss's way) passes a callback; Kysely awaits the promise.
      if (callback) {
        return plain({ name, text, values }, undefined, (error, result) =>
          error && refusedBeforeRunning(error) ? again() : callback(error, result),
        );
      }
      return (plain({ name, text, values }) as Promise<pg.QueryResult>).catch((error: unknown) => {
        if (!refusedBeforeRunning(error)) throw error;
        return again();
      });
    };
    this.query = prepared as typeof this.query;
  }

  #nameFor(text: string): string | undefined {
    if (this.#unnamed.has(text)) return undefined;
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < MAX_PREPARED) {
      name = `ghlb_${this.#names.size}`;
      this.#names.set(text, name);
    }
    return name;
  }
}

/**
 * Worth preparing: a statement with parameters. A query without (pg-boss writes its values into
 * the text) keeps being planned on every run: a plan fixed once, while its tables were small,
 * made pg-boss's job fetch ten times slower once the queue filled (bench/scale.bench.ts).
 */
function preparable(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0;
}

/**
 * PostgreSQL's refusal to run a prepared statement whose result columns changed under it (a
 * migration added a column to a table behind `select *`): it comes before the statement runs, so
 * sending it again unnamed is safe.
 */
function refusedBeforeRunning(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '0A000' &&
    typeof message === 'string' &&
    message.includes('cached plan must not change result type')
  );
}
