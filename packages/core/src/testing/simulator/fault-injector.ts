import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';
import type { ComputeDriver } from '../../spi/compute-driver.js';

/** The name of an asynchronous {@link ComputeDriver} method: what can be counted and made to fail. @public */
export type ComputeDriverMethod = {
  [K in keyof ComputeDriver]-?: ComputeDriver[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof ComputeDriver];

/** One call to a driver method with its arguments; narrow on `method` to read typed `args`. @public */
export type SimulatorCall = {
  [M in ComputeDriverMethod]: { readonly method: M; readonly args: Readonly<Parameters<ComputeDriver[M]>> };
}[ComputeDriverMethod];

/** How the simulator's `failNext` fails calls. @public */
export interface FailNextOptions {
  /** Calls to let through before the first failure; default 0, so the very next call fails. */
  readonly after?: number;
  /** How many calls in a row to fail once failing starts; default 1. */
  readonly times?: number;
  /** What to throw; default an `EcloudError` `DRIVER_FAILURE` with `details.injected = true`. */
  readonly error?: Error | ((call: SimulatorCall) => Error);
  /**
   * Let the call take effect before it fails, like a hypervisor that did the work but whose reply was
   * lost: what the core's reconciler must cope with. Default false: a failed call changes nothing.
   */
  readonly applied?: boolean;
}

/** How the simulator's `failWhen` fails calls. @public */
export interface FailWhenOptions {
  /** As {@link FailNextOptions.applied}. */
  readonly applied?: boolean;
}

/**
 * Decides whether a call fails: `true` fails it with the default injected fault, an `Error` fails it
 * with that error, `false` lets it through.
 * @public
 */
export type FaultPredicate = (call: SimulatorCall) => boolean | Error;

/** A fault the injector decided on for one call. */
export interface InjectedFault {
  readonly error: Error;
  /** Whether the call's effect happens before the error is thrown. */
  readonly applied: boolean;
}

interface FaultRule {
  readonly applied: boolean;
  readonly decide: FaultPredicate;
}

const FailNextSchema = z.object({
  after: z.number().int().nonnegative().default(0),
  times: z.number().int().positive().default(1),
  applied: z.boolean().default(false),
});

/**
 * Counts calls per method and decides which calls fail. Every rule sees every call that reaches the
 * hypervisor, so rules never steal counts from one another: `after: 2` and `after: 5` on one method
 * fail the 3rd and the 6th call.
 */
export class FaultInjector {
  private readonly calls = new Map<ComputeDriverMethod, number>();
  private readonly rules = new Set<FaultRule>();

  constructor(private readonly driver: string) {}

  /** Counts one call of `method`, whatever its outcome. */
  count(method: ComputeDriverMethod): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /** How many times `method` was called, including calls that failed. */
  callCount(method: ComputeDriverMethod): number {
    return this.calls.get(method) ?? 0;
  }

  /** Fails calls of `method` by position; returns the function that withdraws the rule early. */
  failNext(method: ComputeDriverMethod, options: FailNextOptions = {}): () => void {
    const { after, times, applied } = parseInput(
      FailNextSchema,
      { after: options.after, times: options.times, applied: options.applied },
      'failNext options',
    );
    const error = options.error;
    let toSkip = after;
    let toFail = times;
    const rule: FaultRule = {
      applied,
      decide: (call) => {
        if (call.method !== method) return false;
        if (toSkip > 0) {
          toSkip -= 1;
          return false;
        }
        toFail -= 1;
        if (toFail === 0) this.rules.delete(rule);
        if (error === undefined) return true;
        return typeof error === 'function' ? error(call) : error;
      },
    };
    return this.add(rule);
  }

  /** Fails every call `predicate` picks until the returned function withdraws the rule. */
  failWhen(predicate: FaultPredicate, options: FailWhenOptions = {}): () => void {
    return this.add({ applied: options.applied ?? false, decide: predicate });
  }

  /** Withdraws every rule. */
  clear(): void {
    this.rules.clear();
  }

  /** The fault for `call`, if any rule picks it; the first rule that fires decides the error. */
  check(call: SimulatorCall): InjectedFault | undefined {
    let fault: InjectedFault | undefined;
    for (const rule of this.rules) {
      const verdict = rule.decide(call);
      if (verdict === false || fault !== undefined) continue;
      fault = { error: verdict === true ? this.injected(call) : verdict, applied: rule.applied };
    }
    return fault;
  }

  private add(rule: FaultRule): () => void {
    this.rules.add(rule);
    return () => {
      this.rules.delete(rule);
    };
  }

  private injected(call: SimulatorCall): EcloudError {
    const nth = this.callCount(call.method);
    return new EcloudError(
      'DRIVER_FAILURE',
      `Injected fault: ${call.method} call ${nth} on driver ${this.driver}.`,
      {
        driver: this.driver,
        details: { injected: true, method: call.method, call: nth },
      },
    );
  }
}
