import { EcloudError } from '@ecloud/core';
import { faultError } from '../soap/soap-fault.js';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { child, childrenNamed, malformedAnswer, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, isReference, type VimValue } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';

/** How to wait for a task. @public */
export interface TaskWaitOptions {
  /** Aborting cancels the task on the server (`CancelTask`, when it is cancelable) and stops waiting. */
  readonly signal: AbortSignal;
  /** Hears the task's progress, 0–100, as the server reports it. */
  readonly progress?: (percent: number) => void;
  /** Longest wait of one `WaitForUpdatesEx` long poll, in seconds (default 60). */
  readonly pollSeconds?: number;
}

interface TaskState {
  state?: string | undefined;
  progress?: number;
  error?: XmlNode | undefined;
  result?: XmlNode | undefined;
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
  const [created] = await session.call('CreatePropertyCollector', session.content.propertyCollector);
  const collector = created ? decodeValue(created) : undefined;
  if (!isReference(collector)) throw malformedAnswer('CreatePropertyCollector returned no collector');
  try {
    await session.invoke('CreateFilter', collector, {
      spec: {
        propSet: [
          { type: 'Task', all: false, pathSet: ['info.state', 'info.progress', 'info.error', 'info.result'] },
        ],
        objectSet: [{ obj: task, skip: false }],
      },
      partialUpdates: false,
    });
    return await follow(session, collector, task, method, options);
  } catch (error) {
    if (options.signal.aborted) {
      await session.invoke('CancelTask', task).catch(() => undefined);
      throw new EcloudError('CANCELLED', `vSphere ${method} was cancelled.`, {
        details: { method, task: task.value },
      });
    }
    throw error;
  } finally {
    await session.invoke('DestroyPropertyCollector', collector).catch(() => undefined);
  }
}

async function follow(
  session: VsphereSession,
  collector: ManagedObjectReference,
  task: ManagedObjectReference,
  method: string,
  options: TaskWaitOptions,
): Promise<VimValue | undefined> {
  const state: TaskState = {};
  let version = '';
  for (;;) {
    const [updates] = await session.call(
      'WaitForUpdatesEx',
      collector,
      { version, options: { maxWaitSeconds: options.pollSeconds ?? 60 } },
      // The long poll may take up to its wait; the deadline of the HTTP call allows for that.
      { signal: options.signal, timeoutMs: ((options.pollSeconds ?? 60) + 30) * 1000 },
    );
    if (!updates) continue;
    version = child(updates, 'version')?.text ?? version;
    for (const filter of childrenNamed(updates, 'filterSet'))
      for (const object of childrenNamed(filter, 'objectSet')) apply(state, object);
    if (state.progress !== undefined) options.progress?.(state.progress);
    if (state.state === 'success') return state.result ? decodeValue(state.result) : undefined;
    if (state.state === 'error') throw taskFault(state.error, method, task);
  }
}

function apply(state: TaskState, object: XmlNode): void {
  for (const change of childrenNamed(object, 'changeSet')) {
    const name = child(change, 'name')?.text;
    const val = child(change, 'val');
    if (name === 'info.state') state.state = val?.text;
    else if (name === 'info.progress' && val) state.progress = Number(val.text);
    else if (name === 'info.error') state.error = val;
    else if (name === 'info.result') state.result = val;
  }
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
