/** A control request the sandbox refuses: answered as `{ error: { message } }` with this status. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
