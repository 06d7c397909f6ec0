import type { ComputeDriver } from '../../src/spi/compute-driver.js';
import type { SimulatorDriver } from '../../src/testing/simulator/simulator-driver.js';

/** Driver calls a test can make the management process die in. */
export type Method = 'createInstance' | 'delete' | 'clone' | 'createDisk' | 'migrate';

/**
 * The management process "dies" inside one driver call: the call never returns, so nothing after it
 * runs. With `applied` the hypervisor did the work first, as when a process is killed after sending the
 * request. The hypervisor (the simulator) survives, as a real one would.
 */
export function dyingIn(
  sim: SimulatorDriver,
  method: Method,
  applied: boolean,
): { driver: ComputeDriver; reached: Promise<void> } {
  let signal!: () => void;
  const reached = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const driver = new Proxy(sim, {
    get(target, prop, receiver) {
      if (prop === method) {
        return (...args: unknown[]) => {
          const real = Reflect.get(target, prop, receiver) as (...a: unknown[]) => Promise<unknown>;
          const effect = applied ? real.apply(target, args) : Promise.resolve();
          return effect.then(() => {
            signal();
            return new Promise(() => undefined);
          });
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver, reached };
}
