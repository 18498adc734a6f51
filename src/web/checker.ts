// Runs analyse() in the lint worker, or on the page when a worker cannot start.
import { analyse, type Analysis } from './analyse.ts';
import type { LintRequest } from './lint-worker.ts';

export interface Checked {
  analysis: Analysis;
  /** Time the check itself took, ms. */
  pass: number;
}

export function createChecker(filePath: string): { check(text: string): Promise<Checked> } {
  let worker: Worker | undefined;
  try {
    worker = new Worker('/assets/lint-worker.js', { type: 'module' });
  } catch {
    worker = undefined;
  }
  let seq = 0;
  const pending = new Map<number, { text: string; done: (c: Checked) => void }>();
  const inline = (text: string): Checked => {
    const t0 = performance.now();
    return { analysis: analyse(text, filePath), pass: performance.now() - t0 };
  };
  worker?.addEventListener('message', (e: MessageEvent<{ seq: number } & Checked>) => {
    pending.get(e.data.seq)?.done({ analysis: e.data.analysis, pass: e.data.pass });
    pending.delete(e.data.seq);
  });
  // A worker that fails (blocked, crashed) is dropped; waiting checks are answered on the page.
  worker?.addEventListener('error', () => {
    worker = undefined;
    for (const { text, done } of pending.values()) done(inline(text));
    pending.clear();
  });
  return {
    check(text) {
      if (!worker) return Promise.resolve(inline(text));
      const n = ++seq;
      return new Promise((done) => {
        pending.set(n, { text, done });
        worker?.postMessage({ seq: n, text, filePath } satisfies LintRequest);
      });
    },
  };
}
