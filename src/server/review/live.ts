// Server-sent events for one review: a new thread, reply, state change or submitted revision
// wakes the stream (on PostgreSQL from any server, through the storage's LISTEN), which sends
// the request's cursor (its version) when it moved. Pages refetch on an event; a reconnect with
// Last-Event-ID gets one event at once if anything changed while it was away. The writer's
// unsubmitted saves do not move it (reviewers never learn of drafts). Every wake, and every
// heartbeat, first asks `allowed`: a sign-out or a lost membership ends the stream.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ReviewRequest } from '../storage/review.ts';
import { DatabaseUnavailableError, type Storage } from '../storage/types.ts';

const HEARTBEAT_MS = 20_000;

export function liveReview(c: Context, storage: Storage, request: ReviewRequest, allowed: () => Promise<boolean>): Response {
  const last = c.req.header('last-event-id') ?? c.req.query('after') ?? null;
  const cursorNow = async () => {
    const r = await storage.review.request(request.cohortId, request.id);
    return `${r?.version ?? 0}.${r?.revisionId ?? 0}`;
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
    try {
      while (!stream.aborted) {
        if (dirty) {
          dirty = false;
          try {
            if (!(await allowed())) break;
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
        if (!woke && !stream.aborted) {
          if (!(await allowed().catch(() => true))) break;
          await stream.write(': keep-alive\n\n');
        }
      }
    } finally {
      unsubscribe();
    }
    // Ended by the server: tell the page not to reconnect into a 401 loop.
    if (!stream.aborted) await stream.writeSSE({ event: 'end', data: JSON.stringify({ reason: 'signed out or no longer allowed' }) }).catch(() => undefined);
  });
}
