/**
 * What a model is told about each booking tool: its description and the JSON Schema of its
 * arguments. The assistant users import into Vapi (docs/vapi-assistant.json) and the MCP server's
 * tool list (mcp/) both say exactly this; voice/assistantFile.test.ts holds the file to it.
 */
import type { ToolName } from './toolArgs.js';

/** A function tool as a model sees it. */
export interface ToolSchema {
  name: Exclude<ToolName, 'transfer_to_human'>;
  description: string;
  parameters: {
    type: 'object';
    properties: Record<string, { type: string; description?: string; enum?: string[] }>;
    required?: string[];
  };
}

/**
 * The function tools, in the order the assistant file lists them (`transfer_to_human` is Vapi's
 * own `transferCall` tool, not a function).
 *
 * @example TOOL_SCHEMAS.find((tool) => tool.name === 'book_appointment')?.parameters.properties.slotId
 */
export const TOOL_SCHEMAS: readonly ToolSchema[] = [
  {
    name: 'check_availability',
    description:
      'Finds bookable times. Returns slots with spoken labels and slot ids, or the nearest days that have openings.',
    parameters: {
      type: 'object',
      properties: {
        date: {
          type: 'string',
          description: "A date as YYYY-MM-DD. Turn words like 'tomorrow' into a date first.",
        },
        from: {
          type: 'string',
          description: 'Start of a range: YYYY-MM-DD or a date and time.',
        },
        to: {
          type: 'string',
          description: 'End of a range: YYYY-MM-DD (inclusive) or a date and time.',
        },
        timezone: {
          type: 'string',
          description:
            "The caller's IANA timezone, like America/Chicago, if they are not in the business's.",
        },
        service: {
          type: 'string',
          description:
            "The service asked for, if any, as the caller says it (like 'haircut'): it chooses the calendar.",
        },
        provider: {
          type: 'string',
          description:
            "The person the caller wants to see, as they say it (like 'Dr. Lee'), or 'anyone'. Leave out if they have no preference.",
        },
        language: {
          type: 'string',
          description:
            "The language the caller speaks, like es or fr-CA, when it is not the business's. Answers are then in it (English, Spanish, French or German).",
        },
      },
    },
  },
  {
    name: 'book_appointment',
    description:
      'Books a slot for the caller. Only say the appointment is booked when status is booked.',
    parameters: {
      type: 'object',
      properties: {
        slotId: {
          type: 'string',
          description: 'The id of a slot exactly as check_availability returned it.',
        },
        startTime: {
          type: 'string',
          description:
            'Only if no slot id: a date and time with offset, like 2026-12-01T14:30:00-05:00.',
        },
        name: {
          type: 'string',
          description: "The caller's full name.",
        },
        phone: {
          type: 'string',
          description:
            "The caller's phone number with area code. Leave out to use the number they are calling from.",
        },
        email: {
          type: 'string',
          description: "The caller's email address.",
        },
        notes: {
          type: 'string',
          description: 'Anything the caller wants the business to know.',
        },
        timezone: {
          type: 'string',
          description:
            "The caller's IANA timezone, like America/Chicago, if they are not in the business's: a startTime without an offset is read in it, and the answer is spoken in it.",
        },
        service: {
          type: 'string',
          description: 'The service asked for, if any, as check_availability was asked.',
        },
        provider: {
          type: 'string',
          description:
            "Only when booking by startTime: the person asked for, or 'anyone'. A slot id already names them.",
        },
        preferredContactMethod: {
          type: 'string',
          enum: ['sms', 'email', 'call'],
          description: 'How the caller would rather be reached, if they say.',
        },
        language: {
          type: 'string',
          description:
            "The language the caller speaks, like es or fr-CA, when it is not the business's. Answers are then in it (English, Spanish, French or German).",
        },
      },
      required: ['name'],
    },
  },
  {
    name: 'find_appointments',
    description: "Lists the caller's upcoming appointments.",
    parameters: {
      type: 'object',
      properties: {
        phone: {
          type: 'string',
          description:
            "The caller's phone number with area code. Leave out to use the number they are calling from.",
        },
        email: {
          type: 'string',
          description: "The caller's email address.",
        },
        language: {
          type: 'string',
          description:
            "The language the caller speaks, like es or fr-CA, when it is not the business's. Answers are then in it (English, Spanish, French or German).",
        },
      },
    },
  },
  {
    name: 'reschedule_appointment',
    description: "Moves the caller's appointment to another slot from check_availability.",
    parameters: {
      type: 'object',
      properties: {
        appointmentId: {
          type: 'string',
          description: 'The appointment id from find_appointments or a booking.',
        },
        slotId: {
          type: 'string',
          description: 'The id of a slot exactly as check_availability returned it.',
        },
        startTime: {
          type: 'string',
          description:
            'Only if no slot id: a date and time with offset, like 2026-12-01T14:30:00-05:00.',
        },
        phone: {
          type: 'string',
          description:
            "The caller's phone number with area code. Leave out to use the number they are calling from.",
        },
        email: {
          type: 'string',
          description: "The caller's email address.",
        },
        timezone: {
          type: 'string',
          description:
            "The caller's IANA timezone, like America/Chicago, if they are not in the business's: a startTime without an offset is read in it, and the answer is spoken in it.",
        },
        reason: {
          type: 'string',
          description: 'Why the caller moves or cancels, in their words, if they say.',
        },
        language: {
          type: 'string',
          description:
            "The language the caller speaks, like es or fr-CA, when it is not the business's. Answers are then in it (English, Spanish, French or German).",
        },
      },
    },
  },
  {
    name: 'cancel_appointment',
    description: "Cancels the caller's appointment.",
    parameters: {
      type: 'object',
      properties: {
        appointmentId: {
          type: 'string',
          description: 'The appointment id from find_appointments or a booking.',
        },
        phone: {
          type: 'string',
          description:
            "The caller's phone number with area code. Leave out to use the number they are calling from.",
        },
        email: {
          type: 'string',
          description: "The caller's email address.",
        },
        reason: {
          type: 'string',
          description: 'Why the caller moves or cancels, in their words, if they say.',
        },
        language: {
          type: 'string',
          description:
            "The language the caller speaks, like es or fr-CA, when it is not the business's. Answers are then in it (English, Spanish, French or German).",
        },
      },
    },
  },
];
