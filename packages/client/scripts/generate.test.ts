import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, generatedDir } from './generate.js';

describe('generated types', () => {
  it('match the vendored HighLevel specs (run `npm run generate` after changing spec/highlevel)', async () => {
    const expected = await generate();
    const committed = (await readdir(generatedDir)).sort();
    expect(committed).toEqual([...expected.keys()].sort());
    for (const [name, contents] of expected) {
      const onDisk = await readFile(path.join(generatedDir, name), 'utf8');
      expect(onDisk, `${name} is stale`).toBe(contents);
    }
  }, 60_000);
});
