/**
 * Custom field values on contact writes. HighLevel's DTO says `{id, key?, field_value}`;
 * integrators also send `value` and `fieldValue` (docs/highlevel-behaviour.md#custom-field-values),
 * and `key` may stand in for `id`. Values are checked against the field's dataType.
 */
import { badRequest, unprocessable } from '../errors.js';
import type { CustomFieldRecord } from '../locations/model.js';
import type { CustomFieldValue } from './core/model.js';

export const DATA_TYPES = [
  'TEXT',
  'LARGE_TEXT',
  'NUMERICAL',
  'PHONE',
  'MONETORY',
  'CHECKBOX',
  'SINGLE_OPTIONS',
  'MULTIPLE_OPTIONS',
  'DATE',
  'TEXTBOX_LIST',
  'FILE_UPLOAD',
  'RADIO',
  'EMAIL',
] as const;

const STRING_TYPES = new Set(['TEXT', 'LARGE_TEXT', 'PHONE', 'EMAIL', 'SINGLE_OPTIONS', 'RADIO']);
const NUMBER_TYPES = new Set(['NUMERICAL', 'MONETORY']);
const LIST_TYPES = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS']);
const OPTION_TYPES = new Set(['SINGLE_OPTIONS', 'RADIO', 'CHECKBOX', 'MULTIPLE_OPTIONS']);

type Checked = { value: CustomFieldValue } | { error: string };

/** `raw` as the stored value for `field`, or why it cannot be. */
export function checkValue(field: CustomFieldRecord, raw: unknown): Checked {
  const label = `customFields value for ${field.fieldKey} (${field.dataType})`;
  const { dataType } = field;
  let value: CustomFieldValue;
  if (STRING_TYPES.has(dataType)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      return { error: `${label} must be a string` };
    }
    value = String(raw);
  } else if (NUMBER_TYPES.has(dataType)) {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(n) || (typeof raw === 'string' && raw.trim() === '')) {
      return { error: `${label} must be a number` };
    }
    value = n;
  } else if (LIST_TYPES.has(dataType)) {
    const list = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
      return { error: `${label} must be an array of strings` };
    }
    value = list;
  } else if (dataType === 'DATE') {
    const ok =
      (typeof raw === 'number' && Number.isFinite(raw)) ||
      (typeof raw === 'string' && !Number.isNaN(Date.parse(raw)));
    if (!ok) return { error: `${label} must be a date (ISO 8601 or epoch ms)` };
    value = raw;
  } else if (dataType === 'TEXTBOX_LIST' || dataType === 'FILE_UPLOAD') {
    if (typeof raw !== 'object' || raw === null) return { error: `${label} must be an object` };
    value = raw as Record<string, unknown> | string[];
  } else {
    value = raw as CustomFieldValue;
  }
  if (OPTION_TYPES.has(dataType) && field.picklistOptions.length > 0) {
    const chosen = Array.isArray(value) ? value : [value];
    const bad = chosen.find((v) => typeof v !== 'string' || !field.picklistOptions.includes(v));
    if (bad !== undefined) {
      return {
        error: `${label} must be one of the following values: ${field.picklistOptions.join(', ')}`,
      };
    }
  }
  return { value };
}

interface CustomFieldInput {
  id?: unknown;
  key?: unknown;
  field_value?: unknown;
  value?: unknown;
  fieldValue?: unknown;
}

function findField(fields: CustomFieldRecord[], item: CustomFieldInput) {
  if (typeof item.id === 'string' && item.id !== '') {
    return fields.find((f) => f.id === item.id);
  }
  if (typeof item.key === 'string' && item.key !== '') {
    const key = item.key.includes('.') ? item.key : `contact.${item.key}`;
    return fields.find((f) => f.fieldKey === key);
  }
  return undefined;
}

/**
 * The custom field writes in `input` (a contact body's `customFields`): field id -> value, with
 * null meaning "clear". An id or key the Location does not have is a 400 (see DEVIATIONS.md);
 * a value of the wrong type is a 422 naming the field.
 */
export function customFieldWrites(
  input: unknown,
  fields: CustomFieldRecord[],
): Record<string, CustomFieldValue | null> {
  if (input === undefined) return {};
  if (!Array.isArray(input)) throw unprocessable(['customFields must be an array']);
  const writes: Record<string, CustomFieldValue | null> = {};
  const errors: string[] = [];
  input.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) {
      errors.push(`customFields.${i} must be an object`);
      return;
    }
    const item = raw as CustomFieldInput;
    if (item.id === undefined && item.key === undefined) {
      errors.push(`customFields.${i}.id should not be empty`);
      return;
    }
    const field = findField(fields, item);
    if (!field) {
      const ref = typeof item.id === 'string' ? item.id : String(item.key);
      throw badRequest(`Custom field not found for id:${ref}`);
    }
    const rawValue = item.field_value ?? item.value ?? item.fieldValue;
    if (rawValue === undefined || rawValue === null || rawValue === '') {
      writes[field.id] = null;
      return;
    }
    const checked = checkValue(field, rawValue);
    if ('error' in checked) errors.push(checked.error);
    else writes[field.id] = checked.value;
  });
  if (errors.length > 0) throw unprocessable(errors);
  return writes;
}
