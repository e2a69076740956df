/**
 * A call's recording and transcription (spec/highlevel/apps/conversations.json): the recording as
 * a WAV file, the transcription as sentences or as a text file. Calls are made with the control
 * API's `recordCall`.
 */
import { transcriptText } from '../conversations/core/recording.js';
import { messageOf } from '../conversations/lookup.js';
import { badRequest } from '../errors.js';
import { route, type RouteRequest } from '../runtime.js';

/** The call message's recording; a message that is not a call has none (400). */
function recordingOf({ params, location, rt }: RouteRequest) {
  const message = messageOf(rt, location, params.messageId!);
  const recording = rt.state.callRecordings[message.id];
  if (!recording) throw badRequest(`Recording not found for id:${message.id}`);
  return recording;
}

function transcriptionOf(req: RouteRequest) {
  const recording = recordingOf(req);
  if (recording.transcription.length === 0) {
    throw badRequest(`Transcription not found for id:${recording.messageId}`);
  }
  return recording.transcription;
}

export const getRecordingRoute = route(
  'GET',
  '/conversations/messages/{messageId}/locations/{locationId}/recording',
  (req) => ({
    status: 200,
    body: new Uint8Array(Buffer.from(recordingOf(req).audioBase64, 'base64')),
    file: { contentType: 'audio/x-wav', disposition: 'attachment; filename=audio.wav' },
  }),
);

export const getTranscriptionRoute = route(
  'GET',
  '/conversations/locations/{locationId}/messages/{messageId}/transcription',
  (req) => ({ status: 200, body: transcriptionOf(req) }),
);

export const downloadTranscriptionRoute = route(
  'GET',
  '/conversations/locations/{locationId}/messages/{messageId}/transcription/download',
  (req) => ({
    status: 200,
    body: transcriptText(transcriptionOf(req)),
    file: {
      contentType: 'text/plain; charset=utf-8',
      disposition: 'attachment; filename="transcription.txt"',
    },
  }),
);

export const callRecordingRoutes = [
  getRecordingRoute,
  getTranscriptionRoute,
  downloadTranscriptionRoute,
];
