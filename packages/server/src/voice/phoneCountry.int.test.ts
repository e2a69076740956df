/**
 * A phone a caller says without +country is read in the voice settings' own `defaultCountry`,
 * else in the workspace's country for phones (its own, else the connected Location's), as
 * booking events are: a London business's callers are British without anyone setting it.
 */
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../test/harness.js';
import { NY, connectedVoice, toolCall, vapi, weekdayAhead, type Voice } from '../../test/voice.js';

describeOnBackends('voice booking: phones said without a country code', (server) => {
  /** A workspace on a British Location, with these voice settings added. */
  async function britishVoice(settings: Record<string, unknown> = {}): Promise<Voice> {
    const { emulator } = server();
    const { locationId, token } = emulator.control.createLocation({
      name: 'London Spa',
      timezone: NY,
      country: 'GB',
    });
    const owner = emulator.control.createUser(locationId, {
      firstName: 'Olive',
      lastName: 'Owner',
    });
    const calendar = emulator.control.createCalendar(locationId, weekdayCalendar(owner.id));
    const ws = await connectedVoice(server(), token, locationId, {
      calendarId: calendar.id,
      timezone: NY,
      rules: { minLeadMinutes: 0 },
      ...settings,
    });
    return { ws, locationId, calendarId: calendar.id };
  }

  /** Books a slot for a caller who gives `phone`; the phone the new contact has in HighLevel. */
  async function bookedPhone(voice: Voice, phone: string) {
    const { parsed } = await vapi(server(), voice, [
      toolCall('book_appointment', {
        startTime: `${weekdayAhead(2)}T10:00`,
        name: 'Ada Lovelace',
        phone,
      }),
    ]);
    expect(parsed[0]!.status).toBe('booked');
    const contacts = server().emulator.control.locationState(voice.locationId).contacts;
    return contacts.find((contact) => contact.id === parsed[0]!.contactId)?.phone;
  }

  it("reads it in the Location's country when nothing else names one", async () => {
    const voice = await britishVoice();
    const settings = await server().call('GET', `/v1/workspaces/${voice.ws}/voice`);
    expect(settings.body).toMatchObject({ defaultCountry: null });
    expect(await bookedPhone(voice, '020 7946 0018')).toBe('+442079460018');
  });

  it("reads it in the workspace's defaultCountry over the Location's", async () => {
    const voice = await britishVoice();
    const patched = await server().call('PATCH', `/v1/workspaces/${voice.ws}`, {
      json: { defaultCountry: 'US' },
    });
    expect(patched.status).toBe(200);
    expect(await bookedPhone(voice, '(415) 555-0132')).toBe('+14155550132');
  });

  it("reads it in the voice settings' own defaultCountry first", async () => {
    const voice = await britishVoice({ defaultCountry: 'IE' });
    await server().call('PATCH', `/v1/workspaces/${voice.ws}`, { json: { defaultCountry: 'US' } });
    expect(await bookedPhone(voice, '01 234 5678')).toBe('+35312345678');
  });
});
