/**
 * Checks emulator responses against the success schema of their operation in HighLevel's
 * vendored OpenAPI (design §5). Where the spec has no schema or a wrong one, the substitute or
 * patch below applies, and DEVIATIONS.md says why and where it comes from.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadSpec, type OpenApiDocument } from '@ghl-bridge/highlevel-spec';
import type { OperationInfo } from '@ghl-bridge/client';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const contactSchema = { $ref: '#/components/schemas/GetContectByIdSchema' };

/** Operations whose success response has no schema in the spec (DEVIATIONS.md §"No schema"). */
const substitutes: Record<string, object> = {
  // help.hoopai.com/api-reference/overview/contacts-search (a white-label copy of HighLevel's doc)
  'POST /contacts/search': {
    type: 'object',
    required: ['contacts', 'total'],
    properties: {
      contacts: {
        type: 'array',
        items: {
          allOf: [
            contactSchema,
            {
              type: 'object',
              required: ['id', 'searchAfter'],
              properties: { searchAfter: { type: 'array' } },
            },
          ],
        },
      },
      total: { type: 'number' },
    },
  },
  // Callers read `data.contact?.id` (ghl-api-notes §6.1).
  'GET /contacts/search/duplicate': {
    type: 'object',
    required: ['contact'],
    properties: { contact: { anyOf: [{ type: 'null' }, contactSchema] } },
  },
};

/** Spec schemas patched to what HighLevel really returns (DEVIATIONS.md §"Wrong schema"). */
function patch(service: string, doc: OpenApiDocument): void {
  const schemas = doc.components!.schemas as Record<
    string,
    { properties?: Record<string, object> }
  >;
  if (service === 'contacts') {
    // Custom field values keep their type (number, string[] …); the spec says string.
    schemas.CustomFieldSchema!.properties!.value = {};
  }
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const docs = new Map<string, OpenApiDocument>();
const validators = new Map<string, ValidateFunction>();

function specFor(service: string): OpenApiDocument {
  let doc = docs.get(service);
  if (!doc) {
    doc = loadSpec(service);
    patch(service, doc);
    docs.set(service, doc);
  }
  return doc;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

function validatorFor(op: OperationInfo, status: number): ValidateFunction {
  const key = `${op.method} ${op.path} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const doc = specFor(op.service);
  const operation = doc.paths[op.path]?.[op.method.toLowerCase()] as Operation | undefined;
  const declared = operation?.responses?.[String(status)];
  if (!declared) {
    throw new Error(`${op.method} ${op.path} answered ${status}, which the spec does not declare`);
  }
  const schema =
    declared.content?.['application/json']?.schema ?? substitutes[`${op.method} ${op.path}`];
  if (!schema) {
    throw new Error(
      `${op.method} ${op.path} ${status} has no schema in the spec; add a substitute with its source`,
    );
  }
  const validate = ajv.compile({ ...schema, components: doc.components });
  validators.set(key, validate);
  return validate;
}

/** Throws with ajv's errors when `body` does not fit the operation's `status` response schema. */
export function assertConformant(op: OperationInfo, status: number, body: unknown): void {
  const validate = validatorFor(op, status);
  if (!validate(body)) {
    throw new Error(
      `${op.method} ${op.path} ${status} does not match the spec:\n` +
        ajv.errorsText(validate.errors, { separator: '\n' }) +
        `\nbody: ${JSON.stringify(body)}`,
    );
  }
}
