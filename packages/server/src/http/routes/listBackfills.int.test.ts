import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingEvent } from '../../../test/bookings.js';
import { backends, type TestDatabase } from '../../../test/backends.js';
import { backfillWorld, ndjson } from '../../../test/backfillWorld.js';
import { ADMIN_TOKEN } from '../../../test/harness.js';
import { backfillCommand } from '../../commands/backfill.js';
import type { Config } from '../../config.js';
import { createRuntime, type Runtime } from '../../runtime.js';

interface Run {
  id: string;
  total: number;
  counts: Record<string, number>;
  startedAt: string;
  updatedAt: string;
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`GET /v1/workspaces/:ws/backfills [${name}]`, () => {
    let testDb: TestDatabase | undefined;
    const stops: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const stop of stops.splice(0).reverse()) await stop();
      await testDb?.drop();
    });

    const emulator = createEmulator();
    const fetch = emulatorFetch(emulator);

    /** A workspace connected to a fresh emulated Location, in a fresh database. */
    async function setUp() {
      const world = await backfillWorld(name, emulator);
      testDb = world.testDb;
      return {
        config: world.config,
        workspaceId: world.workspaceId,
        locationId: world.locationId!,
      };
    }

    /** `ghl-bridge backfill` of `events`; returns its exit code and the run id it printed. */
    async function backfill(config: Config, workspaceId: string, events: unknown[]) {
      const out: string[] = [];
      const code = await backfillCommand({
        config,
        workspaceId,
        file: ndjson(events),
        dryRun: false,
        out: (line) => out.push(line),
        fetch,
        pollMs: 20,
      });
      return { code, run: /Backfill (bf_\w+)/.exec(out.join('\n'))?.[1] };
    }

    async function call(runtime: Runtime, path: string) {
      const res = await runtime.app!.request(path, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    it('shows each run with its jobs done, failed and to go, newest first', async () => {
      const { config, workspaceId, locationId } = await setUp();
      if (name === 'postgres') {
        // On PostgreSQL the workers of `ghl-bridge worker` sync; here, one in this process.
        const worker = await createRuntime({ config, http: false, worker: true, fetch });
        stops.push(() => worker.stop());
      }
      const first = await backfill(config, workspaceId, [
        bookingEvent({ id: 'a' }),
        bookingEvent({ id: 'b', email: 'grace@example.com' }),
        bookingEvent({ id: 'a', version: 2, status: 'cancelled' }),
      ]);
      expect(first.code).toBe(0);
      // Fault injection: HighLevel refuses every contact write of the Location.
      emulator.control.setFaults([{ match: { locationId, path: '^/contacts' }, status: 422 }]);
      const second = await backfill(config, workspaceId, [
        bookingEvent({ id: 'c', email: 'linus@example.com' }),
      ]);
      emulator.control.setFaults([]);
      expect(second.code).toBe(1);
      for (const stop of stops.splice(0)) await stop();

      // The server, without workers: a booking posted now stays queued, and is no backfill's.
      const server = await createRuntime({ config, worker: false, fetch });
      stops.push(() => server.stop());
      const posted = await server.app!.request(`/v1/workspaces/${workspaceId}/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(bookingEvent({ id: 'd' })),
      });
      expect(posted.status).toBe(202);

      const { status, body } = await call(server, `/v1/workspaces/${workspaceId}/backfills`);
      expect(status).toBe(200);
      const runs = body.backfills as Run[];
      expect(runs.map(({ id, total, counts }) => ({ id, total, counts }))).toEqual([
        {
          id: second.run,
          total: 1,
          counts: {
            queued: 0,
            running: 0,
            retrying: 0,
            waiting_for_connection: 0,
            paused: 0,
            done: 0,
            failed: 1,
          },
        },
        {
          id: first.run,
          total: 3,
          counts: {
            queued: 0,
            running: 0,
            retrying: 0,
            waiting_for_connection: 0,
            paused: 0,
            done: 3,
            failed: 0,
          },
        },
      ]);
      expect(Date.parse(runs[1]!.startedAt)).toBeLessThanOrEqual(Date.parse(runs[1]!.updatedAt));

      const latest = await call(server, `/v1/workspaces/${workspaceId}/backfills?limit=1`);
      expect((latest.body.backfills as Run[]).map((run) => run.id)).toEqual([second.run]);
      const timeline = await call(server, `/v1/workspaces/${workspaceId}/bookings/a/timeline`);
      expect(timeline.body.jobs).toMatchObject([
        { backfillRun: first.run },
        { backfillRun: first.run },
      ]);
      const api = await call(server, `/v1/workspaces/${workspaceId}/bookings/d/timeline`);
      expect(api.body.jobs).toMatchObject([{ backfillRun: null, status: 'queued' }]);
    });

    it('lists none for a workspace no backfill ran on, and refuses a limit past 50', async () => {
      const { config, workspaceId } = await setUp();
      const server = await createRuntime({ config, worker: false, fetch });
      stops.push(() => server.stop());
      const none = await call(server, `/v1/workspaces/${workspaceId}/backfills`);
      expect(none).toEqual({ status: 200, body: { backfills: [] } });
      const tooMany = await call(server, `/v1/workspaces/${workspaceId}/backfills?limit=51`);
      expect(tooMany.status).toBe(422);
    });
  });
}
