import type { Block, Doc, Span } from '../../model/types.ts';
import { itemContent, SENTENCE } from '../../text/index.ts';
import { defineRule, type RuleContext } from '../define.ts';

/** Percent rounding ("33% + 33% + 33%") is not a wrong sum. */
const PERCENT_SLACK = 1;
/** Without a stated week, a working week is somewhere in this many hours, or this many days. */
const WEEK_HOURS = { min: 32, max: 45 };
const WEEK_DAYS = 5;

type Unit = 'percent' | 'hours' | 'days';
const UNITS: Unit[] = ['percent', 'hours', 'days'];
const WORD_NUMBER: Record<string, number> = { half: 0.5, '½': 0.5, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const NUM = String.raw`(\d+(?:[.,]\d+)?|½|half|one|two|three|four|five|six|seven)`;
const AMOUNT: Record<Unit, RegExp> = {
  percent: /(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent\b)/gi,
  hours: /(?<![\w.])(\d+(?:[.,]\d+)?)\s?(?:h|hrs?|hours?)\b/gi,
  days: new RegExp(String.raw`(?<![\w.-])${NUM}(?:(?:\s?a)?[\s-]?days?|d)\b`, 'gi'),
};
/** Header words that give a table column's unit when its cells are bare numbers (`| Days |`). */
const COLUMN_UNIT: [Unit, RegExp][] = [
  ['percent', /%|\bper ?cent|\bshare\b/i],
  ['hours', /\b(?:hours?|hrs?|h)\b/i],
  ['days', /\bdays?\b/i],
];
/** "20-30%", "up to 20%", "2h a day": not a weekly split that can be added up. */
const UNCLEAR = /\d\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?\s?(?:%|h\b|hrs?\b|hours?|days?)|\b(?:up to|at least|at most|or so|or more|or less)\b|\d\s?(?:%|h|hrs?|hours?)\s+(?:a|per|each|every)\s+day\b|\d\s?(?:h|hrs?|hours?)\s+daily\b/i;
/** "Total: 100%": the writer's own total, not a part. */
const TOTAL = /^[\s*_>|-]*(?:total|sum|overall|altogether)\b[\s*_]*[:=—–-]/i;
/** "..., which adds up to 100%": the rest of the clause states the total. */
const TOTAL_CLAUSE = /\b(?:add(?:s|ing)? up to|sums? (?:up )?to|comes? to|in total|altogether)\b[^,;]*/gi;
const TOTAL_CELL = /^\W*(?:total|sum|overall)\W*$/i;
/** A catch-all line ("the rest: reviews") covers whatever the amounts leave. */
const REST = /\b(?:the rest|remaining|remainder|whatever is left|left ?over|buffer|slack)\b/i;
/** The week's size, stated in the text ("a 36-hour week", "my four-day week") or the title ("Weekly allocation (5 days)"). */
const WEEK_IN_TEXT = new RegExp(String.raw`${NUM}[- ](day|hour|h)s?[- ](?:work(?:ing)?[- ])?week\b`, 'gi');
const WEEK_IN_TITLE = new RegExp(String.raw`\(\s*${NUM}\s?(days?|hours?|hrs?|h)\s*\)`, 'i');

/**
 * Where an amount nested in the one before it starts: "3 days reviews, of which 4 hours are office
 * hours", "2 days mentoring, including 3 hours of interviews", "incl. 10%". The nested amount runs
 * to the end of its clause and is part of the first, not added to it.
 */
const NESTED = /\b(?:of which|out of which|within (?:which|that|this)|part of which|including|incl\.|which includes?)(?=\s)[^,;]*/gi;

interface Part extends Span {
  text: string;
  value: number;
}

interface Entry {
  parts: Record<Unit, Part[]>;
  /** The units with an amount outside parentheses and "of which" clauses: two of them ("2 days and 4 hours") make the entry mixed. */
  units?: Set<Unit>;
  rest: boolean;
  /** A load said in words ("full-time", "all week", "half the week"), as a share of the week. */
  load?: Part;
}

/**
 * A share of the week said in words: a full-time load ("full-time", "all week", "the whole
 * week", "a full week") or a half one ("half-time", "half the week"). "Primary on-call every
 * other week, a full-time load when on" fills the whole of that week.
 */
const LOAD = /\b(?:(full[- ]time|all week|(?:the )?(?:whole|entire) week|a full week|full week|100% of (?:my|the) (?:time|week))|(half[- ]time|half (?:of )?(?:the|my) (?:week|time)|50% of (?:my|the) (?:time|week)))\b/i;
const NOT_LOAD = /\b(?:not|never|no longer|isn't|aren't|wasn't|less than|under|short of|instead of)\s+(?:\w+\s+)?$/i;

export default defineRule({
  meta: {
    id: 'role/allocation-sum',
    severity: 'error',
    kinds: ['role-memo'],
    docs: {
      description: 'The weekly allocation does not add up to 100% (or to one week of hours or days).',
      why: 'Case study 2: the wrong approach is "Staff engineer means doing every senior task". A week that holds 130% is that approach in numbers: the memo promises every task and chooses none, so something will be dropped without anyone deciding what. A week that adds up to less leaves part of the role undefined.',
      better: 'Split one week so it adds up to 100%: "50% architecture reviews and design across the three teams, 30% migration tech lead work, 20% mentoring and writing"; what does not fit goes in the non-scope.',
      caseStudy: 2,
      concept: 'leverage',
      bad: '---\nkind: role-memo\n---\n\nWeekly allocation:\n- 40% leading the team\n- 40% incidents\n- 30% architecture\n- 20% mentoring\n',
      good: '---\nkind: role-memo\n---\n\nWeekly allocation:\n- 50% architecture reviews\n- 30% migration tech lead work\n- 20% mentoring and writing\n',
    },
    messages: {
      over: 'The weekly allocation adds up to {{total}} ({{parts}}), more than one week ({{week}}): that is "Staff means every senior task". Cut it to {{week}} and move what does not fit to the non-scope.',
      under: 'The weekly allocation adds up to {{total}} ({{parts}}), less than one week ({{week}}), so part of the role is undefined. Say where the rest of the week goes.',
    },
  },
  check(context) {
    const { doc } = context;
    const allocation = context.view('allocation');
    if (!allocation) return;
    const entries = entriesOf(doc, allocation.blocks);
    if (entries === undefined) return;
    const withAmounts = entries.filter((e) => UNITS.some((u) => e.parts[u].length));
    // No amount at all: nothing to add up (a load in words alone is not a split of the week).
    if (!withAmounts.length) return;
    // The unit every amount uses; a split in mixed units (days here, hours there) is added up as shares of the week.
    const unit = withAmounts.some((e) => (e.units?.size ?? 0) > 1) ? undefined : UNITS.find((u) => withAmounts.every((e) => e.parts[u].length));
    if (!unit) {
      mixed(context, entries, withAmounts, allocation.title, allocation.text());
      return;
    }
    const week = weekOf(unit, allocation.title, allocation.text());
    // A load in words counts as its share of the week, in the unit the other amounts use.
    const loads = entries.flatMap((e) => (e.load ? [{ ...e.load, value: e.load.value * week.max }] : []));
    const parts = [...withAmounts.flatMap((e) => e.parts[unit]), ...loads].sort((a, b) => a.start - b.start);
    const total = parts.reduce((sum, p) => sum + p.value, 0);
    const slack = unit === 'percent' ? PERCENT_SLACK : 0.01;
    const over = total > week.max + slack;
    const under = total < week.min - slack && !entries.some((e) => e.rest);
    if (!over && !under) return;
    const show = (n: number) => (unit === 'percent' ? `${round(n)}%` : `${round(n)} ${n === 1 ? unit.slice(0, -1) : unit}`);
    context.report({
      messageId: over ? 'over' : 'under',
      data: { total: show(total), parts: parts.map((p) => `\`${/^[\d.,½]+$/.test(p.text) ? show(p.value) : p.text}\``).join(' + '), week: week.label },
      span: { start: parts[0]!.start, end: parts[parts.length - 1]!.end },
      words: parts.map((p) => p.text),
    });
  },
});

/**
 * A week split in mixed units ("2 days design, 8 hours reviews, 10% interviews"): each entry's
 * first amount as a share of the week. Hours without a stated week are a range (32-45 hours),
 * so only a sum that is over or under at both ends is reported.
 */
function mixed(context: RuleContext, entries: Entry[], withAmounts: Entry[], title: string, text: string): void {
  const days = weekOf('days', title, text).max;
  const hours = weekOf('hours', title, text);
  const parts: Part[] = [];
  let lo = 0;
  let hi = 0;
  for (const e of withAmounts) {
    // "1 day design, 25% reviews": every amount of a mixed entry; "3 days (60%)": the first.
    const amounts = UNITS.flatMap((u) => e.parts[u].map((p) => [u, p] as const)).sort((a, b) => a[1].start - b[1].start);
    for (const [unit, part] of (e.units?.size ?? 0) > 1 ? amounts.filter(([u]) => e.units?.has(u)) : amounts.slice(0, 1)) {
      parts.push(part);
      lo += part.value / (unit === 'percent' ? 100 : unit === 'days' ? days : hours.max);
      hi += part.value / (unit === 'percent' ? 100 : unit === 'days' ? days : hours.min);
    }
  }
  for (const e of entries) {
    if (!e.load) continue;
    parts.push(e.load);
    lo += e.load.value;
    hi += e.load.value;
  }
  parts.sort((a, b) => a.start - b.start);
  const slack = PERCENT_SLACK / 100;
  const over = lo > 1 + slack;
  const under = hi < 1 - slack && !entries.some((e) => e.rest);
  if (!over && !under) return;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const total = pct(lo) === pct(hi) ? `${pct(lo)} of the week` : `${pct(lo)}-${pct(hi)} of the week`;
  context.report({
    messageId: over ? 'over' : 'under',
    data: { total, parts: parts.map((p) => `\`${p.text}\``).join(' + '), week: `${round(days)} days or ${hours.label}` },
    span: { start: parts[0]!.start, end: parts[parts.length - 1]!.end },
    words: parts.map((p) => p.text),
  });
}

/**
 * The allocation's entries: list items and table rows when there are any (prose around them is
 * commentary), else the lines or sentences of its prose. Undefined when an amount is unclear.
 */
function entriesOf(doc: Doc, blocks: readonly Block[]): Entry[] | undefined {
  const structured: Entry[] = [];
  const prose: Entry[] = [];
  // An unclear amount in the prose around a list does not make the list unclear.
  const unclear = new Set<Entry[]>();
  const add = (out: Entry[], s: Span) => {
    const e = entryOf(doc, s, { all: out === prose });
    if (e === 'unclear') unclear.add(out);
    else if (e) out.push(e);
  };
  const item = (b: Block) => {
    const lead = leadOf(doc, b);
    const nested = (b.children ?? []).filter((c) => c.type === 'list').flatMap((l) => l.children ?? []);
    // A heading item without an amount ("- Architecture:") is split by its nested items.
    const e = entryOf(doc, lead, {});
    if (nested.length && e !== 'unclear' && !UNITS.some((u) => e?.parts[u].length)) nested.forEach(item);
    else add(structured, lead);
  };
  for (const b of blocks) {
    if (b.type === 'list') (b.children ?? []).forEach(item);
    else if (b.type === 'table') {
      const header = b.header?.cells ?? [];
      for (const row of b.rows ?? []) {
        if (TOTAL_CELL.test(row.cells[0]?.text ?? '')) continue;
        const columns = header.map((h) => COLUMN_UNIT.find(([, re]) => re.test(h.text))?.[0]);
        const cells = row.cells.map((c, i) => entryOf(doc, c, { bare: columns[i] }));
        if (cells.includes('unclear')) unclear.add(structured);
        const read = cells.map((c) => (c === 'unclear' ? undefined : c));
        if (read.some((c) => c)) structured.push({ parts: rowParts(read, columns), rest: read.some((c) => c?.rest) });
      }
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      for (const m of doc.plain.slice(b.start, b.end).matchAll(SENTENCE)) for (const line of lines(b.start + m.index, m[0])) add(prose, line);
    }
  }
  const chosen = structured.some((e) => UNITS.some((u) => e.parts[u].length)) || unclear.has(structured) ? structured : prose;
  return unclear.has(chosen) ? undefined : chosen;
}

/**
 * The amounts in one entry: the first of each unit in a list item or table cell, all of them in a
 * line of prose ("50% design, 30% reviews, 20% mentoring"). Amounts in parentheses or an "of which"
 * clause count only when there are none outside ("2 days (40%)"); `bare` reads a cell that is only
 * a number in that unit.
 */
function entryOf(doc: Doc, span: Span, how: { all?: boolean; bare?: Unit | undefined }): Entry | 'unclear' | undefined {
  let text = doc.plain.slice(span.start, span.end);
  if (!/\w/.test(text) || TOTAL.test(text)) return undefined;
  text = text.replace(WEEK_IN_TEXT, blank).replace(TOTAL_CLAUSE, blank);
  if (UNCLEAR.test(text)) return 'unclear';
  const parts = { percent: [], hours: [], days: [] } as Record<Unit, Part[]>;
  const units = new Set<Unit>();
  const depth = parenDepth(text);
  const nested = new Set<number>();
  for (const m of text.matchAll(NESTED)) for (let i = m.index; i < m.index + m[0].length; i++) nested.add(i);
  const found = UNITS.flatMap((unit) =>
    [...text.matchAll(AMOUNT[unit])].map((m) => {
      const value = WORD_NUMBER[m[1]!.toLowerCase()] ?? parseFloat(m[1]!.replace(',', '.'));
      return { unit, start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0], value, inParens: depth[m.index]! > 0, inClause: nested.has(m.index) };
    }),
  );
  // "3 days reviews, of which 4 hours office hours": the nested amount is part of the first.
  const anyOutside = found.some((f) => !f.inParens && !f.inClause);
  for (const unit of UNITS) {
    const mine = found.filter((f) => f.unit === unit && !(anyOutside && f.inClause));
    const outside = mine.filter((f) => !f.inParens && !f.inClause);
    if (outside.length) units.add(unit);
    const counted = (outside.length ? outside : mine).map(({ start, end, text, value }) => ({ start, end, text, value }));
    parts[unit] = how.all ? counted : counted.slice(0, 1);
  }
  // A cell that is only a number, under a header that names the unit.
  const number = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  const { bare } = how;
  if (bare && number && parts[bare].length === 0) {
    const at = span.start + number.index + number[0].indexOf(number[1]!);
    parts[bare] = [{ start: at, end: at + number[1]!.length, text: number[1]!, value: parseFloat(number[1]!.replace(',', '.')) }];
  }
  const entry: Entry = { parts, units, rest: REST.test(text) };
  const load = UNITS.some((u) => parts[u].length) ? null : LOAD.exec(text);
  if (load && !NOT_LOAD.test(text.slice(0, load.index))) {
    entry.load = { start: span.start + load.index, end: span.start + load.index + load[0].length, text: load[0], value: load[1] ? 1 : 0.5 };
  }
  return entry;
}

/** A row's amount of each unit: from the column whose header names the unit, else the first cell that has one ("(was 30% last year)" in a notes column is not a part). */
function rowParts(cells: (Entry | undefined)[], columns: (Unit | undefined)[]): Record<Unit, Part[]> {
  const pick = (unit: Unit) => {
    const column = columns.indexOf(unit);
    const from = column !== -1 && cells[column]?.parts[unit].length ? cells[column] : cells.find((c) => c?.parts[unit].length);
    return from?.parts[unit].slice(0, 1) ?? [];
  };
  return { percent: pick('percent'), hours: pick('hours'), days: pick('days') };
}

/** How many parentheses are open at each offset of `text`. */
function parenDepth(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    for (let i = 0; i < ch.length; i++) out.push(depth);
    if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

/** A sentence's lines, each a span: "- 50% design" written one per line under a label is one entry each. */
function lines(start: number, text: string): Span[] {
  const out: Span[] = [];
  let at = start;
  for (const line of text.split('\n')) {
    if (/\w/.test(line)) out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

/** A list item's own text, without the nested list under it. */
function leadOf(doc: Doc, item: Block): Span {
  const m = itemContent(doc.plain, item);
  const nested = item.children?.find((c) => c.type === 'list');
  return nested && nested.start < m.end ? { start: m.start, end: Math.max(m.start, nested.start) } : m;
}

function weekOf(unit: Unit, title: string, text: string): { min: number; max: number; label: string } {
  if (unit === 'percent') return { min: 100, max: 100, label: '100%' };
  // "Weekly allocation (5 days)", "Weekly allocation (38-hour week)", "... of my 36-hour week".
  WEEK_IN_TEXT.lastIndex = 0;
  const inTitle = WEEK_IN_TITLE.exec(title) ?? WEEK_IN_TEXT.exec(title);
  WEEK_IN_TEXT.lastIndex = 0;
  const m = inTitle ?? WEEK_IN_TEXT.exec(text);
  const size = m?.[1];
  const of = m && /^d/i.test(m[2]!) ? 'days' : 'hours';
  if (size && of === unit) {
    const n = WORD_NUMBER[size.toLowerCase()] ?? parseFloat(size);
    return { min: n, max: n, label: `${round(n)} ${unit}` };
  }
  return unit === 'hours' ? { ...WEEK_HOURS, label: `${WEEK_HOURS.min}-${WEEK_HOURS.max} hours` } : { min: WEEK_DAYS, max: WEEK_DAYS, label: `${WEEK_DAYS} days` };
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
