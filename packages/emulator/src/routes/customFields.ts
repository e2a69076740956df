/**
 * Location custom fields: `/locations/{locationId}/customFields[/{id}]` (locations.json
 * CreateCustomFieldsDTO, UpdateCustomFieldsDTO; docs/highlevel-behaviour.md#custom-fields).
 */
import { DATA_TYPES } from '../contacts/customFieldValues.js';
import { dtoRules, validBody, type DtoAdjustments } from '../dto.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route, type RouteRequest } from '../runtime.js';
import type { CustomFieldRecord } from '../locations/model.js';

/**
 * Beyond the DTO: `fieldKey`, `parentId` and `description` work on HighLevel (a maintainer
 * confirmed it: https://github.com/GoHighLevel/highlevel-api-docs/issues/300); `options` (picklist
 * values) is this emulator's way to set SINGLE_OPTIONS/MULTIPLE_OPTIONS/CHECKBOX/RADIO choices,
 * which the v2 DTO lacks (see DEVIATIONS.md).
 */
const extra: DtoAdjustments['extra'] = {
  fieldKey: { type: 'string', nullable: false },
  parentId: { type: 'string', nullable: false },
  description: { type: 'string', nullable: false },
  options: { type: 'array', nullable: false },
};
const createRules = dtoRules('locations', 'CreateCustomFieldsDTO', { extra });
const updateRules = dtoRules('locations', 'UpdateCustomFieldsDTO', {
  extra: { parentId: extra.parentId!, description: extra.description!, options: extra.options! },
});

export function customFieldView(field: CustomFieldRecord): Record<string, unknown> {
  const { dateAdded: _dateAdded, ...view } = field;
  return {
    ...view,
    picklistImageOptions: [],
    isAllowedCustomOption: false,
    isMultiFileAllowed: field.isMultiFileAllowed ?? false,
  };
}

/** `Total Bookings` -> `total_bookings`, as HighLevel derives field keys from names. */
export function keyFromName(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'field'
  );
}

function options(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  // Plain strings, or `{ key, label }` items as Custom Fields V2 takes them.
  const label = (o: unknown) => {
    if (typeof o === 'string') return o;
    const l = typeof o === 'object' && o !== null ? (o as { label?: unknown }).label : undefined;
    return typeof l === 'string' ? l : '';
  };
  return (raw as unknown[]).map(label).filter((o) => o !== '');
}

function fieldsOf({ rt, location }: RouteRequest) {
  return Object.values(rt.state.customFields).filter((f) => f.locationId === location.id);
}

/** By id or by field key (`contact.first_name`), as HighLevel's GET accepts either. */
function fieldOf(req: RouteRequest): CustomFieldRecord {
  const ref = req.params.id!;
  const field = fieldsOf(req).find((f) => f.id === ref || f.fieldKey === ref);
  if (!field) throw badRequest(`Custom field not found for id:${ref}`);
  return field;
}

export const listCustomFieldsRoute = route('GET', '/locations/{locationId}/customFields', (req) => {
  const model = req.query.get('model') ?? 'all';
  if (!['contact', 'opportunity', 'all'].includes(model)) {
    throw unprocessable(['model must be one of the following values: contact, opportunity, all']);
  }
  const fields = fieldsOf(req)
    .filter((f) => model === 'all' || f.model === model)
    .sort((a, b) => a.position - b.position || a.dateAdded.localeCompare(b.dateAdded));
  return { status: 200, body: { customFields: fields.map(customFieldView) } };
});

export const createCustomFieldRoute = route(
  'POST',
  '/locations/{locationId}/customFields',
  (req) => {
    const input = validBody(createRules, req.body);
    const dataType = String(input.dataType);
    if (!(DATA_TYPES as readonly string[]).includes(dataType)) {
      throw unprocessable([
        `dataType must be one of the following values: ${DATA_TYPES.join(', ')}`,
      ]);
    }
    const model = (input.model as CustomFieldRecord['model'] | undefined) ?? 'contact';
    const taken = new Set(fieldsOf(req).map((f) => f.fieldKey));
    let fieldKey: string;
    if (typeof input.fieldKey === 'string') {
      fieldKey = input.fieldKey.includes('.') ? input.fieldKey : `${model}.${input.fieldKey}`;
      if (taken.has(fieldKey)) throw badRequest(`Custom field with key ${fieldKey} already exists`);
    } else {
      const base = `${model}.${keyFromName(String(input.name))}`;
      fieldKey = base;
      for (let n = 1; taken.has(fieldKey); n++) fieldKey = `${base}_${n}`;
    }
    const field: CustomFieldRecord = {
      id: newId(),
      locationId: req.location.id,
      name: String(input.name),
      fieldKey,
      dataType,
      placeholder: (input.placeholder as string | undefined) ?? '',
      position: (input.position as number | undefined) ?? 0,
      model,
      picklistOptions: options(input.options) ?? [],
      dateAdded: nowIso(req.rt),
    };
    if (input.acceptedFormat) field.acceptedFormat = input.acceptedFormat as string[];
    if (input.isMultipleFile !== undefined) field.isMultiFileAllowed = !!input.isMultipleFile;
    if (input.maxNumberOfFiles !== undefined) field.maxFileLimit = input.maxNumberOfFiles as number;
    if (input.textBoxListOptions) {
      field.textBoxListOptions =
        input.textBoxListOptions as CustomFieldRecord['textBoxListOptions'];
    }
    if (input.parentId) field.parentId = input.parentId as string;
    if (input.description) field.description = input.description as string;
    req.rt.state.customFields[field.id] = field;
    return { status: 201, body: { customField: customFieldView(field) } };
  },
);

export const getCustomFieldRoute = route(
  'GET',
  '/locations/{locationId}/customFields/{id}',
  (req) => ({ status: 200, body: { customField: customFieldView(fieldOf(req)) } }),
);

export const updateCustomFieldRoute = route(
  'PUT',
  '/locations/{locationId}/customFields/{id}',
  (req) => {
    const field = fieldOf(req);
    const input = validBody(updateRules, req.body);
    field.name = String(input.name);
    if (input.placeholder !== undefined) field.placeholder = input.placeholder as string;
    if (input.position !== undefined) field.position = input.position as number;
    if (input.model !== undefined) field.model = input.model as CustomFieldRecord['model'];
    if (input.acceptedFormat) field.acceptedFormat = input.acceptedFormat as string[];
    if (input.isMultipleFile !== undefined) field.isMultiFileAllowed = !!input.isMultipleFile;
    if (input.maxNumberOfFiles !== undefined) field.maxFileLimit = input.maxNumberOfFiles as number;
    if (input.parentId) field.parentId = input.parentId as string;
    if (input.description) field.description = input.description as string;
    const picklist = options(input.options);
    if (picklist) field.picklistOptions = picklist;
    return { status: 200, body: { customField: customFieldView(field) } };
  },
);

/** Deleting a field also drops its values from every contact. */
export const deleteCustomFieldRoute = route(
  'DELETE',
  '/locations/{locationId}/customFields/{id}',
  (req) => {
    const field = fieldOf(req);
    delete req.rt.state.customFields[field.id];
    for (const contact of Object.values(req.rt.state.contacts)) {
      delete contact.customFields[field.id];
    }
    return { status: 200, body: { succeded: true } };
  },
);

export const customFieldRoutes = [
  listCustomFieldsRoute,
  createCustomFieldRoute,
  getCustomFieldRoute,
  updateCustomFieldRoute,
  deleteCustomFieldRoute,
];
