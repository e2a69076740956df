import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends(
  'GET /healthz',
  (server) => {
    it('answers 200 without a token', async () => {
      const res = await server().call('GET', '/healthz', { token: null });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });
  },
  { worker: false },
);
