import type { CloudEventBus } from '../events/event-bus.js';

/**
 * A job's progress as its listeners hear it (`job.progress`): each step covers a share of 0–95 %, what
 * a step reports of itself (0–100) is scaled into that share, the commit alone makes 100 %, and the
 * figure never goes back. A report that would not move it forward is dropped, message and all.
 * @internal
 */
export class JobProgress {
  readonly #bus: CloudEventBus;
  readonly #jobId: string;
  #reported: number;

  constructor(bus: CloudEventBus, jobId: string, reported: number) {
    this.#bus = bus;
    this.#jobId = jobId;
    this.#reported = reported;
  }

  /** The job's progress once `done` of its `count` steps are done. */
  static afterSteps(done: number, count: number): number {
    return count === 0 ? 95 : Math.round((Math.min(done, count) / count) * 95);
  }

  /** Tells listeners the job is at `percent`, if that is further than they heard. */
  report(percent: number, message?: string): void {
    const progress = Math.round(Math.min(100, percent));
    if (!(progress > this.#reported)) return;
    this.#reported = progress;
    this.#bus.emit('job.progress', {
      jobId: this.#jobId,
      progress,
      ...(message === undefined ? {} : { message }),
    });
  }

  /** The reporter of step `index` of `count`: it says 0–100 of the step itself. */
  forStep(index: number, count: number): (percent: number, message?: string) => void {
    const from = JobProgress.afterSteps(index, count);
    const to = JobProgress.afterSteps(index + 1, count);
    return (percent, message) => {
      const step = Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
      this.report(from + ((to - from) * step) / 100, message);
    };
  }
}
