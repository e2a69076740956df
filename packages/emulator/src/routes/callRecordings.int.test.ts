/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

const V = { version: '2021-04-15' };

async function called(transcript = ['Hello, this is the clinic.', 'Hi, thanks for calling.']) {
  const s = setup();
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, firstName: 'Ada', phone: '+14155550100' },
  });
  const call = s.emulator.control.recordCall(s.locationId, {
    contactId: contact.body.contact.id,
    durationSeconds: 4,
    transcript,
  });
  return { ...s, ...call };
}

describe('a call made in HighLevel (control API recordCall)', () => {
  it('is a TYPE_CALL message of the contact with its duration, and no attachments', async () => {
    const { api, messageId } = await called();
    const res = await api('GET', `/conversations/messages/${messageId}`, V);
    expect(res.body).toMatchObject({
      type: 1,
      messageType: 'TYPE_CALL',
      attachments: [],
      meta: { callDuration: '4', callStatus: 'completed' },
    });
  });
});

describe('GET /conversations/messages/{messageId}/locations/{locationId}/recording', () => {
  it('answers the recording as a WAV file', async () => {
    const { api, locationId, messageId } = await called();
    const res = await api(
      'GET',
      `/conversations/messages/${messageId}/locations/${locationId}/recording`,
      V,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/x-wav');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=audio.wav');
    const bytes = res.body as Uint8Array;
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
    expect(bytes.length).toBe(44 + 4 * 8000);
  });

  it('answers 400 for a message that is not a call', async () => {
    const { api, locationId, contactId } = await (async () => {
      const s = setup();
      const c = await s.api('POST', '/contacts/', {
        body: { locationId: s.locationId, phone: '+14155550100' },
      });
      return { ...s, contactId: c.body.contact.id as string };
    })();
    const sms = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId, message: 'hi' },
    });
    const res = await api(
      'GET',
      `/conversations/messages/${sms.body.messageId}/locations/${locationId}/recording`,
      V,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`Recording not found for id:${sms.body.messageId}`);
  });
});

describe('the transcription', () => {
  it('answers its sentences, alternating channels, and downloads them as text', async () => {
    const { api, locationId, messageId } = await called();
    const base = `/conversations/locations/${locationId}/messages/${messageId}/transcription`;
    const res = await api('GET', base, V);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject([
      {
        sentenceIndex: 0,
        mediaChannel: 1,
        startTime: 0,
        endTime: 2000,
        transcript: 'Hello, this is the clinic.',
      },
      { sentenceIndex: 1, mediaChannel: 2, startTime: 2000, endTime: 4000 },
    ]);
    const file = await api('GET', `${base}/download`, V);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="transcription.txt"',
    );
    expect(file.body).toBe('Hello, this is the clinic.\nHi, thanks for calling.\n');
  });

  it('is a 400 for a call not transcribed, until HighLevel transcribes it', async () => {
    const { api, emulator, locationId, messageId } = await called([]);
    const path = `/conversations/locations/${locationId}/messages/${messageId}/transcription`;
    expect((await api('GET', path, V)).status).toBe(400);
    emulator.control.replaceCallRecording(locationId, messageId, { transcript: ['Hello?'] });
    const res = await api('GET', path, V);
    expect(res.body.map((s: { transcript: string }) => s.transcript)).toEqual(['Hello?']);
  });
});
