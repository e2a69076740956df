/** A control API failure: rendered as `{ error: { code, message } }` with `status`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field errors and the like, rendered as `error.details`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
