import { clip, codeList } from '../../text/format.ts';
import { affirmedIn } from '../../text/negated.ts';
import { hasDate, hasNumber } from '../../text/numbers.ts';
import { firstClause, namesSeveral, withoutLabel, type Choice } from '../../text/options.ts';
import { contentWords, stem } from '../../text/words.ts';
import { defineRule } from '../define.ts';

/** "There's only one sensible option", "no real alternative", "the only way forward": the writer says there is nothing to choose. */
const ONLY_ONE =
  /\b(?:(?:only|just) (?:one|a single)|the only|one and only) (?:sensible |real |viable |realistic |credible |workable |practical |possible |reasonable |responsible |serious )?(?:option|way(?: forward)?|path(?: forward)?|choice|answer|course of action|thing (?:to do|we can do))\b|\bno (?:real |viable |sensible |realistic |other )?(?:alternatives?|other (?:options?|choices?|way))\b/gi;
/**
 * Words that only say when, how much or how fast: options that differ in nothing else ("ship
 * now", "ship after the holidays", "ship part of it") are one answer in three sizes. Grouped by
 * what they vary (timing, size), so options that vary both independently can be told apart.
 */
const TIMING = new Set(
  [
    'now',
    'immediately',
    'today',
    'tomorrow',
    'later',
    'soon',
    'next',
    'week',
    'weeks',
    'month',
    'months',
    'quarter',
    'sprint',
    'sprints',
    'release',
    'year',
    'after',
    'before',
    'until',
    'once',
    'then',
    'first',
    'second',
    'plan',
    'planned',
    'originally',
    'delay',
    'delayed',
    'slip',
    'wait',
    'waiting',
    'end',
    'start',
    'beginning',
    'holidays',
    'holiday',
    'date',
    'deadline',
    'time',
  ].map(stem),
);
const SIZE = new Set(
  [
    'phase',
    'phased',
    'phases',
    'stage',
    'staged',
    'stages',
    'gradually',
    'gradual',
    'incrementally',
    'incremental',
    'partially',
    'partial',
    'part',
    'partly',
    'half',
    'some',
    'subset',
    'fully',
    'full',
    'whole',
    'entire',
    'entirely',
    'only',
    'scope',
    'reduced',
    'smaller',
    'bigger',
    'larger',
    'less',
    'more',
    'limited',
    'rest',
    'remaining',
    'everything',
    'all',
  ].map(stem),
);
const VARIANT = new Set([...TIMING, ...SIZE, ...['instead', 'still', 'also'].map(stem)]);
/** A question that itself asks when or how much: "When and how do we launch?", "What scope ships in March?". */
const TIMING_QUESTION =
  /(?:^|[.?!:]\s+|\b(?:and|or)\s+)(?:when|by when)\b|\bwhen and\b|\bhow (?:much|many|far|big|soon|fast|quickly|long)\b|\bwhat (?:scope|date|timeline|timing|size|pace)\b|\bwhich (?:date|scope|quarter|release|phase|milestone)\b/i;
/** An option that stops, keeps or does nothing is a real alternative to doing it. */
const KEEPS_OR_STOPS = /\b(?:do nothing|nothing|status quo|keep|kept|stay|stays|remain|no change|not|don't|do not|never|stop|cancel|drop|abandon|revert|roll back|rollback|neither|instead of)\b/i;

const brief = (options: string) => `---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n\nOptions:\n${options}\n`;

export default defineRule({
  meta: {
    id: 'escalation/too-few-options',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'An escalation brief that offers fewer than two options.',
      why: 'Case study 3: an escalation must separate facts, options and asks. With one option (or none) the brief is a demand, not a decision: the decision maker can only rubber-stamp it or start the analysis over, and the other team reads it as a verdict.',
      better: 'List at least two real options, stated neutrally with who does what: "team A owns adapter", "team B owns dual support", "shared migration squad for six weeks". Doing nothing is an option too.',
      caseStudy: 3,
      concept: 'escalation, disagree-and-commit',
      bad: brief('- Team B owns dual support until shutdown.'),
      good: brief('- Team A owns a v1 adapter until shutdown.\n- Team B owns dual support until shutdown.'),
    },
    messages: {
      none: 'The `{{section}}` section lists no option: a decision maker needs at least two real options to choose between. Add them, stated neutrally, with who does what.',
      one: 'The `{{section}}` section lists one option (`{{option}}`): with nothing to weigh it against, the brief reads as a demand. Add at least one more real option (doing nothing counts).',
      onlyOne: 'The `{{section}}` section says `{{words}}`: with one option there is nothing to decide, and the brief reads as a demand. Lay out at least two real options (doing nothing counts) and recommend one.',
      sameOwner:
        'The options ({{options}}) all give one answer to who: `{{answer}}`; they differ only in add-ons ({{difference}}), so the decision maker has no real choice of owner. Add a genuine alternative (another owner, a shared arrangement, or doing nothing).',
      sameAnswer:
        'The options ({{options}}) are one answer in different sizes or dates: they differ only in {{difference}}, so the decision maker has nothing real to choose between. Add a genuine alternative (another owner, another approach, or doing nothing).',
    },
  },
  check(context) {
    const view = context.view('options');
    const section = view?.section;
    // An empty section is structure/empty-section's finding, not this one.
    if (!view || !section || view.isEmpty()) return;
    const options = view.options();
    // "Honestly there's only one sensible option here: ..." written as prose, not a list of options.
    const listed = view.blocks.some((b) => b.type === 'list' || b.type === 'table') || section.children.length >= 2;
    const only = listed ? undefined : affirmedIn(context.doc, view.sentences(), view.match(ONLY_ONE))[0];
    if (only) {
      context.report({ messageId: 'onlyOne', data: { section: section.title, words: only.text }, span: only, words: [only.text] });
      return;
    }
    if (options.length >= 2) {
      const question = context.view('decision-needed')?.text() ?? '';
      // "**Option A:** The Partner API team ...": a nested field's option is its label, its statement its text.
      const statementOf = (o: Choice) => {
        const rest = withoutLabel(o.text).trim();
        const nested = rest ? undefined : context.doc.sections.find((x) => x.titleSpan.start === o.start);
        return nested ? context.doc.plain.slice(nested.own.start, nested.own.end).trim() : rest;
      };
      const owner = OWNERSHIP.test(question) ? oneOwner(options.map(statementOf), question) : undefined;
      const same = owner ? undefined : oneAnswer(options, question);
      if (owner)
        context.report({
          messageId: 'sameOwner',
          data: {
            options: codeList(
              options.map((o) => clip(o.text, 60)),
              3,
            ),
            answer: clip(owner.head, 60),
            difference: codeList(owner.addOns, 4),
          },
          span: section.titleSpan,
          words: [owner.head],
          related: options.map((o) => ({ message: 'an option', span: o })),
        });
      else if (same)
        context.report({
          messageId: 'sameAnswer',
          data: {
            options: codeList(
              options.map((o) => clip(o.text, 60)),
              3,
            ),
            difference: codeList(same, 4),
          },
          span: section.titleSpan,
          words: same,
          related: options.map((o) => ({ message: 'an option', span: o })),
        });
      return;
    }
    const single = options[0];
    // One line can still hold several options: "team A owns it, or team B does"; "two options: ...".
    if (single && namesSeveral(single.text)) return;
    if (single) context.report({ messageId: 'one', data: { section: section.title, option: clip(single.text, 60) }, span: section.titleSpan, words: [section.title], related: [{ message: 'the only option', span: single }] });
    else context.report({ messageId: 'none', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});

/**
 * Whether the options are one answer: each option's words, once the words of timing and degree
 * are left out, are the same action, no option keeps, stops or does nothing, and at most one
 * states a cost or consequence of its own. Not when the question itself asks when or how much,
 * nor when the options vary timing and size independently ("1 March, full scope", "1 March,
 * reduced scope", "1 April, full scope": two questions answered). Returns the words that tell the
 * options apart, or undefined.
 */
function oneAnswer(options: Choice[], question: string): string[] | undefined {
  if (TIMING_QUESTION.test(question)) return undefined;
  if (options.some((o) => KEEPS_OR_STOPS.test(o.text) || namesSeveral(o.text))) return undefined;
  // Options that each weigh their own cost and risk ("Reweight for August. Users wait two more
  // months ...") are real alternatives, even when the action is the same.
  const weighed = (o: Choice) => {
    const own = contentWords(firstClause(o.text));
    return [...o.words].filter((w) => !own.has(w)).length >= 3;
  };
  if (options.filter(weighed).length >= 2) return undefined;
  const core = options.map((o) => new Set([...contentWords(firstClause(o.text))].filter((w) => !VARIANT.has(w) && !hasNumber(w) && !hasDate(w))));
  const base = core.reduce((a, b) => (b.size < a.size ? b : a));
  if (base.size === 0) return undefined;
  // The same words in the same order: "A owns it, with B's engineers" and "B owns it, with A's engineers" swap the answer.
  const order = [...base].join(' ');
  if (!core.every((c) => [...c].join(' ') === order)) return undefined;
  // Each option's words of timing and size, with what each varies.
  const variants = options.map((o) => {
    const tokens =
      firstClause(o.text)
        .toLowerCase()
        .match(/[a-z0-9][a-z0-9-]*/g) ?? [];
    const out = new Map<string, 'timing' | 'size' | undefined>();
    tokens.forEach((w, k) => {
      const st = stem(w);
      if (base.has(st) || !(VARIANT.has(st) || hasNumber(w) || hasDate(w))) return;
      // A number beside a month ("1 March") is a date; alone ("3 engineers") an amount.
      const dated = hasDate(w) || TIMING.has(st) || (hasNumber(w) && hasDate(`${tokens[k - 1] ?? ''} ${w} ${tokens[k + 1] ?? ''}`));
      out.set(w, dated ? 'timing' : SIZE.has(st) || hasNumber(w) ? 'size' : undefined);
    });
    return out;
  });
  const differing = (a: Map<string, unknown>, b: Map<string, unknown>) => [...a.keys()].filter((w) => !b.has(w));
  // A pair of options that differ in timing alone, and another in size alone: two things to decide.
  const alone = new Set<string>();
  variants.forEach((a, x) =>
    variants.slice(x + 1).forEach((b) => {
      const kinds = new Set([...differing(a, b).map((w) => a.get(w)), ...differing(b, a).map((w) => b.get(w))].filter((k) => k !== undefined));
      if (kinds.size === 1) alone.add([...kinds][0] as string);
    }),
  );
  if (alone.size >= 2) return undefined;
  const all = new Set(variants.flatMap((v) => [...v.keys()]));
  const difference = [...all].filter((w) => !variants.every((v) => v.has(w)));
  return difference.length ? difference : undefined;
}

/** A decision about who: "Who owns ...?", "which team", "the owner of". */
const OWNERSHIP = /\bwho(?:se|m)?\b|\bwhich (?:team|group|squad|org)\b|\bowner(?:ship)?\b/i;
/** Words an option's head may add without naming another answer. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'it', 'its', 'our', 'all', 'this', 'that', 'these', 'those']);
const HEAD_END = /[.;:,(]|\s[-\u2013\u2014]\s|\s(?:with|and|including|plus|but|while|whilst|whereas|except|alongside|supported by|helped by)\s/i;

/**
 * Options to a "who" question that all give the same owner: each option's head (its statement
 * up to the first comma or "with ...") holds the same words, bar the question's own topic and
 * words of timing or degree ("Partner API takes ownership", "Partner API takes ownership, with
 * two Resale engineers seconded", "..., and Resale reviews the payload"). The add-ons differ;
 * the answer does not. Returns the shared head and the add-ons, or undefined.
 */
function oneOwner(statements: string[], question: string): { head: string; addOns: string[] } | undefined {
  if (statements.some((o) => !o || KEEPS_OR_STOPS.test(firstClause(o)) || namesSeveral(o))) return undefined;
  const topic = new Set((question.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []).map(stem));
  const heads = statements.map((statement) => {
    const head = statement.split(HEAD_END)[0] ?? statement;
    return { head, rest: statement.slice(head.length), tokens: new Set((head.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []).map(stem)) };
  });
  const base = heads.reduce((a, b) => (b.tokens.size < a.tokens.size ? b : a)).tokens;
  if ([...base].filter((w) => !FUNCTION_WORDS.has(w) && !VARIANT.has(w)).length < 3) return undefined;
  const same = heads.every((h) => [...base].every((w) => h.tokens.has(w)) && [...h.tokens].every((w) => base.has(w) || FUNCTION_WORDS.has(w) || VARIANT.has(w) || topic.has(w)));
  if (!same) return undefined;
  const addOns = heads.map((h) => clip(h.rest.replace(/^[\s,;:.(-]+/, ''), 30)).filter(Boolean);
  const shortest = heads.reduce((a, b) => (b.tokens.size < a.tokens.size ? b : a));
  return addOns.length ? { head: shortest.head.trim(), addOns } : undefined;
}
