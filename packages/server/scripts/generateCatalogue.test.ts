import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCatalogueFiles } from './generateCatalogue.js';

describe('the generated catalogue files', () => {
  it('match the vendored HighLevel specs and the catalogue (run `npm run generate`)', async () => {
    for (const [file, contents] of await generateCatalogueFiles()) {
      const onDisk = await readFile(file, 'utf8');
      const name = path.relative(process.cwd(), file);
      expect(onDisk === contents, `${name} is stale: run npm run generate`).toBe(true);
    }
  }, 60_000);
});
