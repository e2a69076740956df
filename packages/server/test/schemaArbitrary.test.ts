import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, nested, RawJson } from './hostileInput.js';
import { schemaArbitrary, type JsonSchema } from './schemaArbitrary.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Shapes like those of the bridge's document: a pattern, a nullable, a map, a union, a $ref. */
const components: Record<string, JsonSchema> = {
  Names: {
    type: 'object',
    properties: { fieldPrefix: { type: 'string', maxLength: 60 } },
    additionalProperties: false,
  },
  Event: {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: '^[\\w.:@/+=-]{1,200}$' },
      version: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
      status: { type: 'string', enum: ['confirmed', 'cancelled'] },
      country: { type: ['string', 'null'] },
      email: { type: 'string', format: 'email' },
      expires: { type: 'string', format: 'date-time' },
      days: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10 },
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
      arguments: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: {} }] },
      names: { $ref: '#/components/schemas/Names' },
    },
    required: ['id', 'version', 'status'],
    additionalProperties: false,
  },
};

const ajv = new Ajv({ strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'doc', components: { schemas: components } });
const isEvent = ajv.compile({ $ref: 'doc#/components/schemas/Event' });

describe('schemaArbitrary', () => {
  it('makes values the schema accepts when conforming', () => {
    const events = schemaArbitrary(
      { $ref: '#/components/schemas/Event' },
      { components, mode: 'conforming' },
    );
    fc.assert(
      fc.property(events, (event) => {
        expect(isEvent(event), ajv.errorsText(isEvent.errors)).toBe(true);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('mixes in values the schema refuses when fuzzing, and still mostly conforms', () => {
    const events = schemaArbitrary(
      { $ref: '#/components/schemas/Event' },
      { components, mode: 'fuzzing' },
    );
    const verdicts = fc
      .sample(events, { seed: 1, numRuns: 300 })
      .map((event) => isEvent(JSON.parse(jsonText(event))));
    const accepted = verdicts.filter(Boolean).length;
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(280);
  });
});

describe('jsonText', () => {
  it.each([
    [{ n: new RawJson('-0') }, '{"n":-0}'],
    [Object.fromEntries([['__proto__', { isAdmin: true }]]), '{"__proto__":{"isAdmin":true}}'],
    [['Spa \ud800', 'A\u0000'], '["Spa \\ud800","A\\u0000"]'],
    [nested(3, 'array'), '[[[]]]'],
    [nested(2, 'object'), '{"a":{"a":null}}'],
  ])('writes %o as %s', (value, text) => {
    expect(jsonText(value)).toBe(text);
  });
});
