/**
 * A check that ran and came out negative — `audit verify` found the audit log changed. Exit code 4, as
 * for a failed job: the operation ran and did not succeed (unlike a refusal, 2, or an outage, 3). The
 * message says what was found.
 * @internal
 */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}
