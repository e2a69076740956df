/**
 * What the catalogue needs to know about one HighLevel operation, read from its spec: scopes and
 * token kinds from `security`; one input schema joining the path and query parameters and the
 * JSON body's properties, with where each goes; and the success answer's schema.
 */
import type { OpenApiDocument } from '@ghl-bridge/highlevel-spec';
import type { InputPlacement, JsonSchema, OperationSchemas } from '../src/catalogue/core/entry.js';
import type { SpecGap } from '../src/catalogue/core/specGaps.js';
import { SchemaConverter } from './jsonSchemaOf.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: unknown;
}
interface Response {
  description?: string;
  headers?: Record<string, { description?: string }>;
  content?: Record<string, { schema?: unknown }>;
}
export interface SpecOperation {
  operationId?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, Response>;
}

const COMPONENT = '#/components/schemas/';

/** The schema a `$ref` names, or the schema itself. */
function target(doc: OpenApiDocument, schema: unknown): { name?: string; node: JsonSchema } {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref) return { node: (schema ?? {}) as JsonSchema };
  const name = ref.slice(COMPONENT.length);
  return { name, node: (doc.components?.schemas?.[name] ?? {}) as JsonSchema };
}

/** Every `$defs` entry the schema reaches, and no other. */
function withReachableDefs(root: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const reached = new Set<string>();
  const pending = [JSON.stringify(root)];
  while (pending.length > 0) {
    for (const match of pending.pop()!.matchAll(/"#\/\$defs\/([^"]+)"/g)) {
      const name = match[1]!;
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(JSON.stringify(defs[name]));
    }
  }
  if (reached.size === 0) return root;
  const $defs = Object.fromEntries(Object.entries(defs).filter(([name]) => reached.has(name)));
  return { ...root, $defs };
}

class InputBuilder {
  readonly properties: Record<string, JsonSchema> = {};
  readonly required: string[] = [];
  readonly placement: Record<string, InputPlacement> = {};

  add(name: string, schema: JsonSchema, where: InputPlacement, required: boolean): void {
    if (name in this.placement) {
      throw new Error(`input ${name} is both ${this.placement[name]} and ${where}`);
    }
    this.properties[name] = schema;
    this.placement[name] = where;
    if (required) this.required.push(name);
  }

  schema(): JsonSchema {
    const out: JsonSchema = { type: 'object', properties: this.properties };
    return this.required.length > 0 ? { ...out, required: this.required } : out;
  }
}

function addParameters(input: InputBuilder, op: SpecOperation, path: string, c: SchemaConverter) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const described = (p: Parameter | undefined, fallback: JsonSchema): JsonSchema => {
    const schema = p?.schema === undefined ? fallback : c.convert(p.schema);
    return p?.description ? { ...schema, description: p.description } : schema;
  };
  // Path parameters come from the template: some operations forget to declare theirs.
  const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  for (const name of inPath) {
    const declared = params.find((p) => p.in === 'path' && p.name === name);
    input.add(name, described(declared, { type: 'string' }), 'path', true);
  }
  for (const p of params) {
    if (p.in === 'path' && !inPath.includes(p.name)) throw new Error(`${path}: stray ${p.name}`);
    if (p.in === 'query') input.add(p.name, described(p, {}), 'query', p.required === true);
  }
}

function addBody(
  input: InputBuilder,
  doc: OpenApiDocument,
  op: SpecOperation,
  gap: SpecGap | undefined,
  c: SchemaConverter,
) {
  const raw = op.requestBody?.content?.['application/json']?.schema;
  if (raw === undefined) return;
  const { name, node } = target(doc, raw);
  const specProperties = node.properties as Record<string, unknown> | undefined;
  if (gap?.body) {
    if (specProperties && Object.keys(specProperties).length > 0) {
      throw new Error(`the spec now describes the body of ${name}: drop its entry in specGaps.ts`);
    }
    const properties = gap.body.properties as Record<string, JsonSchema>;
    const required = (gap.body.required ?? []) as string[];
    for (const [k, v] of Object.entries(properties)) input.add(k, v, 'body', required.includes(k));
    return;
  }
  if (node.type === 'array' || (!specProperties && node.type !== 'object')) {
    input.add('body', name ? c.component(name) : c.convert(node), 'whole-body', true);
    return;
  }
  const converted = name ? c.component(name) : c.convert(node);
  if (converted.allOf || converted.anyOf || converted.oneOf) {
    throw new Error(`${op.operationId}: a composed body needs a rule for where its fields go`);
  }
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = (converted.required ?? []) as string[];
  for (const [field, type] of Object.entries(gap?.bodyFieldTypes ?? {})) {
    if (JSON.stringify(properties[field]?.type) === JSON.stringify(type.type)) {
      throw new Error(`the spec now types ${name}.${field} right: drop it in specGaps.ts`);
    }
    properties[field] = { ...properties[field], ...type };
  }
  for (const [k, v] of Object.entries(properties)) input.add(k, v, 'body', required.includes(k));
}

function answerOf(
  doc: OpenApiDocument,
  op: SpecOperation,
  gap: SpecGap | undefined,
  c: SchemaConverter,
) {
  const status = Object.keys(op.responses ?? {}).find((code) => /^2\d\d$/.test(code));
  if (!status) throw new Error(`${op.operationId}: no success response`);
  const response = op.responses![status]!;
  const raw = response.content?.['application/json']?.schema;
  if (gap?.answer) {
    if (raw !== undefined)
      throw new Error(
        `the spec now describes ${op.operationId}'s answer: drop its entry in specGaps.ts`,
      );
    return { status: Number(status), output: gap.answer };
  }
  if (raw === undefined) {
    const type = response.headers?.['Content-Type']?.description;
    const what = [response.description, type && `(${type})`].filter(Boolean).join(' ');
    return { status: Number(status), output: { description: what || 'No JSON answer' } };
  }
  const { name, node } = target(doc, raw);
  const output = name ? c.component(name) : c.convert(node);
  const list = gap?.answerListIn;
  if (list !== undefined) {
    if (Object.hasOwn(output.properties ?? {}, list)) {
      throw new Error(`the spec now answers ${op.operationId} with a list: drop it in specGaps.ts`);
    }
    const { $defs, ...item } = output;
    const listed = {
      type: 'object',
      properties: { [list]: { type: 'array', items: item }, total: { type: 'number' } },
      ...($defs ? { $defs } : {}),
    };
    return { status: Number(status), output: listed };
  }
  const wrapper = gap?.answerWrappedIn;
  if (wrapper === undefined) return { status: Number(status), output };
  if (Object.keys(output.properties ?? {}).join() === wrapper) {
    throw new Error(`the spec now wraps ${op.operationId}'s answer: drop its entry in specGaps.ts`);
  }
  const wrapped = { type: 'object', properties: { [wrapper]: output }, required: [wrapper] };
  return { status: Number(status), output: wrapped };
}

/**
 * The catalogue's view of `method path` in `doc`.
 *
 * @example operationSchemasOf(loadSpec('contacts'), 'GET', '/contacts/{contactId}', undefined)
 */
export function operationSchemasOf(
  doc: OpenApiDocument,
  method: string,
  path: string,
  gap: SpecGap | undefined,
): OperationSchemas {
  const op = doc.paths[path]?.[method.toLowerCase()] as SpecOperation | undefined;
  if (!op) throw new Error(`${method} ${path} is not in the spec`);
  const c = new SchemaConverter(doc.components?.schemas ?? {});
  const input = new InputBuilder();
  addParameters(input, op, path, c);
  addBody(input, doc, op, gap, c);
  const { status, output } = answerOf(doc, op, gap, c);
  const defs = c.definitions();
  const security = op.security ?? [];
  return {
    operationId: op.operationId ?? `${method} ${path}`,
    scopes: [...new Set(security.flatMap((s) => Object.values(s).flat()))].sort(),
    access: security.flatMap((s) => Object.keys(s)),
    deprecated: op.deprecated === true,
    input: withReachableDefs(input.schema(), defs),
    placement: input.placement,
    status,
    output: withReachableDefs(output, defs),
  };
}
