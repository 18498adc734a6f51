import type { Doc, Section, Span } from '../../model/types.ts';
import { lineEnd, positionAt } from '../../model/positions.ts';
import { defineRule } from '../define.ts';
import { findAll, type Match } from '../util.ts';
import { ownSpan } from '../units.ts';

/** Percent rounding ("33% + 33% + 33%") is not a wrong sum. */
const PERCENT_SLACK = 1;
/** Without a stated total, a working week is somewhere in this many hours, or this many days. */
const WEEK_HOURS = { min: 32, max: 45 };
const WEEK_DAYS = 5;

type Unit = 'percent' | 'hours' | 'days';
const AMOUNT: Record<Unit, RegExp> = {
  percent: /\d+(?:\.\d+)?\s?%/g,
  hours: /\d+(?:\.\d+)?\s?(?:h|hrs?|hours?)\b/gi,
  days: /\d+(?:\.\d+)?\s?days?\b/gi,
};
/** "20-30%", "up to 20%", "2h a day": not a weekly split we can add up. */
const UNCLEAR = /\d\s*(?:-|–|to)\s*\d+\s?(?:%|h\b|hours?|days?)|\b(?:up to|at least|at most|or so)\b|\bper day\b|\ba day\b|\bdaily\b/i;
const TOTAL_LINE = /^[\s*_>-]*(?:total|sum|overall)\b/i;
const STATED_WEEK = /\b(\d+)[- ]?(?:h|hours?)[- ](?:work(?:ing)?[- ])?week\b/i;

export default defineRule({
  meta: {
    id: 'role/allocation-sum',
    severity: 'error',
    kinds: ['role-memo'],
    docs: {
      description: 'The weekly allocation does not add up to 100% (or to one week of hours or days).',
      why:
        'Case study 2: the wrong approach is "Staff engineer means doing every senior task". A week that holds 130% is that approach in numbers: the memo promises every task and chooses none, so something will be dropped without anyone deciding what. A week that adds up to less leaves part of the role undefined.',
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
    const allocation = context.section('allocation');
    if (!allocation) return;
    const own = ownSpan(doc, allocation);
    const text = context.textOf(own);
    if (UNCLEAR.test(text)) return;
    for (const unit of ['percent', 'hours', 'days'] as const) {
      const parts = amounts(doc, allocation, own, unit);
      if (parts.length === 0) continue;
      const total = parts.reduce((sum, p) => sum + parseFloat(p.text), 0);
      const week = weekOf(unit, text);
      const show = (n: number) => (unit === 'percent' ? `${round(n)}%` : `${round(n)} ${unit}`);
      const over = total > week.max + (unit === 'percent' ? PERCENT_SLACK : 0);
      const under = total < week.min - (unit === 'percent' ? PERCENT_SLACK : 0);
      if (over || under) {
        const span: Span = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
        context.report({
          messageId: over ? 'over' : 'under',
          data: { total: show(total), parts: parts.map((p) => `\`${p.text}\``).join(' + '), week: week.label },
          span,
          words: parts.map((p) => p.text),
        });
      }
      return; // the first unit the memo uses is its allocation; a stray "2 days" elsewhere is not
    }
  },
});

/** The amounts of one unit in the section, leaving out a "Total:" line and a stated week ("40-hour week"). */
function amounts(doc: Doc, section: Section, span: Span, unit: Unit): Match[] {
  return findAll(doc, span, AMOUNT[unit], section.blocks).filter((m) => {
    const line = lineOf(doc, m.start);
    return !TOTAL_LINE.test(line) && !(unit === 'hours' && STATED_WEEK.test(doc.text.slice(m.start, m.start + 24)));
  });
}

function weekOf(unit: Unit, text: string): { min: number; max: number; label: string } {
  if (unit === 'percent') return { min: 100, max: 100, label: '100%' };
  const stated = unit === 'hours' ? STATED_WEEK.exec(text)?.[1] : undefined;
  if (stated) return { min: Number(stated), max: Number(stated), label: `${stated} hours` };
  return unit === 'hours' ? { ...WEEK_HOURS, label: `${WEEK_HOURS.min}-${WEEK_HOURS.max} hours` } : { min: WEEK_DAYS, max: WEEK_DAYS, label: `${WEEK_DAYS} days` };
}

function lineOf(doc: Doc, offset: number): string {
  const { line } = positionAt(doc.lineStarts, offset);
  return doc.text.slice(doc.lineStarts[line - 1], lineEnd(doc.text, doc.lineStarts, line - 1));
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
