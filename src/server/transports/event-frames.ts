import type { ExecutionResult } from 'graphql';
import type { Sink } from '../shared-subscriptions.js';
import type { TransportCore } from './core.js';
import type { WebSocketExtra } from './websocket.js';

/**
 * A subscription's sink (see shared-subscriptions.ts): its events as its protocol's frames
 * (`{"id":…,"type":…,"payload":…}` around the result serialised and encoded once for the whole stream),
 * written to the socket as they come, then `complete` when the stream ends. One object per
 * subscription, its methods shared: a loop over the subscription, and its closures and promises,
 * were ~0.7 KB of each idle subscriber, and several promises and a write callback per event.
 */
export abstract class EventFrames implements Sink {
  private readonly head: string;
  private readonly headBytes: number;

  constructor(
    private readonly core: TransportCore,
    private readonly extra: WebSocketExtra,
    readonly id: string,
    type: 'next' | 'data',
  ) {
    this.head = `{"id":${JSON.stringify(id)},"type":"${type}","payload":`;
    this.headBytes = Buffer.byteLength(this.head);
  }

  /** The operation is still its client's (not stopped, replaced or gone with its socket). */
  protected abstract wanted(): boolean;
  /** Takes the operation off its socket's table. */
  protected abstract forget(): void;

  next(result: ExecutionResult): boolean {
    return !this.wanted() || this.extra.writeEvent(this.head, this.headBytes, this.core.encoded(result));
  }

  /** Also the answer of an operation that is not a subscription, or was refused: its result, then `complete`. */
  end(result?: ExecutionResult): void {
    if (!this.wanted()) return;
    this.forget();
    // Written even to a client that does not read: it learns why it was dropped.
    if (result) this.extra.write(`${this.head}${this.core.serialise(result)}}`, true);
    this.extra.write(`{"id":${JSON.stringify(this.id)},"type":"complete"}`, true);
  }
}
