import { expect, it } from 'vitest';
import { describeOnBackends } from '../../test/harness.js';
import { openApiHoles, type OpenApiDocument } from '../../test/openApiHoles.js';
import { BOOKING_STATUSES } from '../bookingSync/core/bookingEvent.js';

/** Where the document may hold any JSON value, and why. */
const FREE_FORM = {
  'WebhookDelivery.payload.data.*':
    "A webhook event's data, whose fields depend on its type (docs/webhooks-out.md#events)",
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
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  enum?: string[];
  items?: Schema;
};

async function document(server: Parameters<Parameters<typeof describeOnBackends>[1]>[0]) {
  const res = await server().call('GET', '/openapi.json', { token: null });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as OpenApiDocument & {
    components: { schemas: Record<string, Schema> };
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

    it('answers every 4xx with the shared Error, whose details name the wrong fields', async () => {
      const { components } = await document(server);
      const details = components.schemas.ErrorDetails!;
      expect(details.properties?.fields?.items?.required).toEqual(['path', 'message']);
    });
  },
  { worker: false },
);
