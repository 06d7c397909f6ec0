/**
 * `@ecloud/core/testing`: the in-memory simulator driver and the compute driver contract suite.
 * Nothing here depends on a test framework; plug the contract cases into whichever runner you use.
 * @packageDocumentation
 * @module @ecloud/core/testing
 */
export { computeDriverContract } from './contract/compute-driver-contract.js';
export { type ContractCase, contractCaseApplies } from './contract/contract-case.js';
export type { ComputeDriverContractSetup, ContractInstanceShape } from './contract/contract-fixture.js';
export type {
  ComputeDriverMethod,
  FailNextOptions,
  FailWhenOptions,
  FaultPredicate,
  SimulatorCall,
} from './simulator/fault-injector.js';
export type { WipeRecord } from './simulator/sim-records.js';
export type { HostFailureMode } from './simulator/sim-state.js';
export { type SimulatorDriver, simulator } from './simulator/simulator-driver.js';
export {
  SIMULATOR_HOST_DEFAULTS,
  type SimulatorHostSpec,
  type SimulatorHosts,
  type SimulatorHostTemplate,
  type SimulatorOptions,
} from './simulator/simulator-options.js';
