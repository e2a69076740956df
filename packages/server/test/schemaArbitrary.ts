/**
 * fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document: the keywords the
 * bridge's document uses (type, enum, const, properties, required, additionalProperties, items,
 * min/max lengths, items and values, pattern, format, $ref, anyOf, oneOf, allOf).
 *
 * `conforming` values match the schema. `fuzzing` values mostly do, but any node may be a hostile
 * value instead, a required key may be missing and a stray or prototype key may be added, so
 * requests reach past validation and still carry the nasty set into every field.
 */
import fc from 'fast-check';
import { hostileValue, PROTOTYPE_KEYS } from './hostileInput.js';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface ArbitraryOptions {
  /** `components.schemas` of the document, for `$ref`s. */
  components: Record<string, JsonSchema>;
  mode: 'conforming' | 'fuzzing';
}

/** Past this depth of `$ref`s and nesting, values stop growing (objects keep only required keys). */
const MAX_DEPTH = 6;
/** Long enough to cross a limit of the form `maxLength: 200`, short enough to print. */
const LONGEST_STRING = 24;

/**
 * An arbitrary of values for `schema`.
 *
 * @example fc.sample(schemaArbitrary({ type: 'integer', minimum: 1 }, { components: {}, mode: 'conforming' }), 3)
 */
export function schemaArbitrary(
  schema: JsonSchema,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  const build = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const conforming = buildConforming(node, depth);
    if (options.mode === 'conforming') return conforming;
    return fc.oneof({ weight: 8, arbitrary: conforming }, { weight: 1, arbitrary: hostileValue });
  };

  const buildConforming = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (node.$ref) {
      const name = node.$ref.replace('#/components/schemas/', '');
      const target = options.components[name];
      if (!target) throw new Error(`No schema ${node.$ref} in the document`);
      return build(target, depth + 1);
    }
    if ('const' in node) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    const union = node.anyOf ?? node.oneOf;
    if (union) return fc.oneof(...union.map((member) => build(member, depth + 1)));
    if (node.allOf) return allOf(node.allOf, depth);
    const types = [node.type ?? 'any'].flat();
    return fc.oneof(...types.map((type) => byType(node, type, depth)));
  };

  const byType = (node: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: lowest(node, 1), max: highest(node, 1) });
      case 'number':
        return fc.double({
          min: lowest(node, Number.EPSILON),
          max: highest(node, Number.EPSILON),
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'string':
        return stringFor(node);
      case 'array':
        return fc.array(build(node.items ?? {}, depth + 1), {
          minLength: node.minItems ?? 0,
          maxLength: Math.min(node.maxItems ?? 3, (node.minItems ?? 0) + 3),
        });
      case 'object':
        return objectFor(node, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };

  const objectFor = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const required = new Set(node.required ?? []);
    const properties = Object.entries(node.properties ?? {}).filter(
      ([name]) => required.has(name) || depth < MAX_DEPTH,
    );
    const fuzzing = options.mode === 'fuzzing';
    const entries = properties.map(([name, property]) => {
      const value = build(property, depth + 1).map((v): [string, unknown] => [name, v]);
      // A required key is dropped now and then when fuzzing; an optional one half the time.
      const keep = required.has(name) ? (fuzzing ? 12 : 1) : 1;
      const drop = required.has(name) ? (fuzzing ? 1 : 0) : 1;
      return fc.oneof(
        { weight: keep, arbitrary: value },
        { weight: drop, arbitrary: fc.constant(undefined) },
      );
    });
    const extra = node.additionalProperties;
    const described = typeof extra === 'object' ? extra : extra === true ? {} : undefined;
    const additional =
      described && depth < MAX_DEPTH
        ? fc.array(fc.tuple(fc.string({ maxLength: 8 }), build(described, depth + 1)), {
            maxLength: 3,
          })
        : fc.constant([]);
    const stray = fuzzing
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constant([]) },
          {
            weight: 1,
            arbitrary: fc.array(
              fc.tuple(fc.constantFrom('unknownKey', ...PROTOTYPE_KEYS), hostileValue),
              { minLength: 1, maxLength: 2 },
            ),
          },
        )
      : fc.constant([]);
    return fc.tuple(fc.tuple(...entries), additional, stray).map(([own, more, odd]) =>
      // fromEntries makes `__proto__` an own key, as JSON.parse does on the server.
      Object.fromEntries([...own.filter((entry) => entry !== undefined), ...more, ...odd]),
    );
  };

  const allOf = (members: JsonSchema[], depth: number): fc.Arbitrary<unknown> =>
    fc
      .tuple(...members.map((member) => build(member, depth + 1)))
      .map((parts) =>
        parts.every((part) => part !== null && typeof part === 'object' && !Array.isArray(part))
          ? (Object.assign({}, ...(parts as object[])) as unknown)
          : parts[parts.length - 1],
      );

  return build(schema, 0);
}

function lowest(node: JsonSchema, step: number): number {
  if (node.exclusiveMinimum !== undefined) return node.exclusiveMinimum + step;
  return node.minimum ?? -1_000_000;
}

function highest(node: JsonSchema, step: number): number {
  if (node.exclusiveMaximum !== undefined) return node.exclusiveMaximum - step;
  return node.maximum ?? 1_000_000;
}

function stringFor(node: JsonSchema): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0;
  const maxLength = Math.min(node.maxLength ?? LONGEST_STRING, minLength + LONGEST_STRING);
  if (node.pattern) {
    // A filter that rejects most values never ends: strings with a minimum length are drawn
    // from a size where most of them are long enough.
    const size = minLength > 2 ? 'medium' : 'xsmall';
    return fc
      .stringMatching(new RegExp(node.pattern), { size })
      .filter((s) => s.length >= minLength && s.length <= (node.maxLength ?? Infinity));
  }
  switch (node.format) {
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
    default:
      return fc.string({ unit: 'grapheme', minLength, maxLength });
  }
}
