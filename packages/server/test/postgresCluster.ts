/**
 * A PostgreSQL server of its own — initdb into a temporary directory, pg_ctl on a free port — for
 * tests that restart PostgreSQL (the shared server other test files run on must never go down
 * under them) and for benchmarks that count a run's statements and CPU. The binaries are
 * Debian's (`postgresql` package, as CI installs it); as root, which PostgreSQL refuses, the
 * cluster belongs to the `postgres` user, as in `.ci/run`. `fsync=off`: its data need not
 * survive the machine, and a benchmark measures CPU and statements, not a disk's flush latency.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reaper } from './chaos/reaper.js';

const run = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest `/usr/lib/postgresql/<version>/bin` holding initdb and pg_ctl; undefined if none. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = versions.at(-1);
  return newest === undefined ? undefined : join(DEBIAN_ROOT, newest, 'bin');
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** The URL of another database or user: `postgres://<user>@127.0.0.1:<port>/<database>`. */
  urlFor(database: string, user?: string): string;
  /** The server's major version. */
  version: string;
  /** The postmaster: its children are the backends (and background processes). */
  postmasterPid(): number;
  /**
   * Stops the server as a crash would (`-m immediate`: connections cut, no checkpoint, recovery
   * from the WAL at the next start), keeps it down `downMs`, then starts it again.
   */
  restart(downMs: number): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

/**
 * initdb and start a cluster on a free loopback port; `settings` are server settings (`-c`), e.g.
 * `{ shared_preload_libraries: 'pg_stat_statements' }`.
 *
 * @example
 * const cluster = await startPostgresCluster(postgresBinaries()!);
 * await cluster.restart(1_000);
 * await cluster.destroy();
 */
export async function startPostgresCluster(
  bin: string,
  settings: Record<string, string> = {},
): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'ghlb-chaos-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, ...(await postgresIds()));
  const argv = (command: string) =>
    asRoot ? ['su', 'postgres', '-s', '/bin/sh', '-c', command] : ['/bin/sh', '-c', command];
  const pg = (command: string) => {
    const [file, ...args] = argv(command);
    return run(file!, args);
  };
  const pgCtl = (args: string) => pg(`${bin}/pg_ctl -D ${dir} -w -l ${dir}/server.log ${args}`);
  // Left running by a test that died, the server would hold its port and files for good.
  const orphaned = reaper().onDeath(
    argv(`${bin}/pg_ctl -D ${dir} -m immediate stop; rm -rf ${dir}`),
  );
  try {
    await pg(`${bin}/initdb -D ${dir} -A trust -U postgres`);
    let port = 0;
    const flags = Object.entries({
      listen_addresses: '127.0.0.1',
      max_connections: '200',
      fsync: 'off',
      ...settings,
    })
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    const start = () => pgCtl(`-o '-p ${port} -k ${dir} ${flags}' start`);
    // A free port can be taken between the probe and the start: try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      urlFor: (database, user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${database}`,
      version: bin.split('/').at(-2)!,
      postmasterPid: () => Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]),
      async restart(downMs) {
        await pgCtl('-m immediate stop');
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await start();
      },
      async destroy() {
        await pgCtl('-m immediate stop').catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
        orphaned.cancel();
      },
    };
  } catch (error) {
    const log = join(dir, 'server.log');
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '(no server log)';
    await pgCtl('-m immediate stop').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    orphaned.cancel();
    throw new Error(`Could not start a PostgreSQL cluster with ${bin}:\n${text}`, {
      cause: error,
    });
  }
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: group } = await run('id', ['-g', 'postgres']);
  return [Number(stdout.trim()), Number(group.trim())];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
