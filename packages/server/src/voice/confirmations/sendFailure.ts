/**
 * What a failed HighLevel write of a confirmation (or history note) means, told from the
 * client's typed errors: HighLevel's 5xx and 429s, a lost connection, or an answer that never
 * came may go through on a retry; any other 4xx (no phone, a contact deleted, a refused token) gets
 * the same answer every time, and is final. The reason is in words, with HighLevel's message and
 * never a credential (the client's errors carry none).
 */
import { HighLevelError, OutcomeUnknownError, RateLimitError } from '@ghl-bridge/client';

export type SendFailure = { retry: true; reason: string } | { retry: false; reason: string };

/**
 * @example sendFailure(new ValidationError('bad_request', ['The contact has no phone number'], …)); // { retry: false, reason: 'HighLevel refused it (HTTP 400): …' }
 */
export function sendFailure(error: unknown): SendFailure {
  if (error instanceof OutcomeUnknownError) {
    return {
      retry: true,
      reason: `HighLevel's answer was lost (${error.message}); the conversation is checked before it is sent again.`,
    };
  }
  if (
    error instanceof HighLevelError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    !(error instanceof RateLimitError)
  ) {
    return {
      retry: false,
      reason: `HighLevel refused it (HTTP ${error.status}): ${error.message}`,
    };
  }
  if (error instanceof HighLevelError) {
    const status = error.status ? `, HTTP ${error.status}` : '';
    return { retry: true, reason: `HighLevel failed (${error.code}${status}): ${error.message}` };
  }
  return { retry: true, reason: error instanceof Error ? error.message : String(error) };
}
