import type { DriverEvent } from '../../spi/compute-driver.js';

interface Subscription {
  readonly listener: (event: DriverEvent) => void;
}

/**
 * Fans driver events out to subscribers. Delivery is deferred to a microtask so a listener never runs
 * in the middle of a simulator state change, and a listener that unsubscribes before delivery is
 * skipped.
 */
export class DriverEventHub {
  // Wrapped so the same function may subscribe twice and each unsubscribe removes only its own entry.
  private readonly subscriptions = new Set<Subscription>();

  /** Adds `listener`; returns the function that removes it again. */
  subscribe(listener: (event: DriverEvent) => void): () => void {
    const subscription: Subscription = { listener };
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  /** Queues `event` for every current subscriber. */
  emit(event: DriverEvent): void {
    for (const subscription of this.subscriptions) {
      queueMicrotask(() => {
        if (this.subscriptions.has(subscription)) subscription.listener(event);
      });
    }
  }
}
