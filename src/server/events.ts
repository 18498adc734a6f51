// Live updates inside one server process: the storage publishes what it committed (on
// PostgreSQL, what any server committed, heard through LISTEN), and each server-sent-events
// stream listens for its artifact. Events carry a cursor (the revision id) so a stream that
// missed some (a reconnect, a lost LISTEN connection) re-reads from the database after it.
import { EventEmitter } from 'node:events';
import type { RevisionMeta } from './storage/types.ts';

export type LiveEvent =
  | { type: 'revision'; owner: string; artifactId: string; revision: RevisionMeta }
  /** A review thread, comment or state changed (src/server/routes/reviews.ts); `version` is the request's cursor. */
  | { type: 'review'; owner: string; artifactId: string; cohortId: string; requestId: number; version: number };

export class LiveEvents {
  readonly #bus = new EventEmitter().setMaxListeners(0);

  publish(e: LiveEvent): void {
    this.#bus.emit(`artifact:${e.artifactId}`, e);
  }

  /** Events may have been missed (the LISTEN connection dropped): every stream re-reads from its cursor. */
  resync(): void {
    this.#bus.emit('resync');
  }

  subscribe(artifactId: string, onEvent: (e: LiveEvent) => void, onResync: () => void): () => void {
    this.#bus.on(`artifact:${artifactId}`, onEvent);
    this.#bus.on('resync', onResync);
    return () => {
      this.#bus.off(`artifact:${artifactId}`, onEvent);
      this.#bus.off('resync', onResync);
    };
  }
}
