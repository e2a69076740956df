/**
 * Calls in a contact's conversation. HighLevel's API can read a call's message, recording and
 * transcription but not place a call, so tests make calls with the control API (`recordCall`), as
 * staff would by phoning the contact from HighLevel.
 */
import { contactOf } from '../contacts/lookup.js';
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { nowIso, type Runtime } from '../runtime.js';
import { silentWav, sentencesOf, type CallRecordingRecord } from './core/recording.js';
import type { MessageRecord } from './model.js';
import { conversationFor } from './send.js';

export interface RecordingInput {
  /** The WAV file: bytes, or base64. Default: silence as long as the call. */
  recording?: Uint8Array | string;
  /** The transcription, one sentence a line; `[]` for a call not transcribed. */
  transcript?: string[];
}

export interface CallInput extends RecordingInput {
  contactId: string;
  direction?: 'inbound' | 'outbound';
  /** Default 30. */
  durationSeconds?: number;
  /** `voicemail` for a message left on the contact's voicemail. */
  status?: 'completed' | 'voicemail';
}

const DEFAULT_TRANSCRIPT = ['Hello, this is the clinic calling.', 'Hi, thanks for calling back.'];

const base64Of = (audio: Uint8Array | string) =>
  typeof audio === 'string' ? audio : Buffer.from(audio).toString('base64');

function recordingOf(
  message: MessageRecord,
  input: RecordingInput,
  durationSeconds: number,
): CallRecordingRecord {
  return {
    messageId: message.id,
    locationId: message.locationId,
    audioBase64: base64Of(input.recording ?? silentWav(durationSeconds)),
    transcription: sentencesOf(input.transcript ?? DEFAULT_TRANSCRIPT, durationSeconds),
  };
}

/**
 * Stores a call to (or from) a contact: a `TYPE_CALL` message in the contact's conversation, with
 * its recording and transcription.
 *
 * @example
 * recordCall(rt, location, { contactId, transcript: ['Hello', 'Hi'] });
 */
export function recordCall(rt: Runtime, location: LocationRecord, input: CallInput) {
  const contact = contactOf(rt, location, input.contactId);
  const conversation = conversationFor(rt, location, contact.id, 'SMS');
  const durationSeconds = input.durationSeconds ?? 30;
  const direction = input.direction ?? 'outbound';
  const message: MessageRecord = {
    id: newId(),
    locationId: location.id,
    conversationId: conversation.id,
    contactId: contact.id,
    type: 1,
    messageType: 'TYPE_CALL',
    direction,
    status: 'delivered',
    body: '',
    contentType: 'text/plain',
    to: contact.phone ?? '',
    // A call's attachments stay empty: its recording is read with the recording operation.
    attachments: [],
    source: 'app',
    call: { durationSeconds, status: input.status ?? 'completed' },
    dateAdded: nowIso(rt),
  };
  rt.state.messages[message.id] = message;
  rt.state.callRecordings[message.id] = recordingOf(message, input, durationSeconds);
  Object.assign(conversation, {
    lastMessageBody: '',
    lastMessageType: message.messageType,
    lastMessageDirection: direction,
    lastMessageDate: rt.clock.now(),
    dateUpdated: message.dateAdded,
  });
  return { conversationId: conversation.id, messageId: message.id };
}

/**
 * Replaces a call's recording and transcription, as when HighLevel finishes transcribing a call
 * after it ended.
 */
export function replaceCallRecording(
  rt: Runtime,
  message: MessageRecord & Required<Pick<MessageRecord, 'call'>>,
  input: RecordingInput,
): CallRecordingRecord {
  const recording = recordingOf(message, input, message.call.durationSeconds);
  rt.state.callRecordings[message.id] = recording;
  return recording;
}
