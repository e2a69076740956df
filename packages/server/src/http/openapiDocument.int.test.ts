import { expect, it } from 'vitest';
import { describeOnBackends } from '../../test/harness.js';
import { openApiHoles, type OpenApiDocument } from '../../test/openApiHoles.js';
import { BOOKING_STATUSES } from '../bookingSync/core/bookingEvent.js';
import {
  TRIGGER_ITEM_EVENT,
  WEBHOOK_EVENT_TYPES,
  type DeliveredEventType,
} from '../webhooksOut/core/eventTypes.js';
import { schemaName } from '../webhooksOut/payloadSchemas.js';

/** Where the document may hold any JSON value, and why. */
const FREE_FORM = {
  'TriggerItemData.item':
    "An item a trigger found, as HighLevel answered it: each trigger's `output` schema in GET /v1/catalogue describes its own",
  'VoiceToolCallRecord.arguments.*':
    "A voice tool's arguments as the agent sent them: each tool reads its own, the audit keeps them all",
  'VapiToolCall.function.arguments.anyOf[1].*':
    "Vapi's arguments for a tool: each tool reads its own and answers in words what is wrong",
  'HighLevelWebhookEvent.*':
    "A HighLevel webhook's own fields, which differ by event type (dozens of them) and are checked by its signature, not a schema",
  'ReceivedHighLevelWebhook.payload.*': 'The webhook from HighLevel exactly as it was received',
  'JsonSchema.*':
    "A catalogue entry's input or output JSON Schema, taken from HighLevel's spec: any keyword a schema may hold",
  'ActionInput.*':
    "An action's input: each of the 69 actions has its own, checked against its `input` schema in GET /v1/catalogue",
  'TriggerInput.*':
    "A trigger's parameters: each of the 55 triggers has its own, checked against its `input` schema in GET /v1/catalogue",
  'McpMessage.*':
    "A Model Context Protocol message (JSON-RPC 2.0): the MCP SDK's transport reads it, and its methods and params are the protocol's",
  'McpCall.arguments.*':
    "An MCP tool's arguments as the agent sent them (secrets masked): each tool takes its own",
  'ActionResult.result':
    "HighLevel's answer as it sent it: each action's `output` schema in GET /v1/catalogue describes its own",
};

type Schema = {
  $ref?: string;
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping: Record<string, string> };
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  enum?: string[];
  items?: Schema;
};

interface Operation {
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses?: Record<string, unknown>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

async function document(server: Parameters<Parameters<typeof describeOnBackends>[1]>[0]) {
  const res = await server().call('GET', '/openapi.json', { token: null });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as OpenApiDocument & {
    components: { schemas: Record<string, Schema> };
    tags?: { name: string; description?: string }[];
    webhooks: Record<string, Record<string, Operation>>;
  };
}

describeOnBackends(
  'GET /openapi.json',
  (server) => {
    it('describes every request body and response with a real schema', async () => {
      expect(openApiHoles(await document(server), { freeForm: FREE_FORM })).toEqual([]);
    });

    it('documents the booking event with the schema that validates it', async () => {
      const { components, paths } = await document(server);
      const body = paths?.['/v1/workspaces/{ws}/bookings']?.post?.requestBody?.content;
      expect(body?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/BookingEvent',
      });
      const event = components.schemas.BookingEvent!;
      expect(event.required).toEqual(
        expect.arrayContaining(['id', 'version', 'status', 'startsAt', 'endsAt', 'customer']),
      );
      expect(event.properties?.status?.enum).toEqual([...BOOKING_STATUSES]);
      expect(Object.keys(event.properties?.customer?.properties ?? {})).toEqual(
        expect.arrayContaining(['email', 'phone']),
      );
      expect(components.schemas.Booking?.properties?.booking).toEqual({
        $ref: '#/components/schemas/StoredBooking',
      });
    });

    it('documents the voice settings as sent (strict) and as answered (defaults filled in)', async () => {
      const { components } = await document(server);
      const input = components.schemas.VoiceSettingsInput!;
      expect(input.additionalProperties).toBe(false);
      expect(input.required).toEqual(['calendarId', 'timezone', 'auth']);
      expect(Object.keys(input.properties?.rules?.properties ?? {})).toEqual(
        expect.arrayContaining(['workingHours', 'bufferBeforeMinutes', 'blackoutDates']),
      );
      const answered = components.schemas.VoiceSettings!;
      expect(answered.required).toEqual(
        expect.arrayContaining(['defaultCountry', 'rules', 'slotsToOffer']),
      );
      expect(answered.properties?.rules?.required).toEqual(
        expect.arrayContaining(['workingHours', 'minLeadMinutes', 'blackoutDates', 'slotMinutes']),
      );
    });

    it('documents each webhook the bridge sends: a signed POST whose body is its own event', async () => {
      const { components, webhooks } = await document(server);
      const types: DeliveredEventType[] = [...WEBHOOK_EVENT_TYPES, TRIGGER_ITEM_EVENT];
      expect(Object.keys(webhooks).sort()).toEqual([...types].sort());
      for (const type of types) {
        const post = webhooks[type]!.post!;
        const name = schemaName(type);
        expect(post.requestBody?.content['application/json']?.schema, type).toEqual(
          ref(`${name}Event`),
        );
        const event = components.schemas[`${name}Event`]!;
        expect(event.required).toEqual(['type', 'timestamp', 'data']);
        expect(event.properties?.type?.enum).toEqual([type]);
        expect(event.properties?.data).toEqual(ref(`${name}Data`));
        expect(post.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([
          ['webhook-id', 'header', true],
          ['webhook-timestamp', 'header', true],
          ['webhook-signature', 'header', true],
        ]);
        expect(Object.keys(post.responses ?? {})).toEqual(['2XX']);
      }
      expect(components.schemas.BookingSyncFailedData?.properties?.failureKind?.enum).toEqual([
        'credentials',
        'rejected',
        'exhausted',
      ]);
    });

    it("shows a delivery's payload as one of those events, told apart by its type", async () => {
      const { components } = await document(server);
      expect(components.schemas.WebhookDelivery?.properties?.payload).toEqual(
        ref('WebhookPayload'),
      );
      const payload = components.schemas.WebhookPayload!;
      expect(payload.discriminator?.propertyName).toBe('type');
      const types: DeliveredEventType[] = [...WEBHOOK_EVENT_TYPES, TRIGGER_ITEM_EVENT];
      expect(payload.discriminator?.mapping).toEqual(
        Object.fromEntries(types.map((type) => [type, ref(`${schemaName(type)}Event`).$ref])),
      );
      expect(payload.oneOf).toHaveLength(types.length);
    });

    it('puts every operation and webhook in one group the document lists and describes', async () => {
      const { paths, webhooks, tags } = await document(server);
      const listed = (tags ?? []).map((tag) => tag.name);
      expect(new Set(listed).size).toBe(listed.length);
      for (const tag of tags ?? []) expect(tag.description, tag.name).toBeTruthy();
      const used = new Set<string>();
      const items = [...Object.entries(paths ?? {}), ...Object.entries(webhooks)];
      for (const [path, item] of items) {
        for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
          const where = `${method.toUpperCase()} ${path}`;
          expect(operation.tags, where).toHaveLength(1);
          expect(listed, where).toContain(operation.tags![0]);
          used.add(operation.tags![0]!);
        }
      }
      expect([...used].sort()).toEqual([...listed].sort());
    });

    it('answers every 4xx with the shared Error, whose details name the wrong fields', async () => {
      const { components } = await document(server);
      const details = components.schemas.ErrorDetails!;
      expect(details.properties?.fields?.items?.required).toEqual(['path', 'message']);
    });
  },
  { worker: false },
);
