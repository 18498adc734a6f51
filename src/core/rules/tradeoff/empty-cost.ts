import type { Span } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { isNothing } from '../../text/options.ts';
import { tradeoffTables } from '../../query/tradeoff-tables.ts';

const STRATEGY = '---\nkind: strategy\n---\n\n## Tradeoffs\n\n| Choice | Gain | Cost |\n|---|---|---|\n';

export default defineRule({
  meta: {
    id: 'tradeoff/empty-cost',
    severity: 'error',
    docs: {
      description: 'A tradeoff table row whose cost (risk, cons, downside) cell is empty or says "none", "n/a" or "-".',
      why: 'In every case study\'s tradeoff table each choice has a cost: even "decision framing" costs preparation and "narrow strategy" says no to good ideas. A choice with no cost means the cost was not looked for, and the table stops being a tradeoff.',
      better: 'Name what each choice costs, concretely: "| strategy doc | alignment | writing/review time |".',
      concept: 'tradeoffs',
      bad: `${STRATEGY}| friction first | teams ship faster | none |\n| features first | visible launches | lead time keeps growing |\n`,
      good: `${STRATEGY}| friction first | teams ship faster | new features wait two quarters |\n| features first | visible launches | lead time keeps growing |\n`,
    },
    messages: {
      empty: 'The {{column}} of `{{choice}}` is empty: every choice costs something. Name what it costs (time, risk, what it rules out).',
      nothing: 'The {{column}} of `{{choice}}` says `{{words}}`: every choice costs something, and a free option means the cost was not looked for. Name what it costs (time, risk, what it rules out).',
    },
  },
  check(context) {
    if (!context.kind) return;
    const { doc } = context;
    for (const t of tradeoffTables(doc)) {
      for (const row of t.rows) {
        const choice = row.cells[0]?.text.trim();
        if (!choice) continue;
        for (const col of t.costColumns) {
          const cell = row.cells[col];
          const column = (t.header.cells[col]?.text ?? 'cost').replace(/[*_`]/g, '').toLowerCase();
          if (!cell) {
            // A row shorter than the header: point at its end, where the cell should be.
            context.report({ messageId: 'empty', data: { column, choice }, span: { start: row.end, end: row.end }, words: [] });
          } else if (!cell.text.trim()) {
            context.report({ messageId: 'empty', data: { column, choice }, span: pipes(doc.text, cell), words: [] });
          } else if (isNothing(cell.text)) {
            context.report({ messageId: 'nothing', data: { column, choice, words: cell.text }, span: cell, words: [cell.text] });
          }
        }
      }
    }
  },
});

/** An empty cell as the `| |` around it, so it can be seen and clicked. */
function pipes(text: string, cell: Span): Span {
  const start = text.lastIndexOf('|', cell.start - 1);
  const end = text.indexOf('|', cell.end);
  return { start: start === -1 ? cell.start : start, end: end === -1 ? cell.end : end + 1 };
}
