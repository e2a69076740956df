/**
 * The voice tools and their outcomes in an operator's words (docs/vapi.md#tool-results): which
 * tool ran, and what its `status` (and failure `code`) meant for the caller.
 */

const TOOLS: Record<string, string> = {
  check_availability: 'Check availability',
  book_appointment: 'Book',
  reschedule_appointment: 'Reschedule',
  cancel_appointment: 'Cancel',
  find_appointments: 'Find appointments',
};

const FAILURES: Record<string, string> = {
  unconfirmed: 'booking outcome still being checked',
  not_booked: 'not booked',
  unknown_tool: 'unknown tool',
  unreadable_arguments: 'arguments could not be read',
  unavailable: 'calendar could not be reached',
  not_run: 'not attempted',
};

const STATUSES: Record<string, string> = {
  none: 'No free times that day; nearest days offered',
  booked: 'Booked',
  slot_unavailable: 'Time taken; others offered',
  needs_info: 'Asked for missing details',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  not_found: 'Appointment not found',
};

/** @example toolName('book_appointment'); // 'Book' */
export const toolName = (tool: string) => TOOLS[tool] ?? tool;

/**
 * What a tool's answer meant, in words.
 *
 * @example outcomeInWords({ tool: 'check_availability', status: 'ok' }); // 'Times offered'
 */
export function outcomeInWords(outcome: { tool: string; status: string; code?: string }): string {
  if (outcome.status === 'ok') {
    return outcome.tool === 'find_appointments' ? 'Appointments found' : 'Times offered';
  }
  if (outcome.status === 'error') {
    const why = outcome.code ? (FAILURES[outcome.code] ?? outcome.code) : undefined;
    return why ? `Failed: ${why}` : 'Failed';
  }
  return STATUSES[outcome.status] ?? outcome.status;
}

/**
 * How HighLevel answered one request: its status, or why there was none.
 *
 * @example answerInWords({ status: 503, code: 'server_error' }); // 'HTTP 503 (server_error)'
 */
export function answerInWords(request: { status?: number; code?: string }): string {
  if (request.status !== undefined) {
    return request.code ? `HTTP ${request.status} (${request.code})` : `HTTP ${request.status}`;
  }
  return request.code ? `No answer (${request.code})` : 'No answer';
}
