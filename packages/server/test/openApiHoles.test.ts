import { describe, expect, it } from 'vitest';
import { openApiHoles, type OpenApiDocument } from './openApiHoles.js';

const error = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' } } } },
};
const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const json = (schema: Record<string, unknown>) => ({
  description: 'OK',
  content: { 'application/json': { schema } },
});
const thing = { type: 'object', properties: { id: { type: 'string' } } };

/** A document with one `POST /things` answering `response` (and a 404), taking `body`. */
function documentWith(
  response: unknown,
  body?: unknown,
  schemas: Record<string, unknown> = {},
): OpenApiDocument {
  return {
    paths: {
      '/things': {
        post: {
          ...(body === undefined
            ? {}
            : { requestBody: { content: { 'application/json': { schema: body } } } }),
          responses: { '200': response, '404': errorResponse },
        } as never,
      },
    },
    components: { schemas: { Error: error, ...schemas } },
  };
}

describe('openApiHoles', () => {
  it.each([
    ['an object with properties', json(thing), undefined, []],
    ['a body with properties', json(thing), thing, []],
    [
      'an empty body schema',
      json(thing),
      {},
      ['POST /things body: not an object schema', 'POST /things body: any value ({})'],
    ],
    [
      'a bare object',
      json({ type: 'object' }),
      undefined,
      ['POST /things 200: an object without properties'],
    ],
    [
      'a record of anything',
      json({ type: 'object', additionalProperties: {} }),
      undefined,
      ['POST /things 200.*: any value ({})'],
    ],
    [
      'a record of strings',
      json({ type: 'object', additionalProperties: { type: 'string' } }),
      undefined,
      [],
    ],
    [
      'a property of any value',
      json({ type: 'object', properties: { data: { description: 'whatever' } } }),
      undefined,
      ['POST /things 200.data: any value ({})'],
    ],
    [
      'an array of bare objects',
      json({ type: 'object', properties: { list: { type: 'array', items: { type: 'object' } } } }),
      undefined,
      ['POST /things 200.list[]: an object without properties'],
    ],
    [
      'a union with a bare member',
      json({ anyOf: [thing, { type: 'object' }] }),
      undefined,
      ['POST /things 200.anyOf[1]: an object without properties'],
    ],
    [
      'a string answer',
      json({ type: 'string' }),
      undefined,
      ['POST /things 200: not an object schema'],
    ],
    [
      'a response without content',
      { description: 'OK' },
      undefined,
      ['POST /things 200: no content'],
    ],
  ])('%s', (_name, response, body, holes) => {
    expect(openApiHoles(documentWith(response, body))).toEqual(holes);
  });

  it('follows references and names the hole by its component', () => {
    const document = documentWith(json({ $ref: '#/components/schemas/Thing' }), undefined, {
      Thing: { type: 'object', properties: { meta: { type: 'object' } } },
    });
    expect(openApiHoles(document)).toEqual(['Thing.meta: an object without properties']);
  });

  it('accepts a free-form place only where it is listed with its reason', () => {
    const document = documentWith(json({ $ref: '#/components/schemas/Thing' }), undefined, {
      Thing: { type: 'object', properties: { raw: {} } },
    });
    expect(openApiHoles(document)).toEqual(['Thing.raw: any value ({})']);
    expect(openApiHoles(document, { freeForm: { 'Thing.raw': 'stored as it came' } })).toEqual([]);
  });

  it('wants the shared Error on every 4xx', () => {
    const document = documentWith(json(thing));
    document.paths!['/things']!.post!.responses!['422'] = json(thing);
    expect(openApiHoles(document)).toEqual(['POST /things 422: not the shared Error']);
  });

  it('takes a 204 without a body, and wants a success response', () => {
    const deleted: OpenApiDocument = {
      paths: {
        '/things/{id}': { delete: { responses: { '204': { description: 'Deleted' } } } as never },
        '/nothing': { get: { responses: { '404': errorResponse } } },
      },
      components: { schemas: { Error: error } },
    };
    expect(openApiHoles(deleted)).toEqual(['GET /nothing: no success response']);
  });

  it("walks each webhook's body, and takes a 2XX answer without one", () => {
    const webhook = (body: Record<string, unknown> | undefined) => ({
      post: {
        ...(body === undefined
          ? {}
          : { requestBody: { content: { 'application/json': { schema: body } } } }),
        responses: { '2XX': { description: 'Taken' } },
      } as never,
    });
    const document: OpenApiDocument = {
      webhooks: {
        'thing.made': webhook(thing),
        'thing.lost': webhook({ type: 'object', properties: { data: {} } }),
        'thing.said': webhook(undefined),
      },
      components: { schemas: { Error: error } },
    };
    expect(openApiHoles(document)).toEqual([
      'webhook thing.lost body.data: any value ({})',
      'webhook thing.said: no JSON body',
    ]);
  });
});
