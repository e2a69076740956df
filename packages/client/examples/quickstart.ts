/**
 * The README's quick start as a program: upsert a contact, tag it without touching its other
 * tags, leave a note, and list the next free calendar slots.
 *
 *   GHL_TOKEN=pit-… GHL_LOCATION_ID=… GHL_CALENDAR_ID=… npx tsx examples/quickstart.ts
 *
 * Against the local emulator: `npx ghl-emulator --seed demo` prints a token, Location and
 * calendar; add GHL_API_BASE_URL=http://127.0.0.1:4010.
 */
import { fileURLToPath } from 'node:url';
import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';

export interface QuickstartOptions {
  token: string;
  locationId: string;
  calendarId?: string;
  baseUrl?: string;
}

export async function quickstart({ token, locationId, calendarId, baseUrl }: QuickstartOptions) {
  const hl = new HighLevel({ auth: privateIntegrationToken(token, { locationId }), baseUrl });

  // Upsert matches on email/phone per the Location's duplicate rules; tags are never sent here.
  const { contact, new: created } = await hl.contacts.upsert({
    locationId,
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
  const tags = await hl.contacts.addTags(contact.id!, ['quickstart']);
  const note = await hl.notes.create(contact.id!, { body: 'Said hello from the quick start.' });

  // Any operation of the official spec, typed: path, query and result.
  const { location } = await hl.request('GET', '/locations/{locationId}', { path: { locationId } });

  const slots = calendarId
    ? await hl.calendars.freeSlots({
        calendarId,
        start: Date.now(),
        end: Date.now() + 7 * 86_400_000,
      })
    : [];
  return {
    contactId: contact.id!,
    created,
    tags,
    noteId: note.id,
    locationName: location?.name,
    nextSlots: slots.slice(0, 3),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name} (see the comment at the top of this file)`);
    return value;
  };
  const result = await quickstart({
    token: env('GHL_TOKEN'),
    locationId: env('GHL_LOCATION_ID'),
    calendarId: process.env.GHL_CALENDAR_ID,
    baseUrl: process.env.GHL_API_BASE_URL,
  });
  console.log(JSON.stringify(result, null, 2));
}
