/**
 * Loads HighLevel's vendored OpenAPI specs as self-contained documents: the shared error DTOs of
 * `common/common-schemas.json` are copied into each file's components and external `$ref`s are
 * made local. This also mends upstream `apps/links.json`, which refers to `BadRequestDTO` and
 * `UnauthorizedDTO` without defining them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const specRoot = path.dirname(fileURLToPath(import.meta.url));
export const appsDir = path.join(specRoot, 'apps');

const COMMON_REF = '../common/common-schemas.json#/components/schemas/';

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
}

/** Service names (`contacts`, `calendars`, …), one per `apps/*.json`, sorted. */
export function listServices(): string[] {
  return readdirSync(appsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function commonSchemas(): Record<string, unknown> {
  const file = path.join(specRoot, 'common', 'common-schemas.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  return doc.components?.schemas ?? {};
}

/** One service's spec with every `$ref` resolvable inside the document. */
export function loadSpec(service: string): OpenApiDocument {
  const text = readFileSync(path.join(appsDir, `${service}.json`), 'utf8');
  const doc = JSON.parse(text.split(COMMON_REF).join('#/components/schemas/')) as OpenApiDocument;
  const schemas = (doc.components ??= {}).schemas ?? {};
  for (const [name, schema] of Object.entries(commonSchemas())) {
    if (!(name in schemas)) schemas[name] = schema;
  }
  doc.components.schemas = schemas;
  return doc;
}
