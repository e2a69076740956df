/**
 * HighLevel's specs are OpenAPI 3.0, whose schemas are not quite JSON Schema: `nullable`,
 * `example`, `$ref`s into `components`. This turns one spec schema into a self-contained JSON
 * Schema (draft 2020-12 keywords that draft-07 validators also read), with every component it
 * refers to copied under `$defs`.
 */

type Node = Record<string, unknown>;

/** Keywords copied as they are. */
const KEPT = new Set([
  'type',
  'description',
  'title',
  'default',
  'enum',
  'const',
  'format',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'readOnly',
  'writeOnly',
  'deprecated',
  'required',
  'multipleOf',
]);

/** OpenAPI-only keywords, or upstream mistakes (`schema` inside a schema), that JSON Schema lacks. */
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'schema']);

const COMPONENT = '#/components/schemas/';

/**
 * Converts schemas of one spec, collecting the components they use.
 *
 * @example
 * const c = new SchemaConverter(loadSpec('contacts').components?.schemas ?? {});
 * const schema = { ...c.convert({ $ref: '#/components/schemas/TagsDTO' }), $defs: c.definitions() };
 */
export class SchemaConverter {
  private readonly defs = new Map<string, Node>();

  constructor(private readonly components: Record<string, unknown>) {}

  /** The JSON Schema form of an OpenAPI schema (its `$ref`s point into `$defs`). */
  convert(node: unknown): Node {
    if (typeof node !== 'object' || node === null) return {};
    const source = node as Node;
    if (typeof source.$ref === 'string') return this.reference(source);
    const out: Node = {};
    for (const [key, value] of Object.entries(source)) {
      if (key.startsWith('x-') || DROPPED.has(key) || key === 'nullable') continue;
      if (key === 'example') out.examples ??= [value];
      else if (key === 'examples') {
        if (Array.isArray(value)) out.examples = value;
      } else if (key === 'type') {
        if (value !== 'any') out.type = value;
      } else if (key === 'properties') out.properties = this.each(value as Record<string, unknown>);
      else if (key === 'items' || key === 'not') out[key] = this.convert(value);
      else if (key === 'additionalProperties') {
        out[key] = typeof value === 'boolean' ? value : this.convert(value);
      } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
        out[key] = (value as unknown[]).map((v) => this.convert(v));
      } else if (KEPT.has(key)) out[key] = value;
      else throw new Error(`unexpected schema keyword ${key}`);
    }
    if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
    return source.nullable === true ? nullable(out) : out;
  }

  /** The component schema `name`, converted, without the `$ref` (for a schema's root). */
  component(name: string): Node {
    this.define(name);
    return { ...this.defs.get(name)! };
  }

  /** Every component converted so far, for a root's `$defs` (sorted, so output is stable). */
  definitions(): Record<string, Node> {
    return Object.fromEntries([...this.defs].sort(([a], [b]) => a.localeCompare(b)));
  }

  private each(map: Record<string, unknown>): Record<string, Node> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, this.convert(v)]));
  }

  private reference(source: Node): Node {
    const ref = source.$ref as string;
    if (!ref.startsWith(COMPONENT)) throw new Error(`unexpected $ref ${ref}`);
    const name = ref.slice(COMPONENT.length);
    this.define(name);
    const pointer = { $ref: `#/$defs/${name}` };
    // A description beside a $ref is kept by wrapping, which every draft reads the same way.
    return typeof source.description === 'string'
      ? { allOf: [pointer], description: source.description }
      : pointer;
  }

  private define(name: string): void {
    if (this.defs.has(name)) return;
    const schema = this.components[name];
    if (schema === undefined) throw new Error(`unknown component ${name}`);
    this.defs.set(name, {}); // placeholder first: components may refer to themselves
    this.defs.set(name, this.convert(schema));
  }
}

/** `nullable: true` in JSON Schema words: `null` joins the types (and the enum). */
function nullable(schema: Node): Node {
  if (typeof schema.type === 'string') {
    const out: Node = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
