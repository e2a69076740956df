/**
 * Checks emulator responses against the success schema of their operation in HighLevel's vendored
 * OpenAPI (docs/architecture.md#how-it-is-tested). Where the spec has no schema or a wrong one, the
 * substitute or patch below applies, and DEVIATIONS.md says why and where it comes from.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadSpec, type OpenApiDocument } from '@ghl-bridge/highlevel-spec';
import type { OperationInfo } from '@ghl-bridge/client';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const contactSchema = { $ref: '#/components/schemas/GetContectByIdSchema' };

/**
 * Operations whose success response has no schema in the spec
 * (packages/emulator/DEVIATIONS.md#responses-the-spec-gets-wrong-or-leaves-empty).
 */
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
  // Callers read `data.contact?.id` (docs/highlevel-behaviour.md#contact-search).
  'GET /contacts/search/duplicate': {
    type: 'object',
    required: ['contact'],
    properties: { contact: { anyOf: [{ type: 'null' }, contactSchema] } },
  },
};

/** Replaces the JSON schema of one operation's success response. */
function setResponseSchema(
  doc: OpenApiDocument,
  method: string,
  path: string,
  status: string,
  schema: object,
): void {
  const operation = doc.paths[path]?.[method] as Operation;
  operation.responses![status]!.content!['application/json']!.schema = schema;
}

/**
 * Spec schemas patched to what HighLevel really returns
 * (packages/emulator/DEVIATIONS.md#responses-the-spec-gets-wrong-or-leaves-empty).
 */
function patch(service: string, doc: OpenApiDocument): void {
  const schemas = doc.components!.schemas as Record<
    string,
    { properties?: Record<string, object>; required?: string[] }
  >;
  if (service === 'contacts') {
    // Custom field values keep their type (number, string[] …); the spec says string.
    schemas.CustomFieldSchema!.properties!.value = {};
    // Bulk tag answers report each contact as an object, as the spec's own example shows; the
    // spec types them as strings.
    const bulk = schemas.UpdateTagsResponseDTO!.properties!.responses as { items: object };
    bulk.items = { type: 'object', required: ['contactId', 'message', 'type'] };
  }
  if (service === 'calendars') {
    // The spec types event and block times as `object`; its own examples are ISO strings
    // ("2023-09-25T16:00:00+05:30").
    const isoString = { type: 'string', format: 'date-time' };
    const event = schemas.CalendarEventDTO!;
    for (const key of ['startTime', 'endTime', 'dateAdded', 'dateUpdated']) {
      event.properties![key] = isoString;
    }
    // Unset group and owner are left out, as in HighLevel's create answers and webhooks.
    event.required = event.required!.filter((k) => k !== 'groupId' && k !== 'assignedUserId');
    const block = schemas.BlockedSlotSuccessfulResponseDto!;
    block.properties!.startTime = isoString;
    block.properties!.endTime = isoString;
    // Free slots: date keys, plus the top-level `traceId` live responses mix in.
    setResponseSchema(doc, 'get', '/calendars/{calendarId}/free-slots', '200', {
      type: 'object',
      required: ['traceId'],
      properties: { traceId: { type: 'string' } },
      patternProperties: { '^\\d{4}-\\d{2}-\\d{2}$': { $ref: '#/components/schemas/SlotsSchema' } },
      additionalProperties: false,
    });
    // Blocked slots are listed as events, but have no contact, status or users.
    setResponseSchema(doc, 'get', '/calendars/blocked-slots', '200', {
      type: 'object',
      required: ['events'],
      properties: {
        events: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'locationId', 'title', 'startTime', 'endTime'],
            properties: event.properties,
          },
        },
      },
    });
  }
  if (service === 'locations') {
    // Task search answers task objects; the spec types `tasks` as an array of arrays.
    const tasks = schemas.LocationTaskListSuccessfulResponseDto!.properties!.tasks as {
      items: object;
    };
    tasks.items = { type: 'object', required: ['id', 'contactId', 'title', 'completed'] };
  }
  if (service === 'associations') patchAssociations(doc);
  if (service === 'blogs') {
    // A category's name is its `label`; the spec requires a `name` it does not define.
    const category = schemas.CategoryResponseDTO!;
    category.required = category.required!.map((k) => (k === 'name' ? 'label' : k));
  }
  if (service === 'opportunities') {
    // Stages are objects ({ id, name, position, … }) and followers user ids; the spec types both
    // as arrays of arrays.
    const stages = schemas.PipelinesResponseSchema!.properties!.stages as { items: object };
    stages.items = { type: 'object', required: ['id', 'name'] };
    const opportunity = schemas.SearchOpportunitiesResponseSchema!.properties!;
    opportunity.followers = { type: 'array', items: { type: 'string' } };
    // Custom field values keep their type, numbers included; the spec's oneOf has no number.
    schemas.CustomFieldResponseSchema!.properties!.fieldValue = {};
  }
  if (service === 'conversations') {
    // A transcription is its sentences; the spec's schema is one sentence.
    setResponseSchema(
      doc,
      'get',
      '/conversations/locations/{locationId}/messages/{messageId}/transcription',
      '200',
      { type: 'array', items: { $ref: '#/components/schemas/GetMessageTranscriptionResponseDto' } },
    );
    // HighLevel's API reference shows the page wrapped in `messages`; the spec has it flat.
    setResponseSchema(doc, 'get', '/conversations/{conversationId}/messages', '200', {
      type: 'object',
      required: ['messages'],
      properties: {
        messages: {
          type: 'object',
          required: ['nextPage', 'messages'],
          properties: {
            lastMessageId: { type: 'string' },
            nextPage: { type: 'boolean' },
            messages: {
              type: 'array',
              items: { $ref: '#/components/schemas/GetMessageResponseDto' },
            },
          },
        },
      },
    });
  }
}

/** An association's labels and keys are strings, as the spec's own examples; it types them object. */
function patchAssociations(doc: OpenApiDocument): void {
  const schemas = doc.components!.schemas as Record<string, { properties: Record<string, object> }>;
  const association = schemas.GetPostSuccessfulResponseDto!.properties;
  for (const key of [
    'firstObjectLabel',
    'firstObjectKey',
    'secondObjectLabel',
    'secondObjectKey',
  ]) {
    association[key] = { type: 'string' };
  }
  association.associationType = { type: 'string', enum: ['USER_DEFINED', 'SYSTEM_DEFINED'] };
  const list = (name: string) => ({
    type: 'object',
    required: [name, 'total'],
    properties: {
      [name]: {
        type: 'array',
        items: { $ref: '#/components/schemas/GetPostSuccessfulResponseDto' },
      },
      total: { type: 'number' },
    },
  });
  // The lists answer their items under a key; the spec gives them one association's schema.
  setResponseSchema(doc, 'get', '/associations/', '200', list('associations'));
  setResponseSchema(doc, 'get', '/associations/objectKey/{objectKey}', '200', list('associations'));
  setResponseSchema(doc, 'get', '/associations/relations/{recordId}', '200', list('relations'));
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

/**
 * The content type the spec names for a file answer (a response with a `Content-Type` header and no
 * JSON content), or null for a JSON answer.
 */
function fileAnswerType(op: OperationInfo, status: number): string | null {
  const declared = (
    specFor(op.service).paths[op.path]?.[op.method.toLowerCase()] as FileOperation | undefined
  )?.responses?.[String(status)];
  if (!declared || declared.content) return null;
  return declared.headers?.['Content-Type']?.description ?? null;
}

interface FileOperation {
  responses?: Record<
    string,
    { content?: object; headers?: Record<string, { description?: string }> }
  >;
}

/** Throws with ajv's errors when `body` does not fit the operation's `status` response schema. */
export function assertConformant(op: OperationInfo, status: number, body: unknown): void {
  const fileType = fileAnswerType(op, status);
  if (fileType) {
    // A file answer: its bytes (or text) came with the spec's content type, checked by the caller.
    if (typeof body === 'string' || body instanceof Uint8Array) return;
    throw new Error(`${op.method} ${op.path} ${status} should be a ${fileType} file, not JSON`);
  }
  const validate = validatorFor(op, status);
  if (!validate(body)) {
    throw new Error(
      `${op.method} ${op.path} ${status} does not match the spec:\n` +
        ajv.errorsText(validate.errors, { separator: '\n' }) +
        `\nbody: ${JSON.stringify(body)}`,
    );
  }
}
