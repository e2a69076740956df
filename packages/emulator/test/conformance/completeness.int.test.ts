/**
 * The conformance table covers exactly the operations the emulator implements: a route added
 * to `highLevelRoutes` without an entry fails here.
 */
import { describe, expect, it } from 'vitest';
import { highLevelRoutes } from '../../src/routes/index.js';
import { conformanceTable } from './table.js';

const implemented = highLevelRoutes.map((route) => `${route.method} ${route.path}`);

describe('the conformance table', () => {
  it('names each implemented operation once', () => {
    expect(new Set(implemented).size).toBe(implemented.length);
  });

  it('has an entry for every implemented operation, and none for others', () => {
    expect(Object.keys(conformanceTable).sort()).toEqual([...implemented].sort());
  });

  it('gives every operation at least one error case', () => {
    const withoutErrors = Object.entries(conformanceTable)
      .filter(([, entry]) => entry.errors.length === 0)
      .map(([key]) => key);
    expect(withoutErrors).toEqual([]);
  });
});
