import { EcloudError } from '@ecloud/core';
import { faultError } from '../soap/soap-fault.js';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { child, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, type VimValue } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';
import { type WatchedValues, type WatchOptions, watchObject } from './watch-object.js';

/** How to wait for a task. @public */
export interface TaskWaitOptions extends WatchOptions {
  /** Aborting cancels the task on the server (`CancelTask`, when it is cancelable) and stops waiting. */
  readonly signal: AbortSignal;
  /** Hears the task's progress, 0–100, as the server reports it. */
  readonly progress?: (percent: number) => void;
}

/**
 * Follows a `*_Task` to its end through a private PropertyCollector (`WaitForUpdatesEx` long polls:
 * the server tells us when the task changes, we never poll it): resolves with `info.result` on
 * success, rejects with the task's fault mapped to our codes on error, `CANCELLED` on abort.
 * @public
 */
export async function waitForTask(
  session: VsphereSession,
  task: ManagedObjectReference,
  method: string,
  options: TaskWaitOptions,
): Promise<VimValue | undefined> {
  // Each answer holds every value seen so far, and a new collector (the session was renewed mid-task)
  // starts with the current ones: only a percent that moved is news.
  let reported: number | undefined;
  const settle = (values: WatchedValues) => {
    const progress = percentOf(values.get('info.progress'));
    if (progress !== undefined && progress !== reported) {
      reported = progress;
      options.progress?.(progress);
    }
    const state = values.get('info.state')?.text;
    if (state === 'error') throw taskFault(values.get('info.error'), method, task);
    if (state !== 'success') return undefined;
    const result = values.get('info.result');
    return { value: result ? decodeValue(result) : undefined };
  };
  try {
    return await watchObject(
      session,
      task,
      ['info.state', 'info.progress', 'info.error', 'info.result'],
      settle,
      options,
    );
  } catch (error) {
    if (!options.signal.aborted) throw error;
    await session.invoke('CancelTask', task).catch(() => undefined);
    throw new EcloudError('CANCELLED', `vSphere ${method} was cancelled.`, {
      details: { method, task: task.value },
    });
  }
}

function percentOf(node: XmlNode | undefined): number | undefined {
  const percent = node && node.text.trim() !== '' ? Number(node.text) : Number.NaN;
  return Number.isFinite(percent) ? percent : undefined;
}

/** The task's `LocalizedMethodFault` as our error. */
function taskFault(error: XmlNode | undefined, method: string, task: ManagedObjectReference): EcloudError {
  const fault = error ? child(error, 'fault') : undefined;
  const fields: Record<string, string> = { task: task.value };
  for (const field of fault?.children ?? []) if (field.children.length === 0) fields[field.name] = field.text;
  return faultError(
    {
      type: fault?.xsiType,
      message: (error && child(error, 'localizedMessage')?.text) || fault?.xsiType || 'the task failed',
      fields,
    },
    method,
  );
}
