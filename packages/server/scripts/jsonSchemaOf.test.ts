import { describe, expect, it } from 'vitest';
import { SchemaConverter } from './jsonSchemaOf.js';

const components = {
  Tag: { type: 'object', properties: { name: { type: 'string', example: 'vip' } } },
  Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } },
};

describe('OpenAPI 3.0 schemas as JSON Schema', () => {
  it.each([
    ['a nullable type', { type: 'string', nullable: true }, { type: ['string', 'null'] }],
    [
      'a nullable enum',
      { type: 'string', enum: ['a'], nullable: true },
      { type: ['string', 'null'], enum: ['a', null] },
    ],
    [
      'a nullable schema without a type',
      { allOf: [{ type: 'string' }], nullable: true },
      { anyOf: [{ allOf: [{ type: 'string' }] }, { type: 'null' }] },
    ],
    ['an example', { type: 'number', example: 3 }, { type: 'number', examples: [3] }],
    ['type any', { type: 'any', description: 'x' }, { description: 'x' }],
    ['an empty required list', { type: 'object', required: [] }, { type: 'object' }],
    ['a component', { $ref: '#/components/schemas/Tag' }, { $ref: '#/$defs/Tag' }],
    [
      'a component with a description',
      { $ref: '#/components/schemas/Tag', description: 'the tag' },
      { allOf: [{ $ref: '#/$defs/Tag' }], description: 'the tag' },
    ],
    ['an extension', { type: 'string', 'x-internal': true }, { type: 'string' }],
  ])('converts %s', (_, source, expected) => {
    expect(new SchemaConverter(components).convert(source)).toEqual(expected);
  });

  it('collects the components used, including one that refers to itself', () => {
    const c = new SchemaConverter(components);
    c.convert({ type: 'array', items: { $ref: '#/components/schemas/Node' } });
    expect(c.definitions()).toEqual({
      Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } },
    });
  });

  it('refuses a keyword it does not know, rather than passing it on', () => {
    expect(() => new SchemaConverter({}).convert({ type: 'string', patternX: 'a' })).toThrow(
      /patternX/,
    );
  });
});
