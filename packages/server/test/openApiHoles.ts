/**
 * Finds the places where an OpenAPI document says nothing a reader can use: a response without
 * a schema, a JSON body or response that is `{}` or a bare `{ "type": "object" }`, a value typed
 * as "anything", a 4xx that is not the shared `Error`. Every body and response is walked down to
 * its leaves, through `$ref`s, unions and arrays.
 */

type Schema = Record<string, unknown>;

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<
    string,
    { content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }
  >;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  /** What the API sends (OpenAPI 3.1): each one's body is walked like a request body. */
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface HoleOptions {
  /**
   * Places that may hold any JSON value, each with the reason, by where the walk reports them
   * (`VoiceToolCallRecord.arguments`): a value the API stores or passes on as it came.
   */
  freeForm?: Record<string, string>;
}

/** Statuses whose answer has no body. */
const NO_BODY = new Set(['204', '304']);
/** A redirect's answer is where it points: its `location` header, described; no body. */
const REDIRECT = /^30[1237]$/;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const ERROR_REF = '#/components/schemas/Error';
const KEYWORDS_THAT_SAY_NOTHING = new Set([
  'description',
  'example',
  'examples',
  'default',
  'title',
  'deprecated',
]);

const isJson = (mediaType: string) => /^application\/([\w.-]+\+)?json$/i.test(mediaType);

/**
 * Every hole in `document`, as `where: what`; empty when every body and response is described.
 *
 * @example expect(openApiHoles(await (await fetch('/openapi.json')).json())).toEqual([]);
 */
export function openApiHoles(document: OpenApiDocument, options: HoleOptions = {}): string[] {
  const components = document.components?.schemas ?? {};
  const freeForm = options.freeForm ?? {};
  const holes: string[] = [];
  const walked = new Set<string>();

  const resolve = (schema: Schema): [Schema, string | undefined] => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return [schema, undefined];
    const name = ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) {
      holes.push(`${ref}: no such schema`);
      return [{ type: 'object', properties: { unresolved: {} } }, name];
    }
    return [target, name];
  };

  const walk = (given: Schema, where: string): void => {
    const [schema, component] = resolve(given);
    if (component) {
      if (walked.has(component)) return;
      walked.add(component);
      where = component;
    }
    if (where in freeForm) return;
    if (Object.keys(schema).every((key) => KEYWORDS_THAT_SAY_NOTHING.has(key))) {
      holes.push(`${where}: any value ({})`);
      return;
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const members = schema[keyword];
      if (Array.isArray(members)) {
        members.forEach((member: Schema, i) => walk(member, `${where}.${keyword}[${i}]`));
      }
    }
    const types = [schema.type].flat();
    if (types.includes('object')) walkObject(schema, where);
    if (types.includes('array')) walk((schema.items as Schema | undefined) ?? {}, `${where}[]`);
  };

  const walkObject = (schema: Schema, where: string): void => {
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    const extra = schema.additionalProperties;
    const describedExtra = typeof extra === 'object' && extra !== null;
    if (Object.keys(properties).length === 0 && !describedExtra) {
      holes.push(`${where}: an object without properties`);
    }
    for (const [name, property] of Object.entries(properties)) walk(property, `${where}.${name}`);
    if (describedExtra) walk(extra as Schema, `${where}.*`);
  };

  /** A body or response: an object with properties (or a union of them), walked to its leaves. */
  const walkTopLevel = (schema: Schema | undefined, where: string): void => {
    if (!schema) {
      holes.push(`${where}: no schema`);
      return;
    }
    const [resolved] = resolve(schema);
    const members = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
    for (const member of members ?? [resolved]) {
      const [object] = resolve(member);
      if (object.type !== 'object' && !object.allOf) holes.push(`${where}: not an object schema`);
    }
    walk(schema, where);
  };

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      for (const [mediaType, { schema }] of Object.entries(operation.requestBody?.content ?? {})) {
        if (isJson(mediaType)) walkTopLevel(schema, `${name} body`);
        else if (!schema) holes.push(`${name} body ${mediaType}: no schema`);
      }
      const responses = Object.entries(operation.responses ?? {});
      if (!responses.some(([status]) => status.startsWith('2') || REDIRECT.test(status))) {
        holes.push(`${name}: no success response`);
      }
      for (const [status, response] of responses) {
        const where = `${name} ${status}`;
        const content = Object.entries(response.content ?? {});
        if (REDIRECT.test(status)) {
          if (!(response.headers ?? {}).location)
            holes.push(`${where}: a redirect without location`);
          if (content.length > 0) holes.push(`${where}: a redirect has no body`);
          continue;
        }
        if (NO_BODY.has(status)) {
          if (content.length > 0) holes.push(`${where}: a ${status} has no body`);
          continue;
        }
        if (content.length === 0) holes.push(`${where}: no content`);
        for (const [mediaType, { schema }] of content) {
          if (!isJson(mediaType)) {
            if (!schema) holes.push(`${where} ${mediaType}: no schema`);
          } else if (status.startsWith('4')) {
            if (schema?.$ref !== ERROR_REF) holes.push(`${where}: not the shared Error`);
          } else {
            walkTopLevel(schema, where);
          }
        }
      }
    }
  }
  for (const [type, item] of Object.entries(document.webhooks ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const name = `webhook ${type}`;
      const content = Object.entries(operation.requestBody?.content ?? {});
      if (!content.some(([mediaType]) => isJson(mediaType))) holes.push(`${name}: no JSON body`);
      for (const [mediaType, { schema }] of content) {
        if (isJson(mediaType)) walkTopLevel(schema, `${name} body`);
      }
      // What the receiver answers: its status is all that counts (`2XX` is a range).
      const statuses = Object.keys(operation.responses ?? {});
      if (!statuses.some((status) => /^2(\d\d|XX)$/.test(status))) {
        holes.push(`${name}: no success response`);
      }
    }
  }
  // The shared Error itself, once, even when no route documents a 4xx.
  if (components.Error) walk({ $ref: ERROR_REF }, 'Error');
  return holes;
}
