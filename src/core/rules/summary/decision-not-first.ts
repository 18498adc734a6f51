import { lexicon, mentions } from '../../lexicon/index.ts';
import { analyse, recommends } from '../../nlp/index.ts';
import type { Section } from '../../model/types.ts';
import { clip, code } from '../../text/format.ts';
import { isGreeting, isSignOff } from '../../text/letter.ts';
import { wordsOf } from '../../text/words.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { asksOf, isDecisive, sentencesIn, sentencesOf, type Sentence } from './_parts.ts';

// Sections that may come before the decision: the module's tradeoff table accepts risk-first
// and ask-first summaries ("risk-first: urgency", "ask-first: actionable"); only
// background-first buries the decision.
const MAY_PRECEDE = new Set(['risk', 'ask']);
// A short line above the decision ("Summary for the payments sync.") is a caption, not background.
const MIN_BACKGROUND_WORDS = 12;
// `Start Date: 2017-12-05` is a header line; a key longer than this is a sentence with a colon.
const MAX_KEY_WORDS = 4;

export default defineRule({
  meta: {
    id: 'summary/decision-not-first',
    // A warning, not an error: the module's wrong approach is the activity summary
    // (summary/activity-not-decision); a buried decision is the cost of the
    // "background-heavy" row of its tradeoff table, a quality signal.
    severity: 'warning',
    kinds: ['exec-summary'],
    docs: {
      description: 'The decision is buried below background: the first section, or the first sentence, is not the decision.',
      why: 'Case study 5\'s tradeoff table: a background-heavy summary is complete but its decision is buried; an executive who reads only the first lines never reaches it. The module\'s better approach opens with "Decision:", and conclusion-first writing (BLUF, Minto) puts the answer before the support.',
      better: 'Move the decision to the top: "Decision: delay launch two weeks", then the reason, risk, plan and ask. Risk-first or ask-first openings are fine too.',
      caseStudy: 5,
      concept: 'executive summary',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nBackground:\nThe payments team spent three weeks testing the retry path against processor timeouts.\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised date by Friday.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nBackground:\nThe payments team spent three weeks testing the retry path against processor timeouts.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      afterSection: 'The decision comes after `{{before}}`, so a reader who stops early misses it (case study 5: background-heavy buries the decision). Move the Decision section to the top.',
      afterProse: 'The decision comes after {{words}} words of background (`{{before}}`), so a reader who stops early misses it. Open with the decision: "Decision: delay launch two weeks."',
      buriedSentence: 'The decision (`{{decision}}`) comes only after {{before}}. Put the decision in the first sentence; the background can follow it.',
    },
  },
  check(context) {
    const decision = context.view('decision');
    if (decision?.section) {
      checkSection(context, decision.section);
      return;
    }
    // No Decision section: the first sentence should be the decision.
    reportBuried(
      context,
      sentencesOf(context).filter((s) => !isMetadata(s)),
    );
  },
});

type Ctx = RuleContext<'afterSection' | 'afterProse' | 'buriedSentence'>;

function checkSection(context: Ctx, decision: Section): void {
  const { doc } = context;
  const ancestors = new Set<number>();
  for (let p = decision.parent; p !== -1; p = doc.sections[p]?.parent ?? -1) ancestors.add(p);
  // A section that states the decision itself (an opening "Executive summary" that says "The TAG
  // should proceed with a specification") puts the decision first, whatever follows.
  const before = doc.sections.slice(0, decision.index).find((s) => !ancestors.has(s.index) && s.style !== 'field' && !MAY_PRECEDE.has(s.key ?? '') && !isMetaTitle(s.title) && hasProse(context, s));
  if (before && statesDecision(context, before)) return;
  if (before) {
    context.report({
      messageId: 'afterSection',
      data: { before: clip(before.title, 40) },
      span: decision.titleSpan,
      words: [decision.title],
      related: [
        {
          message: `${code(before.title)} comes first`,
          span: before.titleSpan,
        },
      ],
    });
    return;
  }
  // Loose paragraphs above the decision (under the title heading, before any section).
  const others = doc.sections.filter((s) => !ancestors.has(s.index) && !isMetaTitle(s.title)).map((s) => s.span);
  const loose = sentencesOf(context).filter((s) => s.start < decision.titleSpan.start && !isMetadata(s) && !others.some((x) => s.start >= x.start && s.start < x.end));
  const count = loose.reduce((n, s) => n + wordsOf(s.text).length, 0);
  const first = loose[0];
  // "[RFC #3849] has been **accepted**": the opening lines state the decision (a status badge beside it is not background).
  if (first && count >= MIN_BACKGROUND_WORDS && !loose.some((x) => decisive(context, x))) {
    context.report({
      messageId: 'afterProse',
      data: { words: count, before: clip(first.text, 40) },
      span: decision.titleSpan,
      words: [decision.title],
      related: [{ message: 'background starts here', span: first }],
    });
    return;
  }
  reportBuried(context, sentencesIn(context, context.viewOf(decision)));
}

/**
 * Reports the first decisive sentence when sentences before it are not decisive. Without a
 * Decision section, a request made in the prose ("we would need the committee to approve six
 * testers by 31 May": a request word, not a bare imperative) states the decision too: ask-first is fine, ask-last-of-the-background is
 * the decision buried. An ask in the Ask section is where an ask belongs, not a decision.
 */
function reportBuried(context: Ctx, list: Sentence[]): void {
  const askSection = context.view('ask');
  const asks = context.view('decision') ? [] : asksOf(context).filter((a) => mentions('ask', a.words.text) && !askSection?.spans.some((x) => a.start >= x.start && a.start < x.end));
  // Strict: only a stated decision ("We recommend...", "Delay the launch...") counts as one here.
  const at = list.findIndex((s) => isDecisive(s.text, true) || asks.some((a) => a.start === s.start));
  const first = list[0];
  const found = list[at];
  if (at <= 0 || !first || !found) return;
  context.report({
    messageId: 'buriedSentence',
    data: {
      decision: clip(found.text, 50),
      before: at === 1 ? `a sentence of background (${code(first.text, 40)})` : `${at} sentences of background`,
    },
    span: found,
    words: [found.text],
    related: [{ message: 'the summary opens here instead', span: first }],
  });
}

// A decision reported as made: "[RFC #3849] has been **accepted**", "the plan was approved by the board".
const DECIDED = /\b(?:has|have|had|was|were|is|are)\s+(?:now\s+|formally\s+|unanimously\s+)?(?:been\s+)?[*_]*(?:accepted|approved|adopted|ratified|agreed|decided|signed off|chosen|selected)\b/i;

/** A sentence that decides: a decision marker or verb, or a recommendation ("The TAG should proceed with a specification"). */
function decisive(context: Ctx, s: Sentence): boolean {
  // Strict: background that mentions a launch or a change decides nothing.
  if (isDecisive(s.text, true) || DECIDED.test(s.text)) return true;
  const sentence = analyse(context.doc.text, s, context.nlp).sentences[0];
  return sentence !== undefined && recommends(sentence);
}

function statesDecision(context: Ctx, s: Section): boolean {
  return sentencesIn(context, context.viewOf(s)).some((x) => !isMetadata(x) && decisive(context, x));
}

function hasProse(context: Ctx, s: Section): boolean {
  return sentencesIn(context, context.viewOf(s)).some((x) => !isMetadata(x));
}
/**
 * A memo header or navigation line, not background: a field no section of the kind claims
 * (`To: VP Eng`), a `Key: value` list item (`- Start Date: 2017-12-05`), a line about the
 * document itself (a pointer to the full design, who the summary is for), or links only (a
 * table of contents).
 */
function isMetadata(s: Sentence): boolean {
  if (s.after?.style === 'field' && s.after.key === undefined) return true;
  if (isGreeting(s.text) || isSignOff(s.text)) return true;
  // "Full design: [link].", "This is the short version, for engineers on the payouts team."
  if (startsWith(lexicon('document-pointers'), s.text)) return true;
  if (/^[\p{L}][\p{L}\p{N} '/()-]{0,40}:\s/u.test(s.text) && (s.text.split(':')[0] ?? '').trim().split(/\s+/).length <= MAX_KEY_WORDS) return true;
  return wordsOf(s.text.replace(/\[[^\]]*\]\([^)]*\)/g, ' ')).length === 0;
}

function startsWith(re: RegExp, text: string): boolean {
  const m = re.exec(text);
  return m !== null && m.index <= 2;
}

function isMetaTitle(title: string): boolean {
  const m = lexicon('meta-sections').exec(title.trim());
  return m !== null && m.index === 0 && m[0].length === title.trim().length;
}
