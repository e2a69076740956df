import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dtoSchemasFile, generateDtoSchemas } from './generate.js';

describe('the emulator’s request-body rules', () => {
  it('match the vendored HighLevel specs (run `npm run generate` after changing spec/highlevel)', async () => {
    const onDisk = await readFile(dtoSchemasFile, 'utf8');
    expect(onDisk === generateDtoSchemas(), 'src/generated/dtoSchemas.json is stale').toBe(true);
  });
});
