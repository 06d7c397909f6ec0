/**
 * A mistake on the command line or something missing locally (exit code 1): the message says what to
 * do instead.
 * @internal
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
