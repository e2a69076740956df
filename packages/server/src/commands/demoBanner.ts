/**
 * The demo's part of the `start --demo` banner: the demo workspace, and curls that work as
 * printed — the connection as a booking platform sees it, a booking posted as a booking platform
 * posts it, free times asked for and a slot booked as a Vapi assistant asks, and the emulator's
 * state and control API. No emulator here: `demo.ts` makes the workspace this prints.
 */
import { DateTime } from 'luxon';

export interface DemoWorkspace {
  workspaceId: string;
  apiKey: string;
  locationId: string;
  locationName: string | null;
  /** What Vapi sends as `X-Vapi-Secret` to the demo workspace's voice endpoint. */
  voiceSecret: string;
  calendarId: string;
}

/** The emulated demo calendar's zone: Mon-Fri 09:00-17:00 there. */
export const DEMO_ZONE = 'America/New_York';

/**
 * The next weekday in the demo calendar's zone (its hours are Mon-Fri), as YYYY-MM-DD.
 *
 * @example nextWeekday(new Date('2026-06-05T12:00:00Z')); // '2026-06-08' (a Friday -> Monday)
 */
export function nextWeekday(now: Date): string {
  let day = DateTime.fromJSDate(now).setZone(DEMO_ZONE).startOf('day').plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/**
 * A Vapi `tool-calls` message with one call of a booking tool, as Vapi posts it
 * (https://docs.vapi.ai/server-url/events#function-calling). Each tool has its own call id: a
 * booking is done once per call and slot, so the printed curl answers the same when run again.
 */
function vapiToolCall(tool: string, args: Record<string, unknown>) {
  return {
    message: {
      type: 'tool-calls',
      call: { id: `demo-call-${tool}` },
      toolCallList: [
        { id: `demo-${tool}-1`, type: 'function', function: { name: tool, arguments: args } },
      ],
    },
  };
}

/**
 * The banner's lines for the demo workspace `ws`, served at `apiUrl`; the times are on the next
 * weekday after `options.now`.
 *
 * @example for (const line of demoBanner(ws, 'http://127.0.0.1:3000', { emulatorUrl })) console.error(line);
 */
export function demoBanner(
  ws: DemoWorkspace,
  apiUrl: string,
  options: { emulatorUrl?: string; now?: Date } = {},
): string[] {
  const day = nextWeekday(options.now ?? new Date());
  const workspaceUrl = `${apiUrl}/v1/workspaces/${ws.workspaceId}`;
  // That day's offset in New York, so the times are right in summer and winter.
  const at = (time: string) =>
    `${day}T${time}:00${DateTime.fromISO(`${day}T${time}`, { zone: DEMO_ZONE }).toFormat('ZZ')}`;
  const booking = {
    id: 'demo-booking-1',
    version: 1,
    status: 'confirmed',
    startsAt: at('10:00'),
    endsAt: at('11:00'),
    timezone: DEMO_ZONE,
    service: { name: 'Consultation' },
    price: { amount: '80.00', currency: 'USD' },
    payment: { status: 'paid' },
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  };
  const bearer = `-H "Authorization: Bearer ${ws.apiKey}"`;
  const json = '-H "Content-Type: application/json"';
  const vapiCurl = (body: unknown) => [
    `  curl -s -X POST ${workspaceUrl}/voice/vapi \\`,
    `    -H "X-Vapi-Secret: ${ws.voiceSecret}" ${json} \\`,
    `    -d '${JSON.stringify(body)}'`,
  ];
  const emulator = options.emulatorUrl;
  return [
    '',
    `  Demo workspace ${ws.workspaceId}, API key ${ws.apiKey}`,
    `  Connected to the emulated Location ${ws.locationId}${ws.locationName ? ` "${ws.locationName}"` : ''}`,
    `  Voice booking on its calendar ${ws.calendarId} (Mon-Fri 09:00-17:00 New York), Vapi secret ${ws.voiceSecret}`,
    '',
    'Try it. The demo workspace’s GoHighLevel connection, as a booking platform sees it:',
    '',
    `  curl -s ${workspaceUrl}/integrations/gohighlevel \\`,
    `    ${bearer}`,
    '',
    'A booking, as a booking platform posts it (the workers sync it to the emulated HighLevel):',
    '',
    `  curl -s -X POST ${workspaceUrl}/bookings \\`,
    `    ${bearer} ${json} \\`,
    `    -d '${JSON.stringify(booking)}'`,
    '',
    `  and its sync state: curl -s ${workspaceUrl}/bookings/${booking.id} ${bearer}`,
    ...(emulator
      ? [
          `  what HighLevel received: curl -s ${emulator}/_emulator/locations/${ws.locationId}/state`,
        ]
      : []),
    '',
    'Free times on the demo calendar, as a Vapi assistant asks for them (tool check_availability):',
    '',
    ...vapiCurl(vapiToolCall('check_availability', { date: day })),
    '',
    'A caller booked on the demo calendar at 2 PM New York, as a Vapi assistant books (tool',
    'book_appointment; a slotId from check_availability works instead of startTime):',
    '',
    ...vapiCurl(
      vapiToolCall('book_appointment', {
        startTime: at('14:00'),
        name: 'Grace Hopper',
        email: 'grace@example.com',
      }),
    ),
    ...(emulator
      ? [
          '',
          `The emulated HighLevel's control API (faults, clock, state), listed: curl -s ${emulator}/_emulator`,
        ]
      : []),
  ];
}
