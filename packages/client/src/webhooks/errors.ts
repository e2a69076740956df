import { HighLevelError, type HighLevelErrorCode } from '../errors.js';

/**
 * Why a webhook was refused. `code` groups these for callers that only care whether to answer
 * 401 (`invalid_signature`) or drop a replay quietly (`stale_webhook`).
 */
export type WebhookRejection =
  /** Neither `x-ghl-signature` nor `x-wh-signature` came with the request. */
  | 'missing_signature'
  /** A signature header is there but does not match the body under the key. */
  | 'signature_mismatch'
  /** A key given in `publicKeys` cannot be used for its scheme. */
  | 'unusable_key'
  /** `timestamp` is further in the past than the tolerance. */
  | 'stale'
  /** `timestamp` is further in the future than the tolerance. */
  | 'from_the_future'
  /** `webhookId` is in the seen-set: a retry or a replay of a delivery already handled. */
  | 'duplicate'
  /** The body is not a JSON object with string `type`, `timestamp` and `webhookId`. */
  | 'malformed_payload';

const CODE_OF: Record<WebhookRejection, HighLevelErrorCode> = {
  missing_signature: 'invalid_signature',
  signature_mismatch: 'invalid_signature',
  unusable_key: 'invalid_signature',
  stale: 'stale_webhook',
  from_the_future: 'stale_webhook',
  duplicate: 'stale_webhook',
  malformed_payload: 'validation',
};

/**
 * A webhook delivery that must not be trusted or processed, with the reason.
 *
 * @example
 * try {
 *   await verifyWebhook({ rawBody, headers });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError && error.reason === 'duplicate') return 200;
 *   if (error instanceof WebhookVerificationError) return 401;
 *   throw error;
 * }
 */
export class WebhookVerificationError extends HighLevelError {
  readonly reason: WebhookRejection;

  constructor(reason: WebhookRejection, message: string, options: { cause?: unknown } = {}) {
    super(CODE_OF[reason], message, options);
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
