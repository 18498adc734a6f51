// A line diff of two texts (diff-match-patch in line mode), shown as removed and added lines
// with a few unchanged lines of context; long unchanged runs fold to "… N unchanged lines".
import { diffCharsToLines, diffLinesToChars, diffMain, DIFF_DELETE, DIFF_INSERT } from 'diff-match-patch-es';
import { h, plural } from '../dom.ts';

export interface DiffLine {
  op: 'same' | 'del' | 'ins';
  text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const { chars1, chars2, lineArray } = diffLinesToChars(before, after);
  const diffs = diffMain(chars1, chars2, undefined, false);
  diffCharsToLines(diffs, lineArray);
  const out: DiffLine[] = [];
  for (const [op, text] of diffs) {
    const lines = text.replace(/\n$/, '').split('\n');
    for (const line of lines) out.push({ op: op === DIFF_DELETE ? 'del' : op === DIFF_INSERT ? 'ins' : 'same', text: line });
  }
  return out;
}

const CONTEXT = 2;

/** The diff as a <pre>-like list; `labels` name the two sides for screen readers and the legend. */
export function renderDiff(before: string, after: string, labels: { del: string; ins: string }, attrs: Record<string, string> = {}): HTMLElement {
  const lines = lineDiff(before, after);
  const changed = lines.map((l) => l.op !== 'same');
  const near = (i: number) => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean);
  const rows: HTMLElement[] = [];
  let folded = 0;
  const flush = () => {
    if (folded) rows.push(h('li', { class: 'diff-fold' }, `… ${plural(folded, 'unchanged line')}`));
    folded = 0;
  };
  lines.forEach((l, i) => {
    if (l.op === 'same' && !near(i)) return void folded++;
    flush();
    const sign = l.op === 'del' ? '−' : l.op === 'ins' ? '+' : ' ';
    const label = l.op === 'del' ? labels.del : l.op === 'ins' ? labels.ins : '';
    rows.push(h('li', { class: `diff-${l.op}` }, h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, sign), label ? h('span', { class: 'visually-hidden' }, `${label}: `) : null, l.text || ' '));
  });
  flush();
  const dels = lines.filter((l) => l.op === 'del').length;
  const ins = lines.filter((l) => l.op === 'ins').length;
  return h(
    'div',
    { class: 'diff', ...attrs },
    h('p', { class: 'diff-legend small' }, h('span', { class: 'diff-del' }, `− ${labels.del} (${plural(dels, 'line')})`), ' ', h('span', { class: 'diff-ins' }, `+ ${labels.ins} (${plural(ins, 'line')})`)),
    dels + ins ? h('ol', { class: 'diff-lines', tabindex: '0', 'aria-label': `Differences: ${labels.del} and ${labels.ins}` }, rows) : h('p', { class: 'muted small' }, 'The two versions are the same.'),
  );
}
