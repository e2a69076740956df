/**
 * The control API described for people and scripts: `GET /_emulator` answers this list, so the
 * routes can be found from a running emulator without the README. `routes.int.test.ts` checks it
 * names exactly the routes that exist.
 */

export interface ControlField {
  name: string;
  /** In the body's JSON terms: `string`, `number`, `string[]`, `ISO string | epoch ms` … */
  type: string;
  required: boolean;
  description?: string;
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/_emulator`; `:id` is a path parameter. */
  path: string;
  does: string;
  body?: ControlField[];
  query?: ControlField[];
}

const field = (
  name: string,
  type: string,
  description?: string,
  required = false,
): ControlField => ({ name, type, required, ...(description ? { description } : {}) });
const required = (name: string, type: string, description?: string) =>
  field(name, type, description, true);

const LOCATION_OR_COMPANY = [
  field('locationId', 'string', 'the sub-account (or companyId)'),
  field('companyId', 'string', 'the agency (or locationId)'),
];

export const CONTROL_API: readonly ControlRoute[] = [
  { method: 'GET', path: '/_emulator', does: 'this list of the control API' },
  {
    method: 'POST',
    path: '/_emulator/locations',
    does: 'create a Location (sub-account) and a private-integration token holding every scope; 201 {locationId, companyId, token}',
    body: [
      field('name', 'string'),
      field('timezone', 'string', 'IANA zone; default America/New_York'),
      field('country', 'string', 'ISO code national phone numbers are read in; default US'),
      field('companyId', 'string', 'add the Location to this agency'),
      field('allowDuplicateContact', 'boolean', 'default false, as on HighLevel'),
      field('duplicatePriority', '("email" | "phone")[]', 'default ["email", "phone"]'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/tokens',
    does: 'a new private-integration token for the Location; 201 {token}',
    body: [
      field('scopes', 'string[]', 'default every scope'),
      field('expiresAt', 'epoch ms', 'refused with 401 Invalid JWT after this'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/users',
    does: 'create a user of the Location (calendar team members are users); 201 user',
    body: [
      field('firstName', 'string'),
      field('lastName', 'string'),
      field('email', 'string'),
      field('phone', 'string'),
      field('role', '"admin" | "user"'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/calendars',
    does: "create a calendar with the body of HighLevel's POST /calendars/ (CalendarCreateDTO fields and defaults); 201 calendar, 422 invalid_calendar with field errors",
    body: [
      required('name', 'string'),
      field(
        'openHours',
        'object[]',
        '{daysOfTheWeek, hours: [{openHour, openMinute, closeHour, closeMinute}]}',
      ),
      field('slotDuration', 'number', 'minutes'),
      field('slotInterval', 'number', 'minutes'),
      field(
        'teamMembers',
        'object[]',
        '{userId, priority?: 0 | 0.5 | 1, isPrimary?}: users of the Location',
      ),
      field('…', 'any', 'every other CalendarCreateDTO field'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/pipelines',
    does: 'create an opportunity pipeline; 201 pipeline with its stages',
    body: [
      field('name', 'string'),
      field('stages', '(string | {name, id?})[]', 'default New, Contacted, Booked, Won'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/workflows',
    does: 'create a workflow, as staff build one in HighLevel; 201 workflow as GET /workflows/ lists it',
    body: [
      field('name', 'string', 'default New Workflow'),
      field('status', '"draft" | "published"', 'default published'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/campaigns',
    does: 'create a campaign, as staff build one in HighLevel; 201 campaign',
    body: [
      field('name', 'string', 'default New Campaign'),
      field('status', '"draft" | "published"', 'default published'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/calls',
    does: "record a call with a contact, as staff phoning from HighLevel; 201 {conversationId, messageId} of the call's TYPE_CALL message",
    body: [
      required('contactId', 'string', 'a contact of the Location'),
      field('direction', '"inbound" | "outbound"', 'default outbound'),
      field('durationSeconds', 'number', 'default 30'),
      field('status', '"completed" | "voicemail"', 'default completed'),
      field('recordingBase64', 'string', 'the WAV file; default silence as long as the call'),
      field('transcript', 'string[]', 'one sentence a line; [] for none'),
    ],
  },
  {
    method: 'PUT',
    path: '/_emulator/locations/:id/calls/:messageId/recording',
    does: "replace a call's recording and transcription, as when HighLevel finishes transcribing it; 200 {messageId, recordingBytes, transcription}",
    body: [
      field('recordingBase64', 'string', 'the WAV file; default silence'),
      field('transcript', 'string[]', 'one sentence a line'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/blogs',
    does: 'create a blog site, as staff do in HighLevel; 201 blog',
    body: [field('name', 'string', 'default My Blog')],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/blog-authors',
    does: 'create a blog author; 201 author',
    body: [field('name', 'string', 'default Staff Writer'), field('canonicalLink', 'string')],
  },
  {
    method: 'POST',
    path: '/_emulator/locations/:id/blog-categories',
    does: 'create a blog category; 201 category',
    body: [
      field('label', 'string', 'default News'),
      field('urlSlug', 'string', 'default the label in kebab case'),
      field('canonicalLink', 'string'),
    ],
  },
  {
    method: 'GET',
    path: '/_emulator/locations/:id/state',
    does: 'everything stored for the Location: contacts, notes, tags, fields, calendars, appointments …',
  },
  {
    method: 'GET',
    path: '/_emulator/requests',
    does: 'the request log: method, path, operation template, status, time, duration, locationId',
    query: [field('locationId', 'string', 'only this Location')],
  },
  { method: 'GET', path: '/_emulator/faults', does: 'the fault rules with their hit counts' },
  {
    method: 'PUT',
    path: '/_emulator/faults',
    does: 'replace the fault rules: an array of rules or {rules}',
    body: [
      field(
        'match',
        'object',
        '{method?, path? (spec template, exact path or ^regex), locationId?}',
      ),
      field('status', 'number', 'answer this instead of handling the request'),
      field('body', 'any', 'JSON body for status'),
      field('latencyMs', 'number', 'delay on the emulator clock'),
      field('probability', 'number', '0..1; default 1'),
      field('count', 'number', 'requests hit before the rule is used up'),
      field(
        'commitThenFail',
        '"status" | "drop"',
        'apply the write, then fail or drop the connection',
      ),
      field('slowBodyMs', 'number', 'send the body this late'),
    ],
  },
  { method: 'DELETE', path: '/_emulator/faults', does: 'remove every fault rule' },
  {
    method: 'POST',
    path: '/_emulator/reset',
    does: 'empty everything, then apply the seed again',
  },
  { method: 'GET', path: '/_emulator/clock', does: "the emulator clock's time: {now}" },
  {
    method: 'PUT',
    path: '/_emulator/clock',
    does: 'jump the emulator clock (its own clock only)',
    body: [required('now', 'ISO string | epoch ms')],
  },
  {
    method: 'POST',
    path: '/_emulator/clock/advance',
    does: 'move the emulator clock forward, running what falls due',
    body: [required('ms', 'number')],
  },
  {
    method: 'POST',
    path: '/_emulator/companies',
    does: 'create an agency; 201 {companyId}',
    body: [field('name', 'string')],
  },
  {
    method: 'POST',
    path: '/_emulator/companies/:id/snapshots',
    does: 'save a snapshot of the agency, as staff do in HighLevel; 201 snapshot as GET /snapshots/ lists it',
    body: [
      field('name', 'string', 'default New Snapshot'),
      field('type', '"own" | "imported"', 'default own'),
    ],
  },
  {
    method: 'PATCH',
    path: '/_emulator/locations/:id',
    does: "edit the Location's settings, as staff do in HighLevel; 200 the Location",
    body: [field('name', 'string'), field('timezone', 'string', 'IANA zone')],
  },
  {
    method: 'POST',
    path: '/_emulator/apps',
    does: 'register a marketplace app; 201 {appId, clientId, clientSecret}',
    body: [
      field('name', 'string'),
      field('scopes', 'string[]'),
      field('webhookUrl', 'string'),
      field('events', 'string[]'),
      field('redirectUri', 'string'),
    ],
  },
  {
    method: 'PATCH',
    path: '/_emulator/apps/:appId',
    does: "change an app's settings, as its developer does in the marketplace; 200 the app",
    body: [
      field('webhookUrl', 'string | null'),
      field('events', 'string[] | null'),
      field('redirectUri', 'string | null'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/apps/:appId/install',
    does: 'what the consent screen does: 201 {code, redirectUrl, userType, companyId, locationId}; sends INSTALL',
    body: [
      ...LOCATION_OR_COMPANY,
      field('userType', '"Location" | "Company"'),
      field('locationIds', 'string[]'),
      field('userId', 'string'),
      field('scopes', 'string[]'),
      field('redirectUri', 'string'),
    ],
  },
  {
    method: 'POST',
    path: '/_emulator/apps/:appId/uninstall',
    does: "revoke the app's tokens there; sends UNINSTALL",
    body: LOCATION_OR_COMPANY,
  },
  {
    method: 'PUT',
    path: '/_emulator/webhooks',
    does: "send the Location's events (or only events) to url",
    body: [
      required('locationId', 'string'),
      required('url', 'string'),
      field('events', 'string[]'),
    ],
  },
  {
    method: 'DELETE',
    path: '/_emulator/webhooks',
    does: "stop the Location's webhooks",
    query: [required('locationId', 'string')],
  },
  {
    method: 'GET',
    path: '/_emulator/webhooks/deliveries',
    does: 'the delivery log: URL, event, webhookId, attempts, state, last status',
  },
  {
    method: 'GET',
    path: '/_emulator/webhooks/faults',
    does: 'the webhook drop and delay settings in force',
  },
  {
    method: 'PUT',
    path: '/_emulator/webhooks/faults',
    does: 'from now on, never send a share of the webhook deliveries (logged as dropped) and hold back a share of the others; fields left out take their defaults',
    body: [
      field('dropRate', 'number', '0..1 of deliveries never sent; default 0'),
      field(
        'delayRate',
        'number',
        '0..1 of the others held back; default 1 when a delay is set, else 0',
      ),
      field('delayMs', 'number', 'shortest hold-back in ms; default 0'),
      field('maxDelayMs', 'number', 'longest hold-back in ms; default delayMs'),
      field(
        'seed',
        'number | null',
        'repeat the same drops and delays; default the emulator random',
      ),
    ],
  },
  {
    method: 'DELETE',
    path: '/_emulator/webhooks/faults',
    does: 'send every webhook again, at once',
  },
  {
    method: 'GET',
    path: '/_emulator/keys',
    does: 'the public keys (PEM) webhooks are signed with: {ed25519, rsa}',
  },
];
