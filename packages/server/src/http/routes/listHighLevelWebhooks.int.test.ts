import { expect, it } from 'vitest';
import { connect } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import {
  deliver,
  listWebhooks,
  settledWebhook,
  signingKeys,
  webhookEvent,
} from '../../../test/highlevelWebhooks.js';

const keys = signingKeys();

describeOnBackends(
  'GET /v1/workspaces/:ws/highlevel-webhooks',
  (server) => {
    it('pages through the workspace’s webhooks newest first, and only its own', async () => {
      const { id, apiKey } = await server().createWorkspace();
      const { locationId, token } = server().location();
      await connect(server(), id, locationId, token);
      const ids: string[] = [];
      for (const contact of ['c_1', 'c_2', 'c_3']) {
        const event = webhookEvent({ type: 'ContactUpdate', locationId, id: contact });
        expect((await deliver(server(), event, keys)).status).toBe(200);
        await settledWebhook(server(), event.webhookId as string);
        ids.push(event.webhookId as string);
      }
      const other = await server().createWorkspace('Other Spa');
      expect((await listWebhooks(server(), other.id)).webhooks).toEqual([]);

      const first = await listWebhooks(server(), id, '?limit=2');
      expect(first.webhooks.map((w) => w.webhookId)).toEqual([ids[2], ids[1]]);
      const second = await listWebhooks(
        server(),
        id,
        `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
      );
      expect(second.webhooks.map((w) => w.webhookId)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();

      const foreign = await server().call(
        'GET',
        `/v1/workspaces/${other.id}/highlevel-webhooks?cursor=${encodeURIComponent(first.nextCursor!)}`,
      );
      expect(foreign.status).toBe(422);
      expect(foreign.body.error?.code).toBe('invalid_cursor');

      const byKey = await server().call('GET', `/v1/workspaces/${id}/highlevel-webhooks`, {
        token: apiKey,
      });
      expect(byKey.status).toBe(200);
      const forbidden = await server().call('GET', `/v1/workspaces/${id}/highlevel-webhooks`, {
        token: other.apiKey,
      });
      expect(forbidden.status).toBe(403);
    });
  },
  { env: { GHL_WEBHOOK_PUBLIC_KEYS: keys.publicPem } },
);
