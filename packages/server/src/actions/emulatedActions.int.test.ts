/**
 * Every action against the emulator: run through `POST …/actions/:name` with a good input, each
 * changes HighLevel as it should (read back through the emulator's control API). The one action
 * a workspace cannot run, `create-location`, needs an agency token and is refused before HighLevel
 * is called.
 */
import { beforeAll, expect, it } from 'vitest';
import { actionRows } from '../../test/catalogueRows/index.js';
import { catalogueWorld, type Input, type World } from '../../test/catalogueRows/world.js';
import { describeOnBackends } from '../../test/harness.js';
import { CATALOGUE } from '../catalogue/core/catalogue.js';

describeOnBackends(
  'every action against the emulator',
  (server) => {
    let w: World;
    beforeAll(async () => {
      w = await catalogueWorld(server());
    });
    const run = async (name: string, input: Input) => {
      const res = await server().call('POST', `/v1/workspaces/${w.ws.id}/actions/${name}`, {
        json: input,
      });
      return { status: res.status, text: res.text, body: JSON.parse(res.text) as ActionAnswer };
    };

    it('has a row for every action but the agency-only one', () => {
      const actions = CATALOGUE.filter((e) => e.kind === 'action').map((e) => e.name);
      expect([...Object.keys(actionRows), 'create-location'].sort()).toEqual(actions.sort());
    });

    it.each(Object.entries(actionRows))('%s changes HighLevel as it should', async (name, row) => {
      const input = await row.input(w);
      const res = await run(name, input);
      expect(res.status, res.text).toBe(200);
      expect(res.body.action).toBe(name);
      row.check(w.control.locationState(w.ws.locationId), input, res.body.result ?? {}, w);
    });

    it('answers a record HighLevel does not have with a 404 in words', async () => {
      const res = await run('delete-contact', { contactId: 'NoSuchContact0000001' });
      expect(res.status, res.text).toBe(404);
      expect(res.body.error?.code).toBe('highlevel_not_found');
      expect(res.body.error?.message).toMatch(/^HighLevel found nothing for delete-contact: /);
    });

    it('refuses create-location, which HighLevel takes only from an agency token', async () => {
      const res = await run('create-location', { name: 'Second salon', companyId: 'c1' });
      expect(res.status, res.text).toBe(422);
      expect(res.body.error?.code).toBe('agency_only');
      const sent = w.control
        .requests()
        .filter((r) => r.method === 'POST' && r.path === '/locations/');
      expect(sent).toEqual([]);
    });
  },
  {
    worker: false,
    // About a hundred calls go to one Location in a few seconds: HighLevel's limits and the
    // bridge's budget would only make the suite wait.
    emulatorLimits: { burst: 1_000_000, intervalMs: 10_000 },
    rateLimitWindows: [{ limit: 1_000_000, intervalMs: 10_000 }],
  },
);

interface ActionAnswer {
  action?: string;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}
