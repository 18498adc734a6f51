// Tables that weigh choices (`| Option | Gain | Cost |`): what the tradeoff rules read.
import type { Block, Doc, TableRow } from '../model/types.ts';
import { choiceOf, choiceOfRow, type Choice } from '../text/options.ts';

const COST = /\b(?:costs?|risks?|cons|downsides?|drawbacks?|disadvantages?|trade-?offs?|weakness(?:es)?|bad|negatives?|penalty|price)\b/i;
const GAIN = /\b(?:gains?|benefits?|pros|leverage|upsides?|advantages?|good|strengths?|positives?|wins?|value)\b/i;
const CHOICE_HEADER = /\b(?:choices?|options?|alternatives?|approach(?:es)?|archetypes?|styles?|actions?|strateg(?:y|ies)|solutions?|candidates?|paths?)\b/i;

export interface TradeoffTable {
  table: Block;
  header: TableRow;
  /** Columns (0-based) whose header names a cost: Cost, Risk, Cons, Downside... */
  costColumns: number[];
  rows: TableRow[];
}

/**
 * Tables that weigh choices: a cost-like column after the first, and a gain-like column or
 * a first column that names the choices. A `| Item | Cost |` budget or a
 * `| Risk | Mitigation |` register is not a tradeoff table.
 */
export function tradeoffTables(doc: Doc): TradeoffTable[] {
  const out: TradeoffTable[] = [];
  for (const table of doc.tables) {
    const header = table.header;
    if (!header || header.cells.length < 2) continue;
    const names = header.cells.map((c) => c.text.replace(/[*_`]/g, ''));
    const costColumns = names.flatMap((n, i) => (i > 0 && COST.test(n) ? [i] : []));
    if (!costColumns.length) continue;
    const weighsChoices = names.some((n, i) => i > 0 && !costColumns.includes(i) && GAIN.test(n)) || CHOICE_HEADER.test(names[0] ?? '');
    if (weighsChoices) out.push({ table, header, costColumns, rows: table.rows ?? [] });
  }
  return out;
}

/** The rows of a tradeoff table as choices, named by their first cell. */
export function rowChoices(t: TradeoffTable): Choice[] {
  return t.rows.flatMap((r) => {
    const first = r.cells[0];
    if (!first?.text) return [];
    // "| C | Split the cost | ... |": the label's row is named by the next cell.
    const c = choiceOfRow(r.cells.map((x) => ({ start: x.start, end: x.end, text: x.text }))) ?? choiceOf(first.text, first.start);
    return [{ ...c, end: first.end }];
  });
}
