// Which findings the learner's edits fixed, for the "Fixed" note. Findings are matched by their
// identity (rule id, messageId, data, and the text they point at), never by message text. A
// finding counts as fixed only when it is gone, its rule and message fire fewer times than
// before, and the text it pointed at is still there: deleting the words (or the section) that
// fired removes the finding without fixing it. The editor compares settled states only (after
// a pause in typing), so half-typed states are never celebrated.
import type { Diagnostic } from '../core/page.ts';

/** Whether the edits since the earlier text deleted all of [from, to) and put nothing (but space) in its place. */
export type Deleted = (from: number, to: number) => boolean;

export function findingKey(d: Diagnostic, text: string): string {
  // `data` is what tells apart two findings of one message at one place (two missing sections
  // both point at the title); a finding without data falls back on its message.
  const data = (d as { data?: unknown }).data;
  return [d.ruleId, d.messageId, data === undefined ? d.message : JSON.stringify(data), text.slice(d.range[0], d.range[1])].join('\u0000');
}

export function fixedFindings(before: readonly Diagnostic[], beforeText: string, now: readonly Diagnostic[], nowText: string, deleted: Deleted): Diagnostic[] {
  const remaining = new Map<string, number>();
  for (const d of now) {
    const k = findingKey(d, nowText);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const gone: Diagnostic[] = [];
  for (const d of before) {
    const k = findingKey(d, beforeText);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else gone.push(d);
  }
  const rule = (d: Diagnostic) => `${d.ruleId}\u0000${d.messageId}`;
  const count = (list: readonly Diagnostic[], r: string) => list.filter((x) => rule(x) === r).length;
  return gone.filter((d) => count(now, rule(d)) < count(before, rule(d)) && !deleted(d.range[0], d.range[1]));
}
