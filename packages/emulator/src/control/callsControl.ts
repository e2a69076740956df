/**
 * Calls through the control API. HighLevel's v2 API reads a call's message, recording and
 * transcription but cannot place a call, so tests make calls here, as staff phoning a contact
 * from HighLevel would.
 */
import {
  recordCall,
  replaceCallRecording,
  type CallInput,
  type RecordingInput,
} from '../conversations/calls.js';
import type { TranscriptSentence } from '../conversations/core/recording.js';
import { HighLevelError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

export type { CallInput, RecordingInput };

/** A HighLevel 400 (an unknown contact) as the control API's 422. */
function asControlError<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof HighLevelError) {
      throw new ControlError(422, 'invalid_call', err.message);
    }
    throw err;
  }
}

/** What a call's recording now holds: its size and transcription. */
export interface CallRecordingSummary {
  messageId: string;
  recordingBytes: number;
  transcription: TranscriptSentence[];
}

/** The calls part of the control surface: `recordCall`, `replaceCallRecording`. */
export function callsControl(rt: Runtime) {
  return {
    /**
     * Stores a call with a contact of the Location: a `TYPE_CALL` message in the contact's
     * conversation, with a WAV recording (silence by default) and its transcription.
     */
    recordCall(
      locationId: string,
      input: CallInput,
    ): { conversationId: string; messageId: string } {
      const location = knownLocation(rt, locationId);
      return asControlError(() => recordCall(rt, location, input));
    },

    /** Replaces a call's recording and transcription, as when HighLevel finishes transcribing it. */
    replaceCallRecording(
      locationId: string,
      messageId: string,
      input: RecordingInput,
    ): CallRecordingSummary {
      knownLocation(rt, locationId);
      const message = rt.state.messages[messageId];
      if (message?.locationId !== locationId || !message.call) {
        throw new ControlError(
          404,
          'call_not_found',
          `No call ${messageId} in Location ${locationId}`,
        );
      }
      const recording = replaceCallRecording(rt, { ...message, call: message.call }, input);
      return {
        messageId,
        recordingBytes: Buffer.from(recording.audioBase64, 'base64').length,
        transcription: recording.transcription,
      };
    },
  };
}

export type CallsControl = ReturnType<typeof callsControl>;
