/**
 * Checks an action's input before HighLevel is called, naming each wrong field: against the
 * entry's input JSON Schema (the one `GET /v1/catalogue` serves), for fields the operation does
 * not take (they would have nowhere to go), for path ids that are empty or `.`/`..` (which would
 * change the address called), and for a `locationId` other than the connected Location's (the
 * workspace's credentials act for that Location alone).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { CatalogueEntry, JsonSchema } from '../../catalogue/core/entry.js';
import { LOCATION_FIELDS } from './actionInput.js';

/** One wrong field: its dotted path (`tags.0`) and what is wrong with it. */
export interface FieldProblem {
  path: string;
  message: string;
}

// Formats are not checked: the spec marks few inputs with one and HighLevel reads some of them
// more loosely than the format says; HighLevel's own refusal is passed on in its words.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function dotted(pointer: string, ...more: string[]): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [...parts, ...more].join('.') || '(body)';
}

function problemOf(error: ErrorObject): FieldProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        path: dotted(error.instancePath, String(params.missingProperty)),
        message: 'required',
      };
    case 'additionalProperties':
      return {
        path: dotted(error.instancePath, String(params.additionalProperty)),
        message: 'not a field HighLevel takes here',
      };
    case 'enum':
      return {
        path: dotted(error.instancePath),
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: dotted(error.instancePath), message: error.message ?? 'is not valid' };
  }
}

const ANY_BRANCH = /^must match (a|exactly one) schema in (anyOf|oneOf)$/;

/**
 * One problem per field, its messages joined: a field that fits none of several shapes reads
 * "must be string; must be null" rather than three lines and ajv's summary of them.
 */
function oneProblemPerField(problems: FieldProblem[]): FieldProblem[] {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of problems) {
    const messages = byPath.get(path) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byPath.set(path, messages);
  }
  return [...byPath].map(([path, messages]) => {
    const specific = messages.filter((m) => !ANY_BRANCH.test(m));
    return { path, message: (specific.length > 0 ? specific : messages).join('; ') };
  });
}

/**
 * Every problem with `input` for `entry`, run for the Location `locationId`; empty when it may be
 * sent.
 *
 * @example inputProblems(findCatalogueEntry('add-tags-to-contact')!, { contactId: 'c1' }, 'loc_1')
 * // [{ path: 'tags', message: 'required' }]
 */
export function inputProblems(
  entry: Pick<CatalogueEntry, 'name' | 'input' | 'placement'>,
  input: Readonly<Record<string, unknown>>,
  locationId: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(input)) {
    if (!Object.hasOwn(entry.placement, field)) {
      problems.push({
        path: field,
        message: `not an input of ${entry.name}; its inputs are in GET /v1/catalogue`,
      });
    }
  }
  const validate = validatorFor(entry.input);
  if (!validate(input)) problems.push(...(validate.errors ?? []).map(problemOf));
  for (const [field, place] of Object.entries(entry.placement)) {
    const value = input[field];
    if (place === 'path' && typeof value === 'string' && /^\.{0,2}$/.test(value.trim())) {
      problems.push({ path: field, message: 'must be an id, not empty, "." or ".."' });
    }
  }
  for (const field of LOCATION_FIELDS) {
    if (
      Object.hasOwn(entry.placement, field) &&
      input[field] !== undefined &&
      input[field] !== locationId
    ) {
      problems.push({
        path: field,
        message: `must be the connected Location ${locationId} (or left out to use it)`,
      });
    }
  }
  return oneProblemPerField(problems);
}
