/**
 * Generates the request-body rules the emulator validates with (`src/generated/dtoSchemas.json`)
 * from HighLevel's official OpenAPI specs vendored at `spec/highlevel/apps/*.json`. The emulator
 * ships this file, so at run time it reads no spec and no TypeScript outside its own package.
 * The output is committed; `generate.test.ts` fails when it is stale. Run with `npm run generate`.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { listServices, loadSpec } from '@ghl-bridge/highlevel-spec';
import type { DtoSchemas, PropertyRule } from '../src/dto.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dtoSchemasFile = path.resolve(here, '../src/generated/dtoSchemas.json');

interface SchemaNode {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

function propertyRule(node: SchemaNode): PropertyRule {
  const rule: PropertyRule = {};
  const type = node.$ref ? 'object' : node.type;
  if (type) rule.type = type;
  if (node.nullable === true) rule.nullable = true;
  if (node.enum) rule.enum = node.enum;
  return rule;
}

/** Every object schema of every service, reduced to what body validation reads. */
export function generateDtoSchemas(): string {
  const out: DtoSchemas = {};
  for (const service of listServices()) {
    const schemas = (loadSpec(service).components?.schemas ?? {}) as Record<string, SchemaNode>;
    const rules: DtoSchemas[string] = {};
    for (const name of Object.keys(schemas).sort()) {
      const schema = schemas[name];
      if (!schema?.properties) continue;
      const properties: Record<string, PropertyRule> = {};
      for (const [property, node] of Object.entries(schema.properties)) {
        properties[property] = propertyRule(node);
      }
      rules[name] = schema.required?.length
        ? { properties, required: schema.required }
        : { properties };
    }
    out[service] = rules;
  }
  return `${JSON.stringify(out)}\n`;
}

async function main(): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(path.dirname(dtoSchemasFile), { recursive: true });
  await writeFile(dtoSchemasFile, generateDtoSchemas());
  console.log(`wrote ${path.relative(process.cwd(), dtoSchemasFile)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
