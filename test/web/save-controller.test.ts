// The editor's save logic on its own, with fake timers and a fake server that answers after an
// injected latency and refuses a save on a stale base with a conflict, as the real one does.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { createSaveController, initialSaveState, SAVE_DELAY_MS, step, type SaveStatus, type SendResult, type ServerRevision } from '../../src/web/save-controller.ts';

interface Sent {
  text: string;
  base: number;
  keepalive: boolean;
}

function fakeServer(latencyMs: number) {
  let head: ServerRevision = { id: 1, text: 'v1' };
  let next = 2;
  const sent: Sent[] = [];
  let down = false;
  return {
    sent,
    get head() {
      return head;
    },
    setDown(v: boolean) {
      down = v;
    },
    /** Another tab saves. */
    saveElsewhere(text: string) {
      head = { id: next++, text };
    },
    send(text: string, base: number, keepalive: boolean): Promise<SendResult> {
      sent.push({ text, base, keepalive });
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          if (down) return reject(new Error('connection refused'));
          if (base !== head.id) return resolve({ ok: false, conflict: head });
          head = { id: next++, text };
          resolve({ ok: true, revision: head.id });
        }, latencyMs),
      );
    },
  };
}

function harness(latencyMs: number) {
  const server = fakeServer(latencyMs);
  const statuses: SaveStatus[] = [];
  const conflicts: ServerRevision[] = [];
  const saves = createSaveController(initialSaveState(1, 'v1'), {
    send: (t, b, k) => server.send(t, b, k),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onStatus: (s) => statuses.push(s),
    onConflict: (c) => conflicts.push(c),
  });
  return { server, saves, statuses, conflicts };
}

/** Advances fake time in small steps, letting promise callbacks run between them. */
async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 10) {
    mock.timers.tick(10);
    await new Promise<void>((r) => setImmediate(r));
  }
}

describe('save controller', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('autosaves once after the pause, not on every keystroke', async () => {
    const { server, saves, statuses } = harness(50);
    saves.dispatch({ type: 'edit', text: 'v1 a' });
    await advance(300);
    saves.dispatch({ type: 'edit', text: 'v1 ab' });
    await advance(SAVE_DELAY_MS - 10);
    assert.equal(server.sent.length, 0);
    await advance(100);
    assert.deepEqual(server.sent, [{ text: 'v1 ab', base: 1, keepalive: false }]);
    assert.equal(saves.state.saved, 'v1 ab');
    assert.equal(statuses.at(-1), 'saved');
  });

  it('a keepalive save on page hide cancels the pending autosave, so a slow network does not report a conflict with itself', async () => {
    const { server, saves, conflicts } = harness(1000);
    saves.dispatch({ type: 'edit', text: 'v1 typed' });
    await advance(100);
    saves.dispatch({ type: 'hidden' });
    // The autosave pause ends while the keepalive save is still on the wire.
    await advance(SAVE_DELAY_MS + 1500);
    assert.deepEqual(server.sent, [{ text: 'v1 typed', base: 1, keepalive: true }]);
    assert.deepEqual(conflicts, []);
    assert.equal(server.head.text, 'v1 typed');
    assert.equal(saves.state.base, server.head.id);
    assert.equal(saves.state.status, 'saved');
  });

  it('text typed while a save is in flight is saved after it, on the new base', async () => {
    const { server, saves } = harness(1000);
    saves.dispatch({ type: 'edit', text: 'one' });
    await advance(SAVE_DELAY_MS + 10);
    assert.equal(server.sent.length, 1);
    saves.dispatch({ type: 'edit', text: 'one two' });
    await advance(SAVE_DELAY_MS + 10);
    // The pause is over, but the first save has not answered: no second request on the old base.
    assert.equal(server.sent.length, 1);
    await advance(2500);
    assert.deepEqual(
      server.sent.map((s) => [s.text, s.base]),
      [
        ['one', 1],
        ['one two', 2],
      ],
    );
    assert.equal(server.head.text, 'one two');
  });

  it('a save on a stale base stops autosave and reports the conflict; choosing a version saves it on the new base', async () => {
    const { server, saves, conflicts } = harness(20);
    server.saveElsewhere('from the other tab');
    saves.dispatch({ type: 'edit', text: 'mine' });
    await advance(SAVE_DELAY_MS + 50);
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0]?.text, 'from the other tab');
    saves.dispatch({ type: 'edit', text: 'mine, typed while the panel is open' });
    await advance(SAVE_DELAY_MS * 3);
    assert.equal(server.sent.length, 1, 'no save while the conflict is open');
    const current = conflicts[0] as ServerRevision;
    saves.dispatch({ type: 'rebase', base: current.id, saved: current.text, text: saves.state.text });
    await advance(100);
    assert.equal(server.head.text, 'mine, typed while the panel is open');
    assert.equal(saves.state.conflict, false);
  });

  it('retries with backoff while the server cannot be reached, and Ctrl+S saves at once', async () => {
    const { server, saves, statuses } = harness(10);
    server.setDown(true);
    saves.dispatch({ type: 'saveNow' });
    assert.equal(server.sent.length, 0, 'nothing to save');
    saves.dispatch({ type: 'edit', text: 'offline words' });
    saves.dispatch({ type: 'saveNow' });
    assert.equal(server.sent.length, 1, 'saved without waiting for the pause');
    await advance(50);
    assert.equal(statuses.at(-1), 'offline');
    await advance(2000);
    assert.equal(server.sent.length, 2);
    await advance(3000);
    assert.equal(server.sent.length, 2, 'the second retry waits twice as long');
    server.setDown(false);
    await advance(1100);
    assert.equal(server.sent.length, 3);
    assert.equal(server.head.text, 'offline words');
    assert.equal(statuses.at(-1), 'saved');
  });

  it('step is pure: it never changes the state it is given', () => {
    const s = initialSaveState(1, 'a');
    const frozen = Object.freeze({ ...s });
    const [next, cmds] = step(frozen, { type: 'edit', text: 'ab' });
    assert.equal(frozen.text, 'a');
    assert.equal(next.text, 'ab');
    assert.deepEqual(cmds[0], { type: 'setTimer', ms: SAVE_DELAY_MS });
  });
});
