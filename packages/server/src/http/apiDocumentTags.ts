/**
 * The groups /openapi.json sorts its operations into: the sections of the reference at GET /docs.
 * Decided here, by path, in one place: a route file does not name its group, and a new route
 * lands in the group of the routes beside it.
 */

/** The groups, in the order the reference shows them. */
export const API_TAGS = [
  {
    name: 'Health',
    description:
      "Whether the bridge is up and ready, and a workspace's last hour of HighLevel calls",
  },
  {
    name: 'Dashboard sessions',
    description: 'Signing in to the dashboard with the admin token or a workspace API key',
  },
  {
    name: 'Workspaces',
    description: 'One workspace per booking app and HighLevel Location, each with its own API key',
  },
  {
    name: 'HighLevel connection',
    description:
      "A workspace's GoHighLevel Location: connected with a Private Integration token or the marketplace app, checked, disconnected",
  },
  {
    name: 'Bookings',
    description:
      "The booking app's bookings, each synced to its customer's HighLevel contact (docs/booking-events.md)",
  },
  {
    name: 'Booking sync',
    description: 'The sync jobs behind the bookings, their retries, and backfills of past bookings',
  },
  {
    name: 'Contacts, notes and tasks',
    description:
      "The app's own contacts, their notes and tasks, kept in HighLevel (docs/contacts.md)",
  },
  {
    name: 'Webhook endpoints',
    description:
      "Where the bridge sends its webhooks: the booking app's URLs, their signing secrets and deliveries (docs/webhooks-out.md)",
  },
  {
    name: 'Webhook events',
    description:
      "What the bridge POSTs to those URLs, signed per Standard Webhooks: one per event type, each with its body, in the document's `webhooks` (the Webhooks section of this reference)",
  },
  {
    name: 'Voice',
    description:
      'Voice booking: its settings, free slots, booking, moving and cancelling, calls and confirmations (docs/vapi.md)',
  },
  {
    name: 'Vapi',
    description: "Vapi's server URL: the tool calls and transfers of a Vapi assistant",
  },
  {
    name: 'Catalogue, actions and triggers',
    description:
      'Ready-made HighLevel operations: run an action, or subscribe to a trigger polled for news (docs/catalogue.md)',
  },
  {
    name: 'MCP',
    description:
      'The Model Context Protocol endpoint for AI agents, its clients and their calls (docs/mcp.md)',
  },
  {
    name: 'HighLevel webhooks',
    description:
      'The webhooks HighLevel sends the bridge, and the poll that finds the changes they missed (docs/reconciliation.md)',
  },
] as const;

export type ApiTag = (typeof API_TAGS)[number]['name'];

const WS = '/v1/workspaces/{ws}';

/** A path and the group of it and everything under it; the first that fits wins. */
const GROUPS: ReadonlyArray<readonly [string, ApiTag]> = [
  ['/healthz', 'Health'],
  ['/readyz', 'Health'],
  [`${WS}/health`, 'Health'],
  ['/v1/session', 'Dashboard sessions'],
  ['/v1/sessions', 'Dashboard sessions'],
  ['/v1/oauth', 'HighLevel connection'],
  [`${WS}/integrations/gohighlevel`, 'HighLevel connection'],
  ['/v1/webhooks/highlevel', 'HighLevel webhooks'],
  [`${WS}/highlevel-webhooks`, 'HighLevel webhooks'],
  [`${WS}/highlevel-reconciliation`, 'HighLevel webhooks'],
  [`${WS}/bookings`, 'Bookings'],
  [`${WS}/sync-jobs`, 'Booking sync'],
  [`${WS}/backfill`, 'Booking sync'],
  [`${WS}/backfills`, 'Booking sync'],
  [`${WS}/contacts`, 'Contacts, notes and tasks'],
  [`${WS}/webhook-endpoints`, 'Webhook endpoints'],
  [`${WS}/voice/vapi`, 'Vapi'],
  [`${WS}/voice`, 'Voice'],
  [`${WS}/availability`, 'Voice'],
  [`${WS}/appointments`, 'Voice'],
  ['/v1/catalogue', 'Catalogue, actions and triggers'],
  [`${WS}/actions`, 'Catalogue, actions and triggers'],
  [`${WS}/triggers`, 'Catalogue, actions and triggers'],
  [`${WS}/mcp`, 'MCP'],
  // Last: the workspaces, a workspace and its API key.
  ['/v1/workspaces', 'Workspaces'],
];

/**
 * The group of an operation at `path` (as the document writes it); undefined for a path no
 * group takes.
 *
 * @example tagOf('/v1/workspaces/{ws}/voice/calls/{callId}') // 'Voice'
 */
export function tagOf(path: string): ApiTag | undefined {
  return GROUPS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

type PathItems = Record<string, Record<string, unknown>>;

/**
 * `document` with the groups listed at its top and each operation of its `paths` in its group
 * (one that names its own groups keeps them).
 *
 * @example const tagged = withTags(app.getOpenAPI31Document(API_DOCUMENT_INFO));
 */
export function withTags<D extends { paths?: object }>(
  document: D,
): D & { tags: { name: ApiTag; description: string }[] } {
  const paths: PathItems = {};
  for (const [path, item] of Object.entries((document.paths ?? {}) as PathItems)) {
    const tag = tagOf(path);
    const tagged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      const operation = value as { tags?: string[] };
      const untagged = METHODS.has(key) && tag && !operation.tags;
      tagged[key] = untagged ? { ...operation, tags: [tag] } : value;
    }
    paths[path] = tagged;
  }
  return { ...document, tags: API_TAGS.map((tag) => ({ ...tag })), paths };
}
