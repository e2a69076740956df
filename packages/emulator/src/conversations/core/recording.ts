/**
 * A call's recording and transcription as HighLevel keeps them beside the call message
 * (spec/highlevel/apps/conversations.json: the recording is served as `audio/x-wav`, the
 * transcription as sentences with a channel, times in milliseconds and a confidence).
 */

/** One sentence of a transcription (`GetMessageTranscriptionResponseDto`). */
export interface TranscriptSentence {
  /** 1 for the caller's channel, 2 for the other side. */
  mediaChannel: number;
  sentenceIndex: number;
  /** Milliseconds from the start of the call. */
  startTime: number;
  endTime: number;
  transcript: string;
  confidence: number;
}

export interface CallRecordingRecord {
  /** The call message's id. */
  messageId: string;
  locationId: string;
  /** The WAV file, base64, so the store stays JSON. */
  audioBase64: string;
  /** Empty when the call has not been transcribed. */
  transcription: TranscriptSentence[];
}

const SAMPLE_RATE = 8000;

/**
 * A WAV file of `seconds` of silence (8 kHz, 8-bit mono), the kind of file a test stores when the
 * sound itself does not matter.
 *
 * @example silentWav(1).length // 8044: a 44-byte header and 8000 samples
 */
export function silentWav(seconds: number): Uint8Array {
  const samples = Math.max(0, Math.round(seconds * SAMPLE_RATE));
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // PCM header size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE, true); // bytes per second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44); // 8-bit silence is the midpoint
  return bytes;
}

/**
 * Sentences from plain lines, alternating channels, each lasting its share of the call.
 *
 * @example sentencesOf(['Hello', 'Hi'], 4)[1] // { mediaChannel: 2, sentenceIndex: 1, startTime: 2000, … }
 */
export function sentencesOf(
  lines: readonly string[],
  durationSeconds: number,
): TranscriptSentence[] {
  const share = lines.length === 0 ? 0 : Math.floor((durationSeconds * 1000) / lines.length);
  return lines.map((transcript, i) => ({
    mediaChannel: (i % 2) + 1,
    sentenceIndex: i,
    startTime: i * share,
    endTime: (i + 1) * share,
    transcript,
    confidence: 0.9,
  }));
}

/**
 * The transcription as the download's text file: one sentence a line. HighLevel's file layout is
 * not documented (see DEVIATIONS.md).
 *
 * @example transcriptText(sentencesOf(['Hello', 'Hi'], 4)) // 'Hello\nHi\n'
 */
export function transcriptText(sentences: readonly TranscriptSentence[]): string {
  return sentences.map((s) => `${s.transcript}\n`).join('');
}
