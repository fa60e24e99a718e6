/** Rules about orders and what they provision. */
import type { NumberStatus, OrderStatus } from './model.js';

/**
 * A number ordered asynchronously follows its order: PENDING while the provider has not
 * confirmed it, ACTIVE once the order COMPLETED, RELEASED when it FAILED (the provider put the
 * number back in stock). Undefined: the order's status says nothing about its numbers.
 */
export function numberStatusOf(order: OrderStatus): NumberStatus | undefined {
  switch (order) {
    case 'PENDING':
      return 'PENDING';
    case 'COMPLETED':
      return 'ACTIVE';
    case 'FAILED':
      return 'RELEASED';
    case 'STALE':
      // The gateway stopped waiting; the provider's own list (reconciliation) says what became of them.
      return undefined;
  }
}
