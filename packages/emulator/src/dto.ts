/**
 * Request-body validation derived from the spec's DTOs, the way HighLevel's NestJS
 * ValidationPipe (whitelist + forbidNonWhitelisted) answers: 422 with class-validator messages,
 * e.g. `property gender should not exist`
 * (docs/highlevel-behaviour.md#unknown-properties-are-refused).
 */
import { unprocessable } from './errors.js';
import dtoSchemas from './generated/dtoSchemas.json' with { type: 'json' };

/** What validation reads of one DTO property. */
export interface PropertyRule {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
}

/**
 * Every object schema of HighLevel's specs by service and schema name, reduced to its properties'
 * types and its required list (`npm run generate` writes it from `spec/highlevel`).
 */
export type DtoSchemas = Record<
  string,
  Record<string, { properties: Record<string, PropertyRule>; required?: string[] }>
>;

export interface DtoRules {
  properties: Map<string, PropertyRule>;
  required: string[];
}

export interface DtoAdjustments {
  /** Properties HighLevel accepts beyond the DTO (each one cited where it is used). */
  extra?: Record<string, PropertyRule>;
  /** Property types the spec gets wrong (each listed in DEVIATIONS.md). */
  types?: Record<string, PropertyRule>;
}

const schemas: DtoSchemas = dtoSchemas;

/** The rules of `components.schemas[schemaName]` in `service`'s spec. */
export function dtoRules(
  service: string,
  schemaName: string,
  adjust: DtoAdjustments = {},
): DtoRules {
  const schema = schemas[service]?.[schemaName];
  if (!schema) throw new Error(`No object schema ${schemaName} in ${service}`);
  const properties = new Map<string, PropertyRule>(Object.entries(schema.properties));
  for (const [name, rule] of Object.entries({ ...adjust.extra, ...adjust.types })) {
    properties.set(name, rule);
  }
  return { properties, required: schema.required ?? [] };
}

function typeMessage(name: string, rule: PropertyRule, value: unknown): string | null {
  if (value === null) return rule.nullable ? null : `${name} should not be null`;
  if (rule.enum && !rule.enum.includes(value)) {
    return `${name} must be one of the following values: ${rule.enum.join(', ')}`;
  }
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' ? null : `${name} must be a string`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be a boolean value`;
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${name} must be a number conforming to the specified constraints`;
    case 'array':
      return Array.isArray(value) ? null : `${name} must be an array`;
    case 'object':
      return typeof value === 'object' && !Array.isArray(value)
        ? null
        : `${name} must be an object`;
    default:
      return null;
  }
}

/** Every class-validator style message for `body` under `rules`; empty when it is valid. */
export function dtoErrors(rules: DtoRules, body: unknown): string[] {
  if (body === undefined) body = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return ['request body must be a JSON object'];
  }
  const record = body as Record<string, unknown>;
  const errors: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    const rule = rules.properties.get(name);
    if (!rule) {
      errors.push(`property ${name} should not exist`);
      continue;
    }
    if (value === undefined) continue;
    const message = typeMessage(name, rule, value);
    if (message) errors.push(message);
  }
  for (const name of rules.required) {
    const value = record[name];
    if (value === undefined || value === null || value === '') {
      errors.push(`${name} should not be empty`);
    }
  }
  return errors;
}

/** The body as a record, or a 422 listing everything wrong with it. */
export function validBody(rules: DtoRules, body: unknown): Record<string, unknown> {
  const errors = dtoErrors(rules, body);
  if (errors.length > 0) throw unprocessable(errors);
  return (body ?? {}) as Record<string, unknown>;
}
