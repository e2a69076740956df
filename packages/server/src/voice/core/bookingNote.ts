/**
 * The note a voice booking leaves on the HighLevel contact: who called, from which number, in
 * which call, and what was asked, so staff can see how the appointment came about.
 */

/** The call a booking came from: the note says who called and what they asked. */
export interface BookingCall {
  /** Vapi's call id; the tool-call id when Vapi sent none. */
  callId: string;
  callerNumber?: string;
  /** What was asked, as the tool call said it. */
  asked: string;
}

/**
 * The body of the note added to the contact after a voice booking. The marker line lets a
 * retried background job find the note it already wrote instead of adding a second one.
 *
 * @example voiceBookingNote({ idempotencyKey, callId: 'call_1', callerNumber: '+14155550100', name: 'Ada Lovelace', asked: 'book_appointment …', start: '…' });
 */
export function voiceBookingNote(details: {
  idempotencyKey: string;
  start: string;
  name: string;
  asked: string;
  callId?: string;
  callerNumber?: string;
}): string {
  return [
    `Booked by the voice assistant for ${details.start}.`,
    `Caller: ${details.name}${details.callerNumber ? `, calling from ${details.callerNumber}` : ''}`,
    ...(details.callId ? [`Call: ${details.callId}`] : []),
    `Asked: ${details.asked}`,
    voiceNoteMarker(details.idempotencyKey),
  ].join('\n');
}

/**
 * The marker a retried note step searches the contact's notes for.
 *
 * @example notes.some((note) => note.body.includes(voiceNoteMarker(key)));
 */
export function voiceNoteMarker(idempotencyKey: string): string {
  return `[ghl-bridge voice ${idempotencyKey}]`;
}
