import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends(
  'GET /readyz',
  (server) => {
    it('is ready when the database answers and the queue runs', async () => {
      const res = await server().call('GET', '/readyz', { token: null });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ready',
        checks: { database: 'ok', queue: 'ok', credentials: 'ok' },
      });
    });

    it('says 503 and which part is missing once stopping', async () => {
      await server().runtime.stop();
      const res = await server().call('GET', '/readyz', { token: null });
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: 'not_ready',
        checks: { database: 'failing', queue: 'starting', credentials: 'unknown' },
      });
    });
  },
  { worker: false },
);
