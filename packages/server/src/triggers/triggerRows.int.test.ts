/**
 * Every trigger's row against the emulator: what its `change` does in HighLevel shows in the
 * trigger's own HighLevel answer as news (a new item, or a changed one), read the way the trigger
 * reads it. The triggers' delivery tests rely on this.
 */
import { beforeAll, expect, it } from 'vitest';
import { triggerRows } from '../../test/catalogueRows/index.js';
import { catalogueWorld, type World } from '../../test/catalogueRows/world.js';
import { describeOnBackends } from '../../test/harness.js';
import { placeInput, withLocation } from '../actions/core/actionInput.js';
import { CATALOGUE } from '../catalogue/core/catalogue.js';
import { newsAmong, polledItems } from './core/polledItems.js';

describeOnBackends(
  'every trigger row against the emulator',
  (server) => {
    let w: World;
    beforeAll(async () => {
      w = await catalogueWorld(server());
    });

    it('names only triggers of the catalogue', () => {
      const triggers = new Set(CATALOGUE.filter((e) => e.kind === 'trigger').map((e) => e.name));
      expect(Object.keys(triggerRows).filter((name) => !triggers.has(name))).toEqual([]);
    });

    it.each(Object.entries(triggerRows))('%s sees the change as news', async (name, row) => {
      const entry = CATALOGUE.find((e) => e.name === name)!;
      const input = await row.input(w);
      const poll = async () => {
        const placed = placeInput(entry, withLocation(entry, input, w.ws.locationId));
        const { method, path } = entry.operations[0]!;
        const answer = await w.ws.hl.raw(method, path, placed);
        return polledItems(answer, entry.detect!);
      };
      const before = await poll();
      await row.change(w, input);
      const after = await poll();
      const news = newsAmong(after, new Map(before.map((i) => [i.key, i.marker])));
      expect(news.length, JSON.stringify({ before, after })).toBeGreaterThan(0);
    });
  },
  {
    worker: false,
    emulatorLimits: { burst: 1_000_000, intervalMs: 10_000 },
    rateLimitWindows: [{ limit: 1_000_000, intervalMs: 10_000 }],
  },
);
