// Where an executive summary states its decision and makes its ask, read through the section
// views (not a rule: the `_` keeps it out of the registry). Summaries come in three spellings:
// `Label:` lines as in the module, headings, and prose with a bolded `**Decision:** ...` line;
// the views give every rule the same text whichever spelling the writer chose, without the
// skeleton's hint comments.
//
// An ask is a request to the reader: a request word from the `ask` lexicon ("approve", "your
// sign-off", "please"), an imperative ("Review the runbook PR by Wednesday", "Service teams:
// agree your last release by 22 November", "If you own a service, add the label") or a request
// in other words ("Can you confirm...", "We need you to..."). A line with no verb ("Ask: the
// revised date", "Continued support and alignment") asks for nothing.
import type { KindDef } from '../../course/schema.ts';
import { lexicon } from '../../lexicon/index.ts';
import type { Block, Doc, Section, Span } from '../../model/types.ts';
import { analyse, CLAUSE_MARKS, createMemo, headsSubject, isImperativeOrRequest, negatedAt, type NlpMemo, type Token } from '../../nlp/index.ts';
import type { SectionView } from '../../query/section-view.ts';
import { trimMarksEnd } from '../../text/format.ts';
import { opensFromDate } from '../../text/letter.ts';
import { hasDate } from '../../text/numbers.ts';
import { contentWords } from '../../text/words.ts';
import type { Match } from '../../text/match.ts';
import { audienceOf as artifactAudience } from '../../project/meta.ts';

/** What the summary rules read: a rule's context or a set member. */
export interface Reader {
  doc: Doc;
  view(key: string): SectionView | undefined;
  readonly body: SectionView;
  /** The check's language-layer memo. */
  readonly nlp: NlpMemo;
}

export interface Sentence extends Match {
  /** The `Label:` or `**Field:**` section whose title stands right before this sentence, if any. */
  after?: Section;
}

export interface Ask extends Sentence {
  /** The words that make it a request. */
  words: Match;
}

// Answers remembered for one check: keyed by the check's own body view, so they live exactly as
// long as the check (the rules of one check ask for the same sentences and asks several times).
const perCheck = new WeakMap<SectionView, Map<string, unknown>>();

function once<T>(r: Reader, key: string, compute: () => T): T {
  let memo = perCheck.get(r.body);
  if (!memo) {
    memo = new Map();
    perCheck.set(r.body, memo);
  }
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/**
 * The body's sentences with the `Label:` and `**Field:**` titles cut out ("Decision: Delay the
 * launch." is the sentence "Delay the launch."); each knows the title right before it.
 */
export function sentencesOf(r: Reader): Sentence[] {
  return once(r, 'sentences', () => {
    const { doc } = r;
    const titles = doc.sections
      .filter((s) => s.style !== 'heading')
      .map((s) => ({
        section: s,
        start: s.titleSpan.start,
        end: Math.max(s.titleSpan.end, s.own.start),
      }));
    const out: Sentence[] = [];
    for (const s of r.body.sentences()) {
      let cursor = s.start;
      let after: Section | undefined;
      for (const t of titles) {
        if (t.end <= cursor || t.start >= s.end) continue;
        piece(doc, cursor, t.start, after, out);
        cursor = Math.max(cursor, t.end);
        after = t.section;
      }
      piece(doc, cursor, s.end, after, out);
    }
    return out;
  });
}

function piece(doc: Doc, from: number, to: number, after: Section | undefined, out: Sentence[]): void {
  const raw = doc.plain.slice(from, to);
  const lead = /^[\s*_]*/.exec(raw)?.[0].length ?? 0;
  const body = trimMarksEnd(raw.slice(lead));
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  const start = from + lead;
  out.push({
    start,
    end: start + body.length,
    text: body.replace(/\s+/g, ' '),
    ...(after ? { after } : {}),
  });
}

/** The sentences inside a view's ranges. */
export function sentencesIn(r: Reader, view: SectionView): Sentence[] {
  return sentencesOf(r).filter((s) => view.spans.some((x) => s.start >= x.start && s.start < x.end));
}

/** Lexicon matches inside some spans of the writer's text, in order. */
export function findIn(doc: Doc, spans: readonly Span[], name: string): Match[] {
  const out: Match[] = [];
  for (const span of spans) {
    const slice = doc.plain.slice(span.start, span.end);
    for (const m of slice.matchAll(lexicon(name)))
      if (m[0])
        out.push({
          start: span.start + (m.index as number),
          end: span.start + (m.index as number) + m[0].length,
          text: m[0],
        });
  }
  return out;
}

/**
 * Whether a sentence states a decision: a marker ("we recommend", "we decided", "we will") or an
 * imperative opening ("Delay the launch"). Unless `strict`, also a decision verb anywhere that
 * does not come after an activity verb ("we looked into whether to delay" is still activity).
 * A marker or verb that only governs more exploring ("we will continue to explore the options",
 * "we decided to look into it", "launched a review") decides nothing.
 */
export function isDecisive(sentence: string, strict = false): boolean {
  if (opensFromDate(sentence)) return true;
  if (decides(sentence, 'decision-markers').length) return true;
  const hits = decides(sentence, 'decision');
  const at = hits[0]?.index ?? -1;
  if (at === -1) return false;
  if (at === (/^[^\p{L}]*/u.exec(sentence)?.[0].length ?? 0)) return true;
  if (strict) return false;
  const activityAt = sentence.search(lexicon('activity'));
  return activityAt === -1 || at < activityAt;
}

// What follows a decision word when it decides only to keep looking: "will continue to explore",
// "decided to look into", "launched a review", "agreed to revisit in June".
const EXPLORING =
  /^\W*(?:(?:now|also|then|further|jointly|carefully|closely|continue|keep|carry on|go on|need|want|plan|aim|try|be|to|a|an|the|our|its|their|this|that|more|further|formal|full|detailed|wider|new|joint|first|second|another)\W+)*(?:explor|look(?:ing)? (?:into|at)|review|evaluat|investigat|assess|discuss|consider|monitor|analy[sz]|examin|stud(?:y|ies|ied)|gather|consult|revisit|reflect|think|work(?:ing)? (?:through|on)|dig|scop|map(?:ping)? out|working group|workshop|survey|audit|discovery|deep dive|spike|conversation)/i;

// Carrying on as before decides nothing either: "we will continue to work with the vendor".
const CONTINUING = /^\W*(?:continue|keep|carry on|go on)\W+(?:to\W+)?(?:work|engag|liais|talk|meet|collaborat|partner)\w*\W+with\b/i;

function decides(sentence: string, name: 'decision' | 'decision-markers'): RegExpExecArray[] {
  return [...sentence.matchAll(lexicon(name))].filter((m) => {
    const rest = sentence.slice((m.index as number) + m[0].length);
    return m[0] && !EXPLORING.test(rest) && !CONTINUING.test(rest);
  });
}

/**
 * Where the decision is stated: the Decision section's sentences, or, in a summary without one,
 * the first sentence that states a decision.
 */
export function decisionOf(r: Reader): Sentence[] {
  return once(r, 'decision', () => {
    const view = r.view('decision');
    if (view) return sentencesIn(r, view);
    const first = sentencesOf(r).find((s) => isDecisive(s.text));
    return first ? [first] : [];
  });
}

// Sections whose sentences are the decision or its support, not a request: an imperative plan
// step ("Add a unique key to every charge") asks the reader for nothing.
const NOT_ASKS = ['decision', 'reason', 'risk', 'plan'];
// Sentences checked for imperatives in a summary without an Ask section: enough for any summary.
const MAX_CANDIDATES = 60;

/**
 * The asks of a summary: the asking sentences of its Ask section; without one, the sentences with
 * a request word addressed to someone, anywhere, and the imperatives outside the decision,
 * reason, risk and plan (a heading such as "Over to you", which the kind does not name, still
 * holds asks).
 */
export function asksOf(r: Reader): Ask[] {
  return once(r, 'asks', () => {
    const { doc } = r;
    const out: Ask[] = [];
    // A blockquote is someone else's words (a goal quoted from a charter), not a request to the reader.
    const quotes = quotedSpans(doc).filter((q) => !r.view('ask')?.spans.some((x) => q.start >= x.start && q.start < x.end));
    const add = (s: Sentence, words: Match | undefined) => {
      if (words && !isCourtesy(s.text) && !quotes.some((q) => s.start >= q.start && s.start < q.end)) out.push({ ...s, words });
    };
    const ask = r.view('ask');
    if (ask) {
      for (const s of sentencesIn(r, ask)) add(s, askIn(r, s));
      if (out.length) return out;
      // A vague Ask section, but a request put to the reader elsewhere ("we need you to approve
      // ... by Friday", "please read the runbook before Thursday 9 May"): the summary still
      // asks. Not a courtesy: "Please reach out with questions" has no request verb and no date.
      const decided = [...ask.spans, ...(r.view('decision')?.spans ?? []), ...decisionOf(r)];
      // The reason and the risk state facts: a dated sentence there ("Unlock failures drove 18% of
      // calls in October") is evidence, not a command, even when it opens with a verb-like word.
      const facts = ['reason', 'risk'].flatMap((k) => r.view(k)?.spans ?? []);
      for (const s of sentencesOf(r)) {
        if (decided.some((x) => s.start >= x.start && s.start < x.end)) continue;
        const word = findIn(doc, [s], 'ask').find((m) => !/^please$/i.test(m.text) && addressed(doc, s, m));
        if (word && askIn(r, s)) add(s, word);
        else if (hasDate(s.text) && !facts.some((x) => s.start >= x.start && s.start < x.end)) add(s, imperative(r, s));
      }
      return out;
    }
    const excluded = [...NOT_ASKS.flatMap((k) => r.view(k)?.spans ?? []), ...decisionOf(r)];
    let candidates = 0;
    for (const s of sentencesOf(r)) {
      // A request addressed to someone asks wherever it stands ("We recommend X. We need your
      // decision by Friday."); a request word in a statement ("the allocator may pick a span") does not.
      const word = findIn(doc, [s], 'ask').find((m) => addressed(doc, s, m));
      if (word) add(s, askIn(r, s));
      else if (!excluded.some((x) => s.start >= x.start && s.start < x.end) && candidates++ < MAX_CANDIDATES) add(s, imperative(r, s));
    }
    return out;
  });
}

const CALLOUT = /^[>\s]*(?:\*\*|__|\[!|[\p{Extended_Pictographic}])/u;

/** The document's quotations (blockquotes that are not callouts), nested ones included. */
function quotedSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      // A callout ("> **Ask:** approve by Friday", "> ⚠️ Decision needed") is the writer's own panel.
      if (b.type === 'quote' && !CALLOUT.test(b.text)) out.push(b);
      else if (b.children) walk(b.children);
    }
  };
  walk(doc.blocks);
  return out;
}

// The words of an offer to talk, which asks the reader for nothing: "Let me know if you have any
// questions", "Please reach out with thoughts", "Happy to discuss any aspect further", "FYI".
const COURTESY = contentWords(
  'let know reach out get touch ping shout contact feel free hesitate happy glad pleased welcome welcomed discuss discussion chat talk ' +
    'question questions thought thoughts comment comments feedback concern concerns view views idea ideas input aspect aspects further ' +
    'detail details help course always anytime time grateful appreciate appreciated thank thanks fyi information awareness note noted ' +
    'please kindly like love matter reply email message come back drop line hear free up walk through anything else wish want would ' +
    'course very any more needed action required need nothing ask don doc document page channel slack',
);

/** Whether a sentence only offers to talk or to inform ("Happy to discuss.", "Thoughts welcome."). */
export function isCourtesy(text: string): boolean {
  if (hasDate(text)) return false;
  const words = contentWords(text.replace(/\b(?:me|us|you|we|i|if|have|do|does|of|on|to|in|at|by|or|an?|is|it|be)\b/gi, ' '));
  return words.size > 0 && [...words].every((w) => COURTESY.has(w));
}

// A request word is a request when the sentence addresses someone ("your", "please", "we need")
// or a modal governs it ("leadership should approve", "we ask the VP to decide").
const ADDRESSED = /\b(?:you|your|please|kindly|need(?:s|ed)?|require[sd]?|request(?:s|ed|ing)?|seek(?:s|ing)?|ask(?:s|ing)?)\b/i;
const MODAL = /\b(?:should|must|shall|(?:need|needs|have|has) to|(?:can|could|will|would) you)\s+(?:\w+\s+)?$/i;

function addressed(doc: Doc, s: Span, m: Span): boolean {
  return ADDRESSED.test(doc.plain.slice(s.start, s.end)) || MODAL.test(doc.plain.slice(s.start, m.start)) || s.start === m.start;
}

/** The words that make a sentence an ask, if it is one. */
function askIn(r: Reader, s: Span): Match | undefined {
  const { doc } = r;
  const word = findIn(doc, [s], 'ask')[0];
  // "No approval needed", "nothing to decide": a negated request asks for nothing.
  if (word && !negatedAt(analyse(doc.text, s, r.nlp), word.start) && !/\b(?:no|nothing|not)\s+(?:\w+\s+)?$/i.test(doc.plain.slice(s.start, word.start))) return word;
  return imperative(r, s);
}

// What may stand before an imperative's verb: an addressee or a label ("Service teams:",
// "Each payouts team:"), a polite or sequencing word, an "If ..., " condition.
const ADDRESSEE = /^(?:[\p{L}][\p{L}\p{N}'’ -]{0,40}:\s+)?/u;
const LEAD = /^(?:(?:please|kindly|also|and|then|so|finally|lastly|next|first|now|just)\b[,\s]*)*/i;
const CONDITION = /^(?:if|when|once|before|after|until|where|whenever|as soon as)\b[^,.;:]{1,120},\s*/i;
// Words that cannot open an imperative: a statement or a noun phrase starts here.
const NOT_A_VERB = new Set(
  (
    'a an the this that these those my your our their its his her we i you they it he she there here some any no none nothing all each every ' +
    'most many much more few one two three what which who why how to for of in on at by with from as is are was were will would can could should may might must has have had not'
  ).split(' '),
);

// Imperatives that only point at a fact: "Note that ...", "Remember how ...", "Bear in mind that ...".
const ATTENTION = /^(?:note|notice|remember|recall|observe|imagine|bear in mind|keep in mind|mind)\s*,?\s+(?:that|how|what|whether|why|this|the fact)\b/i;

/**
 * "Further analysis is being carried out", "Review findings were shared": the first word opens a
 * noun phrase whose own verb follows (a form of be/have before any other verb), not a command.
 */
function subjectOfItsOwnVerb(tokens: readonly Token[]): boolean {
  // "Research on five specifications confirms ...": a finite verb after the word's complement.
  if (
    headsSubject(
      tokens.filter((t) => (t.pos !== 'PUNCT' && t.pos !== 'SYM') || CLAUSE_MARKS.has(t.text)),
      1,
    )
  )
    return true;
  // Only a bare noun phrase may stand between ("Further analysis", "Review findings"): after a
  // determiner ("Make sure the plan is approved") the verb belongs to a clause of the command.
  for (const t of tokens.slice(2)) {
    if (t.pos === 'AUX' && (t.lemma === 'be' || t.lemma === 'have')) return true;
    if (!['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos)) return false;
  }
  return false;
}

/** The verb of an imperative or request sentence ("Sign up for a rehearsal shift"), if it is one. */
export function imperative(r: Reader, s: Span): Match | undefined {
  const { doc } = r;
  // Emphasis markers are not words; blanking them keeps the offsets.
  const text = doc.plain.slice(s.start, s.end).replace(/[*_]/g, ' ');
  let at = 0;
  for (const re of [ADDRESSEE, LEAD, CONDITION, LEAD]) at += re.exec(text.slice(at))?.[0].length ?? 0;
  at += /^\s*/.exec(text.slice(at))?.[0].length ?? 0;
  // A sentence that opens with `code` has the code as its subject.
  if (text[at] === '`') return undefined;
  const first = /^[\p{L}][\p{L}'’-]*/u.exec(text.slice(at))?.[0];
  // "Note that these 50 days do not include ...": a pointer to a fact, not a request.
  if (ATTENTION.test(text.slice(at))) return undefined;
  if (first && !NOT_A_VERB.has(first.toLowerCase())) {
    // The tagger reads a sentence-initial "Review" or "Sign" as a noun; after "You" the same
    // word is tagged by its use: "You review the table" (a verb), "You reviewers for..." (not).
    const tokens = analyse(`You ${first.toLowerCase()}${text.slice(at + first.length)}`, undefined, createMemo(r.nlp.units)).sentences[0]?.tokens ?? [];
    const token = tokens[1];
    if (token && (token.pos === 'VERB' || token.pos === 'AUX') && token.lower === token.lemma && !subjectOfItsOwnVerb(tokens)) {
      return {
        start: s.start + at,
        end: s.start + at + first.length,
        text: doc.text.slice(s.start + at, s.start + at + first.length),
      };
    }
  }
  // "Can you confirm...", "We need you to...", "Your sign-off is needed".
  const sentence = analyse(doc.text, s, r.nlp).sentences[0];
  if (sentence && isImperativeOrRequest(sentence)) {
    const t = sentence.tokens.find((k) => k.pos === 'VERB') ?? sentence.tokens[0];
    if (t) return { start: t.start, end: t.end, text: t.text };
  }
  return undefined;
}

/**
 * The audience of a summary, as every surface reads it (project/meta.ts): blank or unset is the
 * kind's first audience (executive: it is an *executive* summary).
 */
export function audienceOf(doc: Doc, kind: KindDef | undefined): string {
  return artifactAudience(doc, kind) ?? 'executive';
}
