/**
 * Runs one booking tool whose arguments have been read: the one place the Vapi server URL and the
 * MCP server turn a tool request into its outcome. A booking's note, tags and confirmations run
 * after the answer (`background`); a handoff is Vapi's alone (vapi/toolCalls.ts).
 */
import type { ToolOutcome } from './core/outcomes.js';
import type { BookingCall } from './core/saga.js';
import type { ToolRequest } from './core/toolArgs.js';
import { cancelAppointment, findAppointments } from './appointments.js';
import { bookAppointment } from './bookAppointment.js';
import { checkAvailability } from './checkAvailability.js';
import type { VoiceContext } from './context.js';
import { rescheduleAppointment } from './rescheduleAppointment.js';

/** A request of any tool but `transfer_to_human`, which only a phone call can do. */
export type BookingToolRequest = Exclude<ToolRequest, { tool: 'transfer_to_human' }>;

export interface ToolRun {
  outcome: ToolOutcome;
  /** Work after the answer (a booking's note, tags and confirmation); resolved for the rest. */
  background: Promise<void>;
  /** The booked contact, when a booking got that far. */
  contactId?: string;
}

/**
 * @example const { outcome } = await runTool(ctx, request, { callId: 'call_1', asked: 'book_appointment {…}' });
 */
export async function runTool(
  ctx: VoiceContext,
  request: BookingToolRequest,
  call: BookingCall,
): Promise<ToolRun> {
  const done = Promise.resolve();
  switch (request.tool) {
    case 'check_availability':
      return { outcome: await checkAvailability(ctx, request.args), background: done };
    case 'book_appointment':
      return bookAppointment(ctx, request.args, call);
    case 'find_appointments':
      return { outcome: await findAppointments(ctx, request.args), background: done };
    case 'cancel_appointment':
      return { outcome: await cancelAppointment(ctx, request.args), background: done };
    case 'reschedule_appointment':
      return { outcome: await rescheduleAppointment(ctx, request.args), background: done };
  }
}
