/**
 * The shape of one catalogue entry: a ready-made trigger or action as a no-code HighLevel
 * connector lists it, mapped to the HighLevel API v2 operation that does it. Each category's
 * file lists its entries as written here (`EntryDraft`); `catalogue.ts` adds what the spec says
 * about the operation (scopes, token kinds, input and output JSON Schemas, where each input goes).
 */

/** The connector's categories, in its order. */
export const CATEGORIES = [
  'Contacts',
  'Calendars & Appointments',
  'Opportunities',
  'Users',
  'Conversations & Messages',
  'Businesses',
  'Workflows & Campaigns',
  'Other Operations',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** A trigger is polled (every 1–15 minutes) and reports what is new; an action is run once. */
export type EntryKind = 'trigger' | 'action';

/** One HighLevel v2 operation, exactly as `spec/highlevel` names it. */
export interface OperationRef {
  /** Upper-case HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path template, e.g. `/contacts/{contactId}`. */
  path: string;
}

/**
 * What makes a polled item news, besides a new id: a field that changes whenever the item does
 * (`dateUpdated`), any change of the item's content (for answers without such a field), or
 * nothing (`new-ids-only`: items only ever appear, like the messages of a conversation).
 */
export type ChangeMarker = { field: string } | 'content' | 'new-ids-only';

/**
 * How a list trigger reads every page of its answer: by page number (`page`, from 1) or by items
 * skipped (`offset`), `size` items a page, each page's fields set through the trigger's own
 * input fields (so they go where the operation takes them). A trigger without it reads one page,
 * as its parameters ask.
 */
export interface Paging {
  by: 'page' | 'offset';
  /** The input field of the page number or the items skipped: `page`, `skip`, `offset`. */
  field: string;
  /** The input field of the page size: `limit`, `pageLimit`. */
  sizeField: string;
  size: number;
}

/** How a trigger finds new and changed items in HighLevel's answer. */
export interface TriggerDetection {
  /**
   * Where the items are, as a dotted path into the answer: `contacts`, `messages.messages`;
   * `''` is the answer itself; `*` stands for every key of an object (free slots are keyed by day).
   */
  list: string;
  /** `many`: `list` holds an array of items; `one`: it holds the one item a "get" trigger watches. */
  holds: 'many' | 'one';
  /** The item's id field, or null when items carry none and an item's value is its identity. */
  id: string | null;
  changeMarker: ChangeMarker;
  paging?: Paging;
}

/** An entry as its category file writes it. */
export interface EntryDraft {
  /** Stable machine name: the listed name in kebab case, e.g. `get-contact`. */
  name: string;
  /** The name as the connector lists it. */
  title: string;
  /** The connector's one-line description. */
  description: string;
  kind: EntryKind;
  /** The HighLevel operation that does it; null only when `unsupported`. */
  operation: OperationRef | null;
  /** Triggers only: how new and changed items are found. */
  detect?: TriggerDetection;
  /** What a user should know: a deprecated endpoint replaced, a limit of HighLevel's. */
  note?: string;
  /** Why HighLevel's v2 API cannot do this; the entry is listed but cannot run. */
  unsupported?: string;
}

/** A JSON Schema, as plain data. */
export type JsonSchema = Record<string, unknown>;

/**
 * Where one input field goes in the request: a path parameter, a query parameter, a property of
 * the JSON body, or the whole body (an operation whose body is an array).
 */
export type InputPlacement = 'path' | 'query' | 'body' | 'whole-body';

/** What the spec says about an operation the catalogue uses (generated; see catalogue.ts). */
export interface OperationSchemas {
  operationId: string;
  /** OAuth scopes from the operation's `security`, sorted. */
  scopes: string[];
  /** Token kinds the operation accepts: `Location-Access`, `Agency-Access`, or `bearer` (either). */
  access: string[];
  deprecated: boolean;
  /** Every input field: path and query parameters, then body properties. */
  input: JsonSchema;
  placement: Record<string, InputPlacement>;
  /** The success status code. */
  status: number;
  /** The success answer's schema; a description only when it is not JSON (a file). */
  output: JsonSchema;
}

/** A complete entry: the draft and what its operation needs and answers. */
export interface CatalogueEntry extends Omit<EntryDraft, 'operation'> {
  category: Category;
  /** The HighLevel operations it uses (one, or none when unsupported). */
  operations: OperationRef[];
  scopes: string[];
  access: string[];
  input: JsonSchema;
  /** Where each input field goes (see `InputPlacement`). */
  placement: Record<string, InputPlacement>;
  output: JsonSchema;
}
