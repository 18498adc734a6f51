// Kind evidence from what a document says and how, for artifacts whose headings name none of the
// kind's sections ("What's actually going wrong?", a chat export, a letter). Each kind has a few
// independent signals (an escalation asks someone to decide, lists options, recommends one, names
// a deadline); a kind is read from content only when several agree, no other kind's signals do as
// well, and the outline is not another genre's (an RFC, a KEP, a postmortem, a README), so the
// corpus's design documents stay unknown. Pure, and keeps nothing: detect.ts reads the kind once
// per check and says in its KindMatch that content named it (`source: 'content'`).
import { lexicon } from '../lexicon/index.ts';
import type { Doc, Span } from '../model/types.ts';
import { hasDate, hasQuantity } from '../text/numbers.ts';
import { hasDeadline } from '../text/when.ts';
import { cleanTitle } from './normalise.ts';

/** A signal: what it is called (for tests and debugging) and whether the text shows it. */
interface Signal {
  id: string;
  test: (t: Text) => boolean;
  /** The kind's section the signal shows to be there, though under no name staffwork knows. */
  section?: string;
  /** Only says where a section is, once the kind is known: not evidence of the kind. */
  locates?: boolean;
  /**
   * Rules read the section as every block that shows the signal (`locatedSections`): parts named
   * by words of their own (an ask, a recommendation, a list of options), whose rules look for
   * something good in them, so that one good place is enough.
   */
  gather?: boolean;
}

/** The body as the signals read it: lower case, one kind of apostrophe, single spaces; and its lines. */
interface Text {
  prose: string;
  /** The lines of `raw` (split on first use: most documents fail before a signal reads them). */
  readonly lines: string[];
  /** The body as written (case kept), for names. */
  raw: string;
  /** Counted on first use. */
  readonly persons: Persons;
}

interface KindSignals {
  /** Signals that must all show. */
  needs: string[];
  /** How many signals, the needed ones included, must show. */
  min: number;
  signals: Signal[];
}

const has = (pattern: RegExp) => (t: Text) => pattern.test(t.prose);

/** Distinct option labels: "Option 1", "option B", "Option two", "Plan A". */
function optionLabels(t: Text): number {
  const labels = new Set<string>();
  for (const m of t.prose.matchAll(/\b(?:option|plan)\s+(\d|[a-d]\b|one\b|two\b|three\b|four\b)/g)) labels.add(m[1] as string);
  return labels.size;
}

const ITEM = /^\s*(?:[-*+]|\d+[.)]|\(?[a-d1-9]\)|[a-d][.:])\s+\S|^#{2,6}\s+\S/;
const OPTIONS_LEAD = /\b(?:options?|choices|alternatives|ways forward|paths? forward|possible paths|courses of action|could do|can do)\b/i;

/** Whether a line that speaks of options is followed by two items or more ("We see three ways forward:" and a list). */
function listsOptions(t: Text): boolean {
  const lines = t.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!OPTIONS_LEAD.test(lines[i] as string)) continue;
    let items = 0;
    for (let j = i + 1; j < lines.length && j <= i + 40; j++) {
      const line = lines[j] as string;
      if (ITEM.test(line)) items++;
      else if (line.trim() && !/^\s/.test(line) && items > 0 && !/^\S/.test(line.trim())) break;
      if (items >= 2) return true;
    }
  }
  return false;
}

/** A line that sets a target: a quantity, a comparison and a date ("p95 under 2 s by Q3", "from 41 to under 5 by 30 June"). */
function setsTarget(t: Text): boolean {
  for (const line of t.lines) {
    if (!/\d/.test(line)) continue;
    if (/\bfrom [~<>]?[$£€]?\d[\d,.]*\s*(?:%|[a-z]+)?(?: [a-z]+){0,4} to (?:under |below |above |over |at least |less than )?[$£€]?\d/i.test(line)) return true;
    if (/(?:\b(?:under|below|above|at least|at most|less than|fewer than|more than|no more than|down to|reduce[ds]?|cut|halve[ds]?|double[ds]?|targets?)\b|[<>≤≥])/i.test(line) && hasQuantity(line) && hasDate(line)) return true;
  }
  return false;
}

/** Lines (list items, table rows) that give a share of time: "3 days deep work", "| Reviews | 14 |", "40%". */
function allocationLines(t: Text): number {
  let n = 0;
  for (const line of t.lines) {
    if (/^\s*(?:[-*+]|\d+[.)]|\|)/.test(line) && /(?:\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|hours?\b|hrs?\b|h\b|days?\b)|\|\s*~?\d+(?:\.\d+)?\s*(?:%|h|hrs?)?\s*\|)/.test(line)) n++;
  }
  return n;
}

/** How often the text says "I", "we", "you" and "she"/"he": who writes, to whom, about whom. */
interface Persons {
  first: number;
  second: number;
  third: number;
}

function personsOf(prose: string): Persons {
  const count = (pattern: RegExp) => prose.match(pattern)?.length ?? 0;
  return {
    first: count(/\b(?:i|i'm|i'll|i've|i'd|my|me|mine|we|we're|we'll|our|us)\b/g),
    second: count(/\b(?:you|your|yours|you're|you'll)\b/g),
    third: count(/\b(?:she|her|hers|he|him|his)\b/g),
  };
}

/**
 * Whether the text is about one person other than the writer: third-person pronouns throughout
 * ("she will own", "his first"), or a given name used three times or more mid-sentence.
 */
function aboutSomeone(t: Text): boolean {
  if (t.persons.third >= 3) return true;
  const names = new Map<string, number>();
  for (const m of t.raw.matchAll(/(?<=[a-z,;:] )([A-Z][a-z]{2,12})(?:'s)?\b(?= (?:will|is|has|owns?|leads?|presents?|to|and|can|should|gets?|writes?)\b)/g)) {
    const name = m[1] as string;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return [...names.values()].some((n) => n >= 3);
}

const SIGNALS: Record<string, KindSignals> = {
  escalation: {
    needs: ['ask', 'options'],
    min: 3,
    signals: [
      {
        id: 'ask',
        section: 'decision-needed',
        gather: true,
        test: has(
          /\b(?:decision (?:is )?(?:needed|required|requested|wanted)|need(?:s)? (?:a|your) (?:decision|call|steer|ruling|answer)|(?:requesting|request|seeking|asking for) (?:your|a) (?:decision|call|steer|ruling)|(?:asking|ask) (?:you|for you) to (?:decide|choose|pick|rule|settle)|please (?:decide|choose|pick)|(?:get|have|need|want) a steer|make (?:the|this|that) call|(?:your|whose) call\b|(?:who|which of you) (?:should|can|will|gets to) decide|needs? (?:to be )?(?:decided|settled)|(?:you|to) decide (?:between|which|who|whether|on))/,
        ),
      },
      {
        id: 'options',
        section: 'options',
        gather: true,
        test: (t) => optionLabels(t) >= 2 || /\b(?:two|three|four|2|3|4) (?:options|ways forward|paths forward|possible paths|courses of action|choices|alternatives)\b/.test(t.prose) || listsOptions(t),
      },
      {
        id: 'recommendation',
        section: 'recommendation',
        gather: true,
        test: has(/\b(?:recommend(?:ation|ed|s)?|(?:our|my) (?:suggestion|preference|pick|proposal)|we (?:would )?suggest|i (?:would )?suggest|i propose|we propose|(?:i|we)(?:'d| would) (?:go with|pick|choose|prefer))\b/),
      },
      { id: 'deadline', test: (t) => hasDeadline(t.prose) || /\b(?:if (?:we|nobody|no one) (?:do not|don't|does not|doesn't) decide|without a decision|if (?:no|the|a) decision (?:is not|isn't|comes|is made)|by default)\b/.test(t.prose) },
    ],
  },
  'role-memo': {
    // A primary archetype and a week split across work are a role memo's own; few other documents
    // name either, and hardly any both.
    needs: ['archetype', 'allocation'],
    min: 2,
    signals: [
      { id: 'archetype', section: 'archetype', test: (t) => /\b(?:primary|secondary|archetype)\b/.test(t.prose) && lexicon('archetypes').test(t.prose) },
      { id: 'allocation', section: 'allocation', test: (t) => allocationLines(t) >= 3 && /\bweek(?:ly|s)?\b/.test(t.prose) },
      { id: 'self', test: has(/\b(?:my (?:role|remit|job|scope|time|week|focus|sponsor|responsibilit\w*)|what i(?:'m| am) (?:for|here for)|role note)\b/) },
      {
        id: 'non-scope',
        section: 'non-scope',
        test: has(/\b(?:i(?:'m| am) not (?:the|a|an|responsible)|i (?:won't|will not|don't|do not) (?:own|approve|act|take|cover|do|run|lead|manage)|not (?:in |within |part of )?my (?:scope|remit|job|role)|(?:stays?|remains?) with)\b/),
      },
      { id: 'owns', section: 'scope', locates: true, test: has(/\b(?:i (?:own|run|lead|am responsible for|cover|will own)|my scope|in scope|scope\b)/) },
      { id: 'partners', section: 'stakeholders', locates: true, test: has(/\b(?:stakeholders?|my sponsor|sponsor\b|i work with|partners?|i report to|reports? to)\b/) },
      { id: 'success', section: 'success', locates: true, test: (t) => /\b(?:success|we'll know|i'll know|we will know|i will know|working if|done when)\b/.test(t.prose) && hasDeadline(t.prose) },
    ],
  },
  'growth-plan': {
    needs: ['someone', 'growth'],
    min: 4,
    signals: [
      { id: 'someone', test: aboutSomeone },
      { id: 'growth', test: has(/\b(?:grow(?:th)?|stretch|promotion|level up|next level|career|get better at|learn(?:ing)? to|skill)\b/) },
      {
        id: 'delegation',
        section: 'opportunity',
        test: has(
          /\b(?:delegat\w*|hand(?:ing|ed)? (?:over|off)|owns?\b|ownership|take (?:on|over)\b|(?:she|he|they)(?:'ll| will) (?:own|lead|run|drive|present|write|chair)|stretch (?:assignment|project|work)|(?:her|his|their) (?:own|first) )/,
        ),
      },
      { id: 'checkpoints', section: 'support', test: has(/\b(?:check-?ins?|checkpoints?|1:1s?|one-on-ones?|rehears\w*|dry[- ]run|review (?:the|her|his|their) (?:draft|plan|design|doc))\b/) },
      { id: 'visibility', section: 'visibility', test: has(/\b(?:visib\w*|showcase|in front of|credit|sponsor\w*|nominat\w*|present(?:s|ing)? (?:it|the|this|her|his|their|to|at))\b/) },
    ],
  },
  'exec-summary': {
    // One decision put to the reader with a request: an escalation weighs options instead, so a
    // text that lists them is not a summary (and the two kinds never both qualify).
    needs: ['decision', 'ask', 'one-decision'],
    min: 5,
    signals: [
      {
        id: 'decision',
        section: 'decision',
        gather: true,
        test: has(/\b(?:we (?:recommend|propose|have decided|decided)|we(?:'re| are) (?:moving|delaying|pushing|pausing|postponing|switching|cancell?ing|stopping)|i recommend|(?:our|my) recommendation is|the decision is)\b/),
      },
      {
        id: 'ask',
        section: 'ask',
        gather: true,
        test: has(
          /\b(?:please (?:approve|confirm|sign off|agree|decide)|(?:could|can|would) you (?:please )?(?:approve|confirm|sign off|agree to|decide)|(?:we|i) need (?:your )?(?:approval|sign-?off|agreement|go-ahead)|(?:we|i) need you to (?:approve|confirm|sign off|agree|decide))\b/,
        ),
      },
      { id: 'one-decision', test: (t) => optionLabels(t) < 2 && !/\b(?:two|three|four|2|3|4) (?:options|ways forward|paths forward|courses of action|alternatives)\b/.test(t.prose) && !listsOptions(t) },
      { id: 'reason', section: 'reason', test: has(/\b(?:the reason (?:is|being)|because|this is because|(?:our|the) (?:audit|test|trial|review|analysis|load test|pilot) (?:last \w+ )?(?:found|showed))\b/) },
      { id: 'risk', section: 'risk', test: has(/\b(?:the risk is|at risk|if we (?:do nothing|don't|do not|wait|go ahead|launch|ship)|would put|otherwise)\b/) },
      { id: 'plan', section: 'plan', test: has(/\b(?:the plan is|the fix is|next steps?|we will (?:fit|fix|rerun|run|start|begin|roll|move|switch))\b/) },
    ],
  },
  strategy: {
    // A choice, what it rules out, and a number to judge it by: design documents argue and exclude
    // too, but seldom set a target.
    needs: ['policy', 'anti-scope', 'metrics'],
    min: 4,
    signals: [
      {
        id: 'diagnosis',
        section: 'diagnosis',
        test: (t) =>
          /\b(?:the (?:real )?problem|going wrong|the challenge|today|currently|right now|at the moment|last (?:year|quarter|month)|this (?:year|quarter))\b/.test(t.prose) && (t.prose.match(/\d[\d,.]*\s*(?:%|[a-z])/g)?.length ?? 0) >= 3,
      },
      {
        id: 'policy',
        section: 'policy',
        test: has(/\b(?:rather than|instead of|takes? precedence|comes? first|before anything else|wins\b|we (?:choose|chose|are choosing|bet|will favou?r)|our bet|the rule\b|prioriti[sz]e \w+(?: \w+){0,4} over)\b/),
      },
      {
        id: 'anti-scope',
        section: 'anti-scope',
        test: has(
          /\b(?:say(?:ing)? no to|not doing|(?:we|we'll|we will) (?:not|won't|stop)|we(?:'re| are) not (?:going to|doing|building|replacing)|no new\b|out of scope|non-goals|leaving (?:\w+ )?alone|parked|not this (?:year|quarter)|off the table)/,
        ),
      },
      { id: 'metrics', section: 'metrics', test: setsTarget },
      { id: 'actions', section: 'actions', test: (t) => t.lines.filter((l) => /^\s*(?:[-*+]|\d+[.)])\s/.test(l)).length >= 3 || (t.prose.match(/\bwe(?:'ll| will) /g)?.length ?? 0) >= 3 },
    ],
  },
};

// The outline of another genre: a design doc, RFC or KEP, a postmortem, a README or a guide.
// Such documents argue, decide and measure too, but their headings say what they are.
const FOREIGN = new Set(
  [
    'design details',
    'detailed design',
    'design',
    'proposal',
    'proposed solution',
    'proposed design',
    'alternatives considered',
    'future directions',
    'source compatibility',
    'impact on existing code',
    'specification',
    'rationale',
    'test plan',
    'graduation criteria',
    'implementation history',
    'implementation',
    'implementation plan',
    'drawbacks',
    'unresolved questions',
    'prior art',
    'reference-level explanation',
    'guide-level explanation',
    'motivation',
    'user stories',
    'api changes',
    'upgrade / downgrade strategy',
    'version skew strategy',
    'production readiness review questionnaire',
    'root cause',
    'root causes',
    'lessons learned',
    'what went wrong',
    'what went well',
    'action items',
    'incident summary',
    'detection',
    'installation',
    'usage',
    'getting started',
    'contributing',
    'license',
    'requirements',
    'architecture',
    'goals',
  ].map(cleanTitle),
);

// A title that says the document is another genre: "2023 Elections Retrospective", "Comms Handbook".
const FOREIGN_TITLE = /\b(?:retrospective|retro|postmortem|post-mortem|post-incident|incident report|handbook|charter|ladder|guide|guidelines|faq|readme|changelog|release notes|rfc|kep|design doc|tutorial|how to|howto)\b/;

/** Characters of body a leadership artifact runs to; longer documents are not read for content. */
const MAX_CHARS = 10_000;
/** Characters below which a body is a stub, not something to read a kind from. */
const MIN_CHARS = 400;

/** The signals each kind's content shows (empty for a document too long, too short or of another genre); for tests and debugging. */
export function contentSignals(doc: Doc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const text = readable(doc);
  if (!text) return out;
  for (const [kind, def] of Object.entries(SIGNALS))
    out.set(
      kind,
      def.signals.filter((s) => !s.locates && s.test(text)).map((s) => s.id),
    );
  return out;
}

/**
 * The body as the signals read it, unless the document is too long, too short or of another
 * genre. Cheapest gates first: most documents of a run fail one of them.
 */
function readable(doc: Doc): Text | undefined {
  const size = doc.body.end - doc.body.start;
  if (size > MAX_CHARS || size < MIN_CHARS) return undefined;
  const title = doc.sections.find((s) => s.style === 'heading')?.title ?? '';
  if (FOREIGN_TITLE.test(cleanTitle(title))) return undefined;
  if (doc.sections.some((s) => s.style === 'heading' && FOREIGN.has(cleanTitle(s.title)))) return undefined;
  const text = textOf(doc, doc.body);
  // Written to a reader in general ("your career", "you should"): a guide, not an artifact.
  if (!text.prose.includes('you')) return text;
  const { first, second, third } = text.persons;
  return second > first + third ? undefined : text;
}

/**
 * The kind id the content alone names: the only kind whose needed signals all show and enough of
 * its signals do. Two kinds that both qualify are a guess, not evidence: none.
 */
export function contentKind(doc: Doc): string | undefined {
  const text = readable(doc);
  if (!text) return undefined;
  let found: string | undefined;
  for (const [kind, def] of Object.entries(SIGNALS)) {
    if (!qualifies(def, text)) continue;
    if (found !== undefined) return undefined;
    found = kind;
  }
  return found;
}

/** Whether every needed signal shows and `min` signals do; the needed ones first, and no more tests than that takes. */
function qualifies(def: KindSignals, text: Text): boolean {
  let shown = 0;
  for (const id of def.needs) {
    const need = def.signals.find((s) => s.id === id);
    if (!need || need.locates || !need.test(text)) return false;
    shown++;
  }
  for (const s of def.signals) {
    if (shown >= def.min) return true;
    if (!s.locates && !def.needs.includes(s.id) && s.test(text)) shown++;
  }
  return shown >= def.min;
}

/**
 * The content of the first heading or label (not the title, not a field) whose own name shows the
 * signal ("What we are leaving alone", "Our recommendation"): a heading that says what it holds is
 * a better place than the first paragraph that mentions it.
 */
function titled(doc: Doc, signal: Signal): Span | undefined {
  for (const s of doc.sections) {
    if (s.style === 'field' || (s.style === 'heading' && s.depth === 1) || s.titleSpan.start < doc.body.start) continue;
    if (s.span.end > s.own.start && /\S/.test(doc.plain.slice(s.own.start, s.span.end)) && signal.test(textOf(doc, s.titleSpan))) return { start: s.own.start, end: s.span.end };
  }
  return undefined;
}

/** Top-level blocks of the body. */
function topBlocks(doc: Doc): Span[] {
  return doc.blocks.filter((b) => b.start >= doc.body.start && b.end <= doc.body.end);
}

/** Top-level blocks of the body, one after another and in pairs (a lead line and its list). */
function* stretches(doc: Doc): Generator<Span> {
  const blocks = topBlocks(doc);
  for (const b of blocks) yield b;
  for (let i = 1; i < blocks.length; i++) yield { start: (blocks[i - 1] as Span).start, end: (blocks[i] as Span).end };
}

function textOf(doc: Doc, span: Span): Text {
  const raw = doc.plain.slice(span.start, span.end).replace(/[\u2018\u2019]/g, "'");
  const prose = raw
    .toLowerCase()
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ');
  let lines: string[] | undefined;
  let persons: Persons | undefined;
  return {
    raw,
    prose,
    get lines() {
      lines ??= raw.split('\n');
      return lines;
    },
    get persons() {
      persons ??= personsOf(prose);
      return persons;
    },
  };
}

/**
 * Where a document whose kind only its content names (detect.ts: `source: 'content'`) has each of
 * the kind's sections that no heading names: the first block (or a lead line and its list) whose
 * text shows the section's signal. Such a document is recognised by what its sections say, so a
 * section that says it is there is not missing. Empty for a kind without signals; detect.ts asks
 * only for a document content named.
 */
export function contentSections(doc: Doc, kindId: string): Map<string, Span> {
  const out = new Map<string, Span>();
  const def = SIGNALS[kindId];
  if (!def) return out;
  const body = textOf(doc, doc.body);
  for (const signal of def.signals) {
    if (!signal.section || out.has(signal.section) || !signal.test(body)) continue;
    let at: Span = titled(doc, signal) ?? doc.body;
    if (at === doc.body)
      for (const span of stretches(doc)) {
        if (signal.test(textOf(doc, span))) {
          at = span;
          break;
        }
      }
    out.set(signal.section, at);
  }
  return out;
}

/**
 * Where rules read each section `contentSections` shows, when the place is more than a guess: a
 * heading or label whose own name shows the part ("What we are leaving alone"), or, for a
 * `gather` part, every block that shows it (an ask in the subject line and again in the first
 * paragraph), else the first lead line and its list. The first paragraph that merely mentions a
 * part is where structure/* finds it, not a place to judge it (a role memo's week split added up
 * from the wrong list is a false error).
 */
export function locatedSections(doc: Doc, kindId: string): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  const def = SIGNALS[kindId];
  if (!def) return out;
  for (const [id, span] of contentSections(doc, kindId)) {
    if (span.start === doc.body.start && span.end === doc.body.end) continue;
    const signal = def.signals.find((x) => x.section === id);
    if (!signal) continue;
    const heading = titled(doc, signal);
    if (heading) out.set(id, [heading]);
    else if (signal.gather) {
      const all = topBlocks(doc).filter((b) => signal.test(textOf(doc, b)));
      out.set(id, all.length ? all : [span]);
    }
  }
  return out;
}
