import type { CloudEvent } from '../model/event.js';
import { newId } from '../model/ids.js';
import type { Store, StoreSession } from '../store/store.js';
import type { CloudEventBus } from './event-bus.js';

/** What a transaction body records about a state change. @internal */
export interface EventDraft {
  readonly type: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly tenantId: string | null;
  readonly data?: Record<string, unknown>;
}

/** What a transaction body may ask for besides its writes. @internal */
export interface TxEffects {
  /** Records an event: persisted in the transaction, published after commit. */
  emit(event: EventDraft): void;
  /** Runs `effect` once the transaction has committed (e.g. refresh an in-memory index). */
  afterCommit(effect: () => void): void;
}

/**
 * Runs `fn` in one store transaction and writes the events it records in that same transaction (an
 * outbox), then publishes them on the bus once the transaction has committed: a listener never hears of
 * a change that was rolled back, and the event log never misses one that landed.
 * @internal
 */
export async function transactWithEvents<T>(
  store: Store,
  bus: CloudEventBus,
  fn: (tx: StoreSession, effects: TxEffects) => Promise<T>,
): Promise<T> {
  let events: CloudEvent[] = [];
  let effects: Array<() => void> = [];
  const result = await store.transaction(async (tx) => {
    events = [];
    effects = [];
    const value = await fn(tx, {
      afterCommit: (effect) => effects.push(effect),
      emit: (draft) =>
        events.push({
          id: newId('event'),
          type: draft.type,
          resourceType: draft.resourceType,
          resourceId: draft.resourceId,
          tenantId: draft.tenantId,
          time: new Date().toISOString(),
          data: draft.data ?? {},
        }),
    });
    for (const event of events) await tx.appendEvent(event);
    return value;
  });
  for (const effect of effects) effect();
  for (const event of events) bus.emit('event', event);
  return result;
}
