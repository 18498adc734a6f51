// Options and tradeoff tables: what the escalation, ADR and tradeoff rules compare across
// sections (is the recommendation one of the options? is it a row of the table?).
import type { Block, Doc, Section, TableRow } from '../model/types.ts';
import { readSpans } from '../query/doc-query.ts';
import { SectionView } from '../query/section-view.ts';
import { choiceOf, isNothing, namesSeveral, type Choice } from '../text/options.ts';
import type { RuleContext } from './define.ts';
import { clip, type Match } from './util.ts';

export { isNothing, namesSeveral, type Choice };

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
const REFERENCE = /\b(?:[Oo]ption|[Aa]lternative|[Cc]hoice)\s*#?\s*(?:([0-9]{1,2})|([A-H])\b|(one|two|three|four|five|six)\b)/g;
const ORDINAL_REFERENCE = /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last)\s+(?:option|alternative|choice)\b/gi;

/** What a recommendation or decision says: the section's own prose (deprecated: `context.view(id).text()`). */
export function statedText(doc: Doc, section: Section): string {
  return new SectionView(doc, section, readSpans(doc, section)).text();
}

/** The options listed in a section (deprecated: `context.view('options').options()`). */
export function optionsOf(doc: Doc, section: Section): Choice[] {
  return new SectionView(doc, section, readSpans(doc, section)).options();
}

/** An explicit reference to an option ("Option 3", "option B", "the second option"). */
export interface OptionReference extends Match {
  /** 1-based position, or the letter/number the options label themselves with. */
  label: string;
  position: number | 'last';
}

export function optionReference(text: string, offset: number): OptionReference | undefined {
  REFERENCE.lastIndex = 0;
  ORDINAL_REFERENCE.lastIndex = 0;
  const a = REFERENCE.exec(text);
  const b = ORDINAL_REFERENCE.exec(text);
  if (a && (!b || a.index <= b.index)) {
    const n = a[1] ? Number(a[1]) : a[3] ? (NUMBER_WORDS[a[3].toLowerCase()] as number) : (a[2] as string).charCodeAt(0) - 64;
    return { start: offset + a.index, end: offset + a.index + a[0].length, text: a[0], label: (a[1] ?? a[2] ?? String(n)).toUpperCase(), position: n };
  }
  if (b) {
    const word = (b[1] as string).toLowerCase();
    const position = word === 'last' ? 'last' : (ORDINALS[word] as number);
    return { start: offset + b.index, end: offset + b.index + b[0].length, text: b[0], label: String(position), position };
  }
  return undefined;
}

/** The option a reference points at: by the options' own labels first, then by position. */
export function resolveReference(ref: OptionReference, choices: Choice[]): Choice | undefined {
  const labelled = choices.find((c) => c.label === ref.label);
  if (labelled) return labelled;
  if (choices.some((c) => c.label)) return undefined;
  return ref.position === 'last' ? choices[choices.length - 1] : choices[ref.position - 1];
}

/**
 * The option whose words a text uses: all of its name's words, two of them, or three words
 * of the option as a whole. Returns the best match, or undefined when none is close enough.
 */
export function matchChoice(words: Set<string>, choices: Choice[]): Choice | undefined {
  let best: { c: Choice; score: number } | undefined;
  for (const c of choices) {
    const name = overlap(c.nameWords, words);
    const all = overlap(c.words, words);
    const ok = (c.nameWords.size > 0 && name === c.nameWords.size) || name >= 2 || all >= 3;
    if (!ok) continue;
    const score = name * 2 + all;
    if (!best || score > best.score) best = { c, score };
  }
  return best?.c;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

// --- Tradeoff tables -------------------------------------------------------------------

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
    if (!first || !first.text) return [];
    const c = choiceOf(first.text, first.start);
    return [{ ...c, end: first.end }];
  });
}

/**
 * Reports an `options` section with fewer than two options, as messageIds `none` / `one`:
 * the same wrong approach in an escalation brief and an ADR (a demand or an announcement).
 */
export function checkOptionCount(context: RuleContext<'none' | 'one'>): void {
  const view = context.view('options');
  const section = view?.section;
  // An empty section is structure/empty-section's finding, not this one.
  if (!view || !section || view.isEmpty()) return;
  const options = view.options();
  if (options.length >= 2) return;
  const only = options[0];
  // One line can still hold several options: "team A owns it, or team B does"; "two options: ...".
  if (only && namesSeveral(only.text)) return;
  if (only) context.report({ messageId: 'one', data: { section: section.title, option: clip(only.text, 60) }, span: section.titleSpan, words: [section.title], related: [{ message: 'the only option', span: only }] });
  else context.report({ messageId: 'none', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
}
