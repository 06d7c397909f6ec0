import { EventEmitter } from 'eventemitter3';
import type { CloudEvent } from '../model/event.js';
import type { Job } from '../model/job.js';

/** Events the cloud emits to SDK callers. @public */
export interface CloudEventMap {
  /** A persisted state change (instance created, host down, ...), after its transaction committed. */
  event: [event: CloudEvent];
  /** Progress of a running job (not persisted on every tick). */
  'job.progress': [update: { readonly jobId: string; readonly progress: number; readonly message?: string }];
  /** A job reached a final state. */
  'job.finished': [job: Job];
}

/** The typed event bus (eventemitter3). @public */
export class CloudEventBus extends EventEmitter<CloudEventMap> {}
