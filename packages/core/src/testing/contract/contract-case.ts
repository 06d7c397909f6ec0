import type { ComputeCapabilities, ComputeCapability } from '../../spi/capabilities.js';

/**
 * One check of the driver contract. `run` rejects (with an `AssertionError` or the driver's own
 * error) when the driver breaks the contract; it needs no test framework.
 * @public
 */
export interface ContractCase {
  readonly name: string;
  /** Capabilities the case exercises; a driver that lacks one skips the case. */
  readonly requires: readonly ComputeCapability[];
  /** Runs the case; rejects (with an assertion error) when the driver breaks the contract. */
  run(): Promise<void>;
}

/** Whether a driver declaring `capabilities` must pass case `c`. @public */
export function contractCaseApplies(c: ContractCase, capabilities: Readonly<ComputeCapabilities>): boolean {
  return c.requires.every((capability) => capabilities[capability]);
}
