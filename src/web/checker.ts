// Runs checkDraft() in the lint worker, or on the page when a worker cannot start (then the rules
// load into the page on demand: the page's own bundle never carries them).
import type { DraftCheck, MemberText, PreparedMembers } from './draft-check.ts';
import type { LintRequest } from './lint-worker.ts';

export interface Checked {
  analysis: DraftCheck;
  /** Time the check itself took, ms. */
  pass: number;
}

export interface Checker {
  check(text: string): Promise<Checked>;
  /** The other members of the open artifact's set, checked with it from the next check on. */
  setMembers(members: MemberText[]): void;
}

export function createChecker(filePath: string): Checker {
  let worker: Worker | undefined;
  try {
    worker = new Worker(document.querySelector<HTMLMetaElement>('meta[name="lint-worker"]')?.content ?? '/assets/lint-worker.js', { type: 'module' });
  } catch {
    worker = undefined;
  }
  let seq = 0;
  let memberTexts: MemberText[] = [];
  // Parsed on the page only if the worker is gone.
  let inlineMembers: PreparedMembers | undefined;
  const pending = new Map<number, { text: string; done: (c: Checked) => void }>();
  const inline = async (text: string): Promise<Checked> => {
    const { checkDraft, prepareMembers } = await import('./draft-check.ts');
    const t0 = performance.now();
    inlineMembers ??= prepareMembers(memberTexts);
    return { analysis: checkDraft(text, filePath, inlineMembers), pass: performance.now() - t0 };
  };
  worker?.addEventListener('message', (e: MessageEvent<{ seq: number } & Checked>) => {
    pending.get(e.data.seq)?.done({ analysis: e.data.analysis, pass: e.data.pass });
    pending.delete(e.data.seq);
  });
  // A worker that fails (blocked, crashed) is dropped; waiting checks are answered on the page.
  worker?.addEventListener('error', () => {
    worker = undefined;
    for (const { text, done } of pending.values()) void inline(text).then(done);
    pending.clear();
  });
  return {
    check(text) {
      if (!worker) return inline(text);
      const n = ++seq;
      return new Promise((done) => {
        pending.set(n, { text, done });
        worker?.postMessage({ type: 'check', seq: n, text, filePath } satisfies LintRequest);
      });
    },
    setMembers(members) {
      memberTexts = members;
      inlineMembers = undefined;
      // Messages are handled in order: every check sent after this one sees these members.
      worker?.postMessage({ type: 'members', members } satisfies LintRequest);
    },
  };
}
