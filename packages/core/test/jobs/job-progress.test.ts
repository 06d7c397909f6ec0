import { describe, expect, it } from 'vitest';
import { CloudEventBus } from '../../src/events/event-bus.js';
import { JobProgress } from '../../src/jobs/job-progress.js';

function listen(bus: CloudEventBus): Array<{ progress: number; message?: string }> {
  const heard: Array<{ progress: number; message?: string }> = [];
  bus.on('job.progress', ({ progress, message }) =>
    heard.push(message === undefined ? { progress } : { progress, message }),
  );
  return heard;
}

describe('job progress', () => {
  it('scales what a step says of itself into its share of the job', () => {
    const bus = new CloudEventBus();
    const heard = listen(bus);
    const progress = new JobProgress(bus, 'job-1', 0);
    const second = progress.forStep(1, 4);
    second(0);
    second(50, 'copying');
    second(100);
    expect(heard).toEqual([{ progress: 24 }, { progress: 36, message: 'copying' }, { progress: 48 }]);
  });

  it('never goes back and drops a report that does not move forward', () => {
    const bus = new CloudEventBus();
    const heard = listen(bus);
    const progress = new JobProgress(bus, 'job-1', 10);
    progress.report(5, 'behind');
    progress.report(10, 'same');
    progress.report(40);
    progress.forStep(0, 2)(100, 'the first step is behind the job');
    progress.report(250);
    expect(heard).toEqual([
      { progress: 40 },
      { progress: 48, message: 'the first step is behind the job' },
      { progress: 100 },
    ]);
  });

  it('keeps a step within its share whatever the driver reports', () => {
    const bus = new CloudEventBus();
    const heard = listen(bus);
    const step = new JobProgress(bus, 'job-1', 0).forStep(0, 1);
    step(Number.NaN);
    step(-20);
    step(400);
    expect(heard).toEqual([{ progress: 95 }]);
    expect(JobProgress.afterSteps(0, 0)).toBe(95);
    expect(JobProgress.afterSteps(3, 3)).toBe(95);
  });

  it('only tells the listeners of its own job', () => {
    const bus = new CloudEventBus();
    const ids: string[] = [];
    bus.on('job.progress', ({ jobId }) => ids.push(jobId));
    new JobProgress(bus, 'job-7', 0).report(30);
    expect(ids).toEqual(['job-7']);
  });
});
