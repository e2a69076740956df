/**
 * Every trigger of the catalogue against the emulator, through the bridge: subscribed with its
 * row's parameters (the first poll records what is there), then what the row's `change` does in
 * HighLevel is delivered to the app once, the next poll delivers nothing, and after a restart
 * nothing is delivered again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { triggerRows } from '../../test/catalogueRows/index.js';
import { catalogueWorld, type World } from '../../test/catalogueRows/world.js';
import { describeOnBackends } from '../../test/harness.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhookReceiver.js';
import { CATALOGUE } from '../catalogue/core/catalogue.js';
import { whyNotRunnable } from '../catalogue/core/runnable.js';

interface Poll {
  delivered: number;
  error: string | null;
}

describeOnBackends(
  'every trigger against the emulator',
  (server) => {
    let w: World;
    let receiver: WebhookReceiver;
    const subscribed = new Map<string, string>();
    beforeAll(async () => {
      w = await catalogueWorld(server());
      receiver = await startWebhookReceiver();
    });
    afterAll(() => receiver.close());

    const triggers = () => `/v1/workspaces/${w.ws.id}/triggers`;
    const poll = async (id: string): Promise<Poll> => {
      const res = await server().call('POST', `${triggers()}/${id}/poll`);
      expect(res.status, res.text).toBe(200);
      return (res.body as { poll: Poll }).poll;
    };

    it('has a row for every trigger a workspace can use, and for nothing else', () => {
      const usable = CATALOGUE.filter((e) => e.kind === 'trigger' && !whyNotRunnable(e));
      expect(Object.keys(triggerRows).sort()).toEqual(usable.map((e) => e.name).sort());
    });

    it.each(Object.entries(triggerRows))('%s delivers what changed, once', async (name, row) => {
      const input = await row.input(w);
      const res = await server().call('POST', triggers(), {
        json: { trigger: name, input, url: `${receiver.url}/${name}` },
      });
      expect(res.status, res.text).toBe(201);
      const { id, lastPoll } = res.body as { id: string; lastPoll: Poll };
      expect(lastPoll).toMatchObject({ delivered: 0, error: null });
      subscribed.set(name, id);

      await row.change(w, input);
      const first = await poll(id);
      expect(first.error).toBeNull();
      expect(first.delivered).toBeGreaterThan(0);
      expect(await poll(id)).toMatchObject({ delivered: 0, error: null });
    });

    it('delivers nothing again after a restart', async () => {
      // Later rows change what earlier triggers watch (another association with the same keys):
      // that is news, delivered before the restart.
      for (const id of subscribed.values()) expect((await poll(id)).error).toBeNull();
      await server().restart({});
      for (const [name, id] of subscribed) {
        expect([name, await poll(id)]).toMatchObject([name, { delivered: 0, error: null }]);
      }
    });
  },
  {
    worker: false,
    env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' },
    emulatorLimits: { burst: 1_000_000, intervalMs: 10_000 },
    rateLimitWindows: [{ limit: 1_000_000, intervalMs: 10_000 }],
  },
);
