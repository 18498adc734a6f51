// Server-sent events for one artifact's new revisions. The stream never trusts an event's
// payload for ordering: an event (or a re-sync after a lost LISTEN connection) only wakes it,
// and it reads the revisions after its cursor from the database, so every client sees each
// revision once, in order, whichever server saved it and however often it reconnected.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveEvents } from './events.ts';
import { DatabaseUnavailableError, type OwnerStorage } from './storage/types.ts';

const HEARTBEAT_MS = 20_000;

export async function liveRevisions(c: Context, store: OwnerStorage, events: LiveEvents, id: string): Promise<Response> {
  const raw = c.req.query('after') ?? c.req.header('last-event-id');
  let cursor: number;
  if (raw === undefined) {
    const head = await store.get(id);
    if (!head) return c.json({ error: 'no such artifact' }, 404);
    cursor = head.revision.id;
  } else {
    if (!/^\d{1,10}$/.test(raw)) return c.json({ error: 'after (or Last-Event-ID) must be a revision id' }, 400);
    cursor = Number(raw);
    if (!(await store.revisions(id, { limit: 1 }))) return c.json({ error: 'no such artifact' }, 404);
  }
  return streamSSE(c, async (stream) => {
    let dirty = true; // the first pass sends what came after the cursor
    let wake = () => {};
    const unsubscribe = events.subscribe(
      id,
      (e) => {
        if (e.owner !== store.owner) return;
        dirty = true;
        wake();
      },
      () => {
        dirty = true;
        wake();
      },
    );
    stream.onAbort(() => {
      unsubscribe();
      wake();
    });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ artifactId: id, after: cursor }), retry: 2000 });
    while (!stream.aborted) {
      if (dirty) {
        dirty = false;
        try {
          for (const revision of (await store.revisionsAfter(id, cursor)) ?? []) {
            await stream.writeSSE({ event: 'revision', id: String(revision.id), data: JSON.stringify({ artifactId: id, revision }) });
            cursor = revision.id;
          }
        } catch (e) {
          if (!(e instanceof DatabaseUnavailableError)) throw e;
          dirty = true; // the database is back soon: try again, the cursor has not moved
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
