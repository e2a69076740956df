import { expect, it } from 'vitest';
import { versionOutcome } from './versions.js';

it.each([
  [undefined, 1, 'accepted'],
  [1, 2, 'accepted'],
  [2, 2, 'already_taken'],
  [3, 2, 'stale'],
] as const)('stored %s, incoming %s -> %s', (stored, incoming, outcome) => {
  expect(versionOutcome(stored, incoming)).toBe(outcome);
});
