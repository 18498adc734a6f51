import { defineRule } from '../define.ts';
import { tradeoffTables } from '../../query/tradeoff-tables.ts';

const STRATEGY = '---\nkind: strategy\n---\n\n## Tradeoffs\n\n| Choice | Gain | Cost |\n|---|---|---|\n';

export default defineRule({
  meta: {
    id: 'tradeoff/too-few-rows',
    severity: 'warning',
    docs: {
      description: 'A tradeoff table (`| Choice | Gain | Cost |`, `| Archetype | Leverage | Risk |`, pros/cons) with fewer than two rows.',
      why: 'Every case study in the module ends with a tradeoff table of four choices, each with what it gains and what it costs. A table with one row compares nothing: it shows the chosen path and hides what it was weighed against.',
      better: 'Give the table a row for each real choice, at least two, including the one you did not pick: "| roadmap list | concrete | no decision guidance |" next to "| strategy doc | alignment | writing/review time |".',
      concept: 'tradeoffs',
      bad: `${STRATEGY}| friction first | teams ship faster | new features wait |\n`,
      good: `${STRATEGY}| friction first | teams ship faster | new features wait |\n| features first | visible launches | lead time keeps growing |\n`,
    },
    messages: {
      one: 'This tradeoff table has one row (`{{words}}`): one choice weighed against nothing hides the tradeoff. Add a row for each alternative you considered, with its gain and cost.',
      none: 'This tradeoff table has no rows: it weighs nothing. Add a row for each choice you considered, with its gain and cost.',
    },
  },
  check(context) {
    // Tradeoff tables matter in artifacts; unknown documents (RFCs, READMEs) are left alone.
    if (!context.kind) return;
    for (const t of tradeoffTables(context.doc)) {
      const rows = t.rows.filter((r) => r.cells.some((c) => c.text.trim()));
      if (rows.length >= 2) continue;
      const only = rows[0]?.cells[0];
      if (only) context.report({ messageId: 'one', data: { words: only.text }, span: t.header, words: [only.text], related: [{ message: 'the only row', span: only }] });
      else context.report({ messageId: 'none', span: t.header, words: [] });
    }
  },
});
