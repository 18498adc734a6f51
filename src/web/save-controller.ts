// When the editor saves: a small state machine from events (an edit, the autosave timer, the
// page being hidden, Ctrl+S, a server response) to commands (set or clear the timer, send a
// save, show a status, show a conflict). `step` is pure; `createSaveController` runs the
// commands with injected timers and a send function, so both are testable without a page.
// One save is in flight at a time, and every save, keepalive ones too, goes through here: a
// keepalive save on page hide cancels the pending autosave instead of racing it.

export type SaveStatus = 'saved' | 'editing' | 'saving' | 'offline' | 'too-large' | 'conflict';

export interface SaveState {
  /** The revision the next save is based on. */
  base: number;
  /** The text of `base` (what the server holds, as far as this page knows). */
  saved: string;
  /** The editor's text. */
  text: string;
  inFlight: boolean;
  timer: boolean;
  conflict: boolean;
  retryMs: number;
  status: SaveStatus;
}

export interface ServerRevision {
  id: number;
  text: string;
}

export type SaveEvent =
  | { type: 'edit'; text: string }
  | { type: 'timer' }
  | { type: 'hidden' }
  | { type: 'saveNow' }
  | { type: 'saved'; text: string; revision: number }
  | { type: 'conflict'; current: ServerRevision }
  | { type: 'failed'; tooLarge?: boolean }
  /** The learner chose a version (or a restore replaced the text): `base`/`saved` is what the server holds now. */
  | { type: 'rebase'; base: number; saved: string; text: string };

export type SaveCommand = { type: 'setTimer'; ms: number } | { type: 'clearTimer' } | { type: 'send'; text: string; base: number; keepalive: boolean } | { type: 'status'; status: SaveStatus } | { type: 'conflict'; current: ServerRevision };

export const SAVE_DELAY_MS = 600;
export const FIRST_RETRY_MS = 2000;
export const MAX_RETRY_MS = 30_000;

export function initialSaveState(base: number, saved: string, text = saved): SaveState {
  return { base, saved, text, inFlight: false, timer: false, conflict: false, retryMs: FIRST_RETRY_MS, status: text === saved ? 'saved' : 'editing' };
}

export function step(s: SaveState, e: SaveEvent): [SaveState, SaveCommand[]] {
  switch (e.type) {
    case 'edit': {
      const next = { ...s, text: e.text };
      if (s.conflict) return [next, []];
      return [{ ...next, timer: true, status: s.inFlight ? s.status : 'editing' }, [{ type: 'setTimer', ms: SAVE_DELAY_MS }, ...(s.inFlight ? [] : [status('editing')])]];
    }
    case 'timer':
      return send({ ...s, timer: false }, false, []);
    case 'saveNow':
      return send({ ...s, timer: false }, false, s.timer ? [{ type: 'clearTimer' }] : []);
    case 'hidden':
      // A save already in flight carries the text up to then; the draft in this browser keeps the rest.
      if (s.inFlight || s.conflict || s.text === s.saved) return [s, []];
      return send({ ...s, timer: false }, true, s.timer ? [{ type: 'clearTimer' }] : []);
    case 'saved': {
      const next: SaveState = { ...s, inFlight: false, base: e.revision, saved: e.text, retryMs: FIRST_RETRY_MS };
      // Typed on during the request: save the rest now, unless the autosave pause is still running.
      if (next.text !== next.saved && !next.timer) return send(next, false, []);
      return [{ ...next, status: next.timer ? 'editing' : 'saved' }, [status(next.timer ? 'editing' : 'saved')]];
    }
    case 'conflict':
      return [{ ...s, inFlight: false, timer: false, conflict: true, status: 'conflict' }, [...(s.timer ? [{ type: 'clearTimer' } as const] : []), { type: 'conflict', current: e.current }, status('conflict')]];
    case 'failed': {
      const next = { ...s, inFlight: false };
      if (e.tooLarge) return [{ ...next, status: 'too-large' }, [status('too-large')]];
      return [{ ...next, timer: true, status: 'offline', retryMs: Math.min(s.retryMs * 2, MAX_RETRY_MS) }, [{ type: 'setTimer', ms: s.retryMs }, status('offline')]];
    }
    case 'rebase':
      return send({ ...s, conflict: false, base: e.base, saved: e.saved, text: e.text, timer: false }, false, s.timer ? [{ type: 'clearTimer' }] : []);
  }
}

function status(s: SaveStatus): SaveCommand {
  return { type: 'status', status: s };
}

function send(s: SaveState, keepalive: boolean, cmds: SaveCommand[]): [SaveState, SaveCommand[]] {
  if (s.conflict || s.inFlight) return [s, cmds];
  if (s.text === s.saved) return [{ ...s, status: 'saved' }, [...cmds, status('saved')]];
  return [{ ...s, inFlight: true, status: 'saving' }, [...cmds, { type: 'send', text: s.text, base: s.base, keepalive }, status('saving')]];
}

export type SendResult = { ok: true; revision: number } | { ok: false; conflict: ServerRevision } | { ok: false; tooLarge: true } | { ok: false };

export interface SaveDeps {
  send(text: string, base: number, keepalive: boolean): Promise<SendResult>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  onStatus(status: SaveStatus): void;
  onConflict(current: ServerRevision): void;
  /** After a save is acknowledged (the draft can go, the history can add a row). */
  onSaved?(revision: number, text: string): void;
}

export interface SaveController {
  dispatch(e: SaveEvent): void;
  readonly state: SaveState;
  /** Saves now and resolves when the server holds the text (true) or the save failed or conflicted (false). */
  flush(): Promise<boolean>;
}

export function createSaveController(initial: SaveState, deps: SaveDeps): SaveController {
  let state = initial;
  let handle: unknown;
  const run = (cmds: SaveCommand[]) => {
    for (const c of cmds) {
      if (c.type === 'setTimer') {
        deps.clearTimer(handle);
        handle = deps.setTimer(() => dispatch({ type: 'timer' }), c.ms);
      } else if (c.type === 'clearTimer') deps.clearTimer(handle);
      else if (c.type === 'status') deps.onStatus(c.status);
      else if (c.type === 'conflict') deps.onConflict(c.current);
      else {
        const { text } = c;
        deps.send(c.text, c.base, c.keepalive).then(
          (r) => {
            if (r.ok) {
              dispatch({ type: 'saved', text, revision: r.revision });
              deps.onSaved?.(r.revision, text);
            } else if ('conflict' in r) dispatch({ type: 'conflict', current: r.conflict });
            else dispatch({ type: 'failed', ...('tooLarge' in r ? { tooLarge: true } : {}) });
          },
          () => dispatch({ type: 'failed' }),
        );
      }
    }
  };
  const waiting: (() => void)[] = [];
  const dispatch = (e: SaveEvent) => {
    const [next, cmds] = step(state, e);
    state = next;
    run(cmds);
    if (!state.inFlight) for (const w of waiting.splice(0)) w();
  };
  return {
    dispatch,
    flush() {
      dispatch({ type: 'saveNow' });
      return new Promise<boolean>((done) => {
        const check = () => (state.inFlight ? waiting.push(check) : done(!state.conflict && state.text === state.saved));
        check();
      });
    },
    get state() {
      return state;
    },
  };
}
