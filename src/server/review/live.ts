// Server-sent events for one review: a new thread, reply, state change, submitted revision or
// saved revision of the artifact wakes the stream (on PostgreSQL from any server, through the
// storage's LISTEN), which carries the threads forward and sends the request's cursor
// (`version.head`) when it moved. Pages refetch on an event; a reconnect with Last-Event-ID
// gets one event at once if anything changed while it was away.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ReviewRequest } from '../storage/review.ts';
import { DatabaseUnavailableError, type Storage } from '../storage/types.ts';
import { portToHead } from './service.ts';

const HEARTBEAT_MS = 20_000;

export function liveReview(c: Context, storage: Storage, request: ReviewRequest): Response {
  const last = c.req.header('last-event-id') ?? c.req.query('after') ?? null;
  const store = storage.as(request.learnerId);
  const cursorNow = async () => {
    const head = await store.get(request.artifactId);
    if (head) await portToHead(storage, request, head.revision);
    const r = await storage.review.request(request.cohortId, request.id);
    return `${r?.version ?? 0}.${head?.revision.id ?? 0}`;
  };
  return streamSSE(c, async (stream) => {
    let dirty = true;
    let wake = () => {};
    const poke = () => {
      dirty = true;
      wake();
    };
    const unsubscribe = storage.events.subscribe(request.artifactId, poke, poke);
    stream.onAbort(() => {
      unsubscribe();
      wake();
    });
    let cursor = last;
    let first = true;
    while (!stream.aborted) {
      if (dirty) {
        dirty = false;
        try {
          const now = await cursorNow();
          if (first) await stream.writeSSE({ event: 'ready', data: JSON.stringify({ cursor: now }), retry: 2000 });
          if (now !== cursor && !(first && last === null)) await stream.writeSSE({ event: 'review', id: now, data: JSON.stringify({ cursor: now }) });
          else if (first) await stream.writeSSE({ event: 'cursor', id: now, data: JSON.stringify({ cursor: now }) });
          cursor = now;
          first = false;
        } catch (e) {
          if (!(e instanceof DatabaseUnavailableError)) throw e;
          dirty = true;
          await stream.sleep(1000);
        }
        continue;
      }
      const woke = await Promise.race([new Promise<boolean>((ok) => (wake = () => ok(true))), stream.sleep(HEARTBEAT_MS).then(() => false)]);
      if (!woke && !stream.aborted) await stream.write(': keep-alive\n\n');
    }
    unsubscribe();
  });
}
