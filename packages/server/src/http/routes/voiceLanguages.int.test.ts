/**
 * Answers in the caller's language, end to end: a Vapi tool call that passes `language`, a
 * workspace whose voice settings speak German, and the REST availability route choosing by
 * `?language=` or Accept-Language. The bridge and the emulator share one clock, set to a
 * Wednesday in November 2026, so the day asked about is always Tuesday, December 1.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import {
  NY,
  VAPI_SECRET,
  toolCall,
  vapi,
  voiceWorkspace,
  type Result,
  type Voice,
} from '../../../test/voice.js';

/** Wednesday, November 25, 2026, 7 AM in New York. */
const NOW = '2026-11-25T12:00:00Z';
const TUESDAY = '2026-12-01';

/** The workspace's voice settings again, with `locale`. */
async function speakIn(server: TestServer, voice: Voice, locale: string) {
  const res = await server.call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
    json: {
      calendarId: voice.calendarId,
      timezone: NY,
      rules: { minLeadMinutes: 0 },
      locale,
      auth: { type: 'bearer', secret: VAPI_SECRET },
    },
  });
  expect(res.status).toBe(200);
}

describeOnBackends(
  'answers in the caller’s language',
  (server) => {
    beforeEach(() => server().emulator.control.setClock(NOW));

    it('answers check_availability in Spanish when the assistant passes language: es', async () => {
      const voice = await voiceWorkspace(server());
      const { results, parsed } = await vapi(server(), voice, [
        toolCall('check_availability', { date: TUESDAY, language: 'es' }),
        toolCall('check_availability', { date: TUESDAY }),
      ]);
      expect(results[0]!.result).not.toMatch(/\n/);
      const [spanish, english] = parsed;
      expect(spanish!.status).toBe('ok');
      expect(spanish!.message).toMatch(
        /^Tengo disponibilidad el martes, 1 de diciembre a las \d+(:\d\d)?(, a las \d+(:\d\d)?)* o a las \d+(:\d\d)?\. ¿Cuál prefiere\?$/,
      );
      for (const slot of spanish!.slots!) {
        expect(slot.label).toMatch(/^martes, 1 de diciembre a las \d+(:\d\d)?$/);
      }
      // The next call of the same message, without a language, is the workspace's English.
      expect(english!.message).toMatch(/^I have Tuesday, December 1 at 9 AM/);
      expect(english!.slots!.map((slot) => slot.id)).toEqual(spanish!.slots!.map((s) => s.id));
    });

    it('books in Spanish when the assistant passes language: es-ES', async () => {
      const voice = await voiceWorkspace(server());
      const [offer] = (
        await vapi(server(), voice, [toolCall('check_availability', { date: TUESDAY })])
      ).parsed;
      const { parsed } = await vapi(server(), voice, [
        toolCall('book_appointment', {
          slotId: offer!.slots![0]!.id,
          name: 'Ana García',
          email: 'ana@example.com',
          language: 'es-ES',
        }),
      ]);
      expect(parsed[0]!.status).toBe('booked');
      // The calendar's one team member may be named: "Su cita con Olive Owner queda …".
      expect(parsed[0]!.message).toMatch(
        /^Su cita (con Olive Owner )?queda reservada para el martes, 1 de diciembre a las 9\.$/,
      );
    });

    it("answers in German when the workspace's locale is de-DE, with no language passed", async () => {
      const voice = await voiceWorkspace(server());
      await speakIn(server(), voice, 'de-DE');
      const { parsed } = await vapi(server(), voice, [
        toolCall('check_availability', { date: TUESDAY }),
        toolCall('book_appointment', { name: 'Jonas Weber' }),
        toolCall('check_availability', { date: TUESDAY, language: 'en-US' }),
      ]);
      const [offer, missing, english] = parsed;
      expect(offer!.message).toMatch(
        /^Ich kann Ihnen am Dienstag, 1\. Dezember um 9 Uhr, um 13 Uhr oder um 16:30 Uhr anbieten\. Was passt Ihnen am besten\?$/,
      );
      expect(offer!.slots![0]!.label).toBe('Dienstag, 1. Dezember um 9 Uhr');
      expect(missing).toMatchObject({
        status: 'needs_info',
        missing: ['slotId or startTime', 'phone or email'],
        message:
          'Ich brauche noch die gewünschte Uhrzeit und Ihre Telefonnummer oder E-Mail-Adresse.',
      });
      expect(english!.message).toMatch(/^I have Tuesday, December 1 at 9 AM/);
    });

    it('never fails a tool call over a language tag it cannot read', async () => {
      const voice = await voiceWorkspace(server());
      const { results, parsed } = await vapi(server(), voice, [
        toolCall('check_availability', { date: TUESDAY, language: 'fr-' }),
        toolCall('check_availability', { date: TUESDAY, locale: 'klingon' }),
      ]);
      expect(results.map((r) => Boolean(r.result))).toEqual([true, true]);
      expect(parsed.map((answer) => answer.status)).toEqual(['ok', 'ok']);
      expect(parsed[1]!.message).toMatch(/^I have Tuesday, December 1 at 9 AM/);
    });

    it('answers GET /availability in French for Accept-Language: fr-FR', async () => {
      const voice = await voiceWorkspace(server());
      const path = `/v1/workspaces/${voice.ws}/availability?date=${TUESDAY}`;
      const res = await server().call('GET', path, {
        headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' },
      });
      expect(res.status).toBe(200);
      const body = res.body as unknown as Result;
      expect(body.message).toBe(
        'Je peux vous proposer le mardi 1er décembre à 9 h, à 13 h ou à 16:30. Quel créneau vous convient le mieux ?',
      );
      expect(body.slots!.map((slot) => slot.label)).toEqual([
        'mardi 1er décembre à 9 h',
        'mardi 1er décembre à 13 h',
        'mardi 1er décembre à 16:30',
      ]);

      // ?language= wins over the header; a language answers are not said in is refused.
      const spanish = await server().call('GET', `${path}&language=es-MX`, {
        headers: { 'accept-language': 'fr-FR' },
      });
      expect((spanish.body as unknown as Result).message).toMatch(
        /^Tengo disponibilidad el martes, 1 de diciembre a las 9 a\.m\./,
      );
      const klingon = await server().call('GET', `${path}&language=tlh`);
      expect(klingon.status).toBe(422);
      expect(klingon.body.error?.details?.fields?.[0]?.path).toBe('language');
    });

    it('words a refused REST request in the language asked', async () => {
      const voice = await voiceWorkspace(server());
      const res = await server().call('POST', `/v1/workspaces/${voice.ws}/appointments`, {
        json: { name: 'Jonas Weber' },
        headers: { 'idempotency-key': 'lang-1', 'accept-language': 'de' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error?.message).toBe(
        'Ich brauche noch die gewünschte Uhrzeit und Ihre Telefonnummer oder E-Mail-Adresse.',
      );
    });
  },
  { sharedClock: true },
);
