// What a test entry may observe of a mounted editor. Production code only calls the (empty)
// listener list; the browser tests' own entry (test/browser/entry.ts) registers a listener and
// exposes the handle to the page, so the production bundle has no test global.
import type { EditorView } from 'codemirror';

/** Timings of each lint pass, read by the browser test and bench (never asserted). */
export interface LintTiming {
  /** The check itself (core checkText + outline), in the lint worker, ms. */
  pass: number;
  /** From the last keystroke to findings ready (includes the debounce), ms. */
  sinceKeystroke: number;
  chars: number;
}

export interface EditorHandle {
  view: EditorView;
  timings: LintTiming[];
  /** Resolves when the set members asked for last have arrived. */
  setLoaded(): Promise<void>;
}

export const editorMounted: ((h: EditorHandle) => void)[] = [];
