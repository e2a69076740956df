import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './generateApi.js';

it("the dashboard's API types match the server's OpenAPI document", async () => {
  const onDisk = await readFile(SCHEMA_FILE, 'utf8');
  expect(
    onDisk === (await generateApiTypes()),
    'packages/dashboard/src/generated/api.ts is stale: npm run generate -w @ghl-bridge/dashboard',
  ).toBe(true);
});
