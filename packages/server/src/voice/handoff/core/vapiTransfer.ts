/**
 * The answer to Vapi's `transfer-destination-request` (Vapi's "Dynamic call transfers",
 * https://docs.vapi.ai/phone-calling/dynamic-call-transfers): the `transferCall` tool has no
 * destinations of its own, so Vapi asks the server URL where to send the call. Vapi says
 * `message` to the caller, then transfers; an `error` tells it the call must not be transferred.
 */
import type { TransferDestination } from '../../core/settings.js';

export type VapiTransferAnswer =
  | {
      destination:
        | { type: 'number'; number: string; extension?: string; message: string }
        | { type: 'sip'; sipUri: string; message: string };
    }
  | { error: string };

/** What Vapi is told when the workspace has nowhere to transfer to. */
export const NO_DESTINATION = 'No transfer destination is set for this workspace';

/**
 * The workspace's transfer destination with the words said before the transfer, or an `error`
 * when none is set (the team is alerted all the same, and calls back).
 *
 * @example vapiTransferAnswer({ type: 'number', number: '+14155550100' }, 'Let me put you through.'); // { destination: { type: 'number', number: '+14155550100', message: 'Let me put you through.' } }
 */
export function vapiTransferAnswer(
  destination: TransferDestination | null,
  message: string,
): VapiTransferAnswer {
  if (!destination) return { error: NO_DESTINATION };
  if (destination.type === 'sip') {
    return { destination: { type: 'sip', sipUri: destination.sipUri, message } };
  }
  return {
    destination: {
      type: 'number',
      number: destination.number,
      ...(destination.extension ? { extension: destination.extension } : {}),
      message,
    },
  };
}
