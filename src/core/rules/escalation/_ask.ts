// Where a brief written as prose asks for its decision, and whom it asks. Briefs without a
// "Decision needed:" or "Decision maker:" label still ask somewhere ("It would be good to get a
// steer on this from whoever feels best placed"); the escalation rules read those sentences when
// the labelled section is missing. Shared by escalation/no-decision-maker, decision-not-first and
// no-decision-question.
import { normalizeTitle } from '../../kinds/detect.ts';
import { mentions } from '../../lexicon/index.ts';
import type { Span } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import type { RuleContext } from '../define.ts';
import type { Match } from '../../text/match.ts';
import { splitSentences } from '../../text/sentences.ts';

/**
 * Words that ask someone to decide: "decide", "a steer", "make the call", "sign off", "weigh in",
 * "break the tie", "your ruling on", "approve". Not "on-call", "API calls" or "we decided" (past).
 */
const DECISION_ASK =
  /\b(?:decid(?:e|es|ing)|decision|steer|steers|ruling|adjudicat\w+|arbitrat\w+|tie-?break\w*|break the tie|weigh in|sign(?:s|ed)?[- ]?off|approv(?:e|al)|go-ahead|green[- ]light|(?:make|making|take|taking|makes) (?:a|the|this|that|our|your) (?:call|choice|decision)|(?:your|a|the) call (?:on|about|here)|(?:whose|your) call)\b/i;

/** "leadership", "senior management", "engineering leadership": a body of nobody in particular. */
const LEADERSHIP = String.raw`(?:(?:senior|upper|engineering|product|exec(?:utive)?)\s+)?(?:leadership|management)\b(?!\s+(?:team|meeting|forum|group|board|council|committee|offsite|review)\b)`;

/**
 * A decider who is nobody in particular: "whoever feels best placed", "someone above us",
 * "someone more senior", "leadership", "management", "the powers that be", "not sure who".
 */
const UNNAMED_DECIDER = new RegExp(
  [
    String.raw`\bwho(?:ever|mever)\b(?:\s+(?!to\b)[\w'’-]+){0,4}`,
    String.raw`\b(?:some(?:one|body)|any(?:one|body))\s+(?:above|higher|senior|more senior|further up|up the chain|in (?:charge|authority)|with (?:the )?authority|who (?:can|could|is able))(?:\s+(?:us|me|them|here|the chain))?`,
    // "a decision from someone", not "we need someone on the rota" (work, not the decision).
    String.raw`(?<=\b(?:from|by)\s+)(?:some(?:one|body)|any(?:one|body))\b`,
    String.raw`\b(?:some(?:one|body)|any(?:one|body))\s+(?:should|needs? to|must|could|can|has to|to)\s+(?:decide|make|take|weigh|sign|rule|settle|call|pick|choose|approve)\b`,
    // Leadership or management only as the one asked ("a decision from leadership", "leadership to
    // decide"), not as a topic ("the release management process", "incident management").
    String.raw`(?<=\b(?:from|by|to|ask|asks|asking|involve|involving)\s+(?:(?:the|our)\s+)?)${LEADERSHIP}(?=\s*(?:[,.;:?!)]|$)|\s+(?:on|about|before|by|in|at|this|for|to|soon|when|if|as|and|or|here|please|so|because|regarding)\b)`,
    String.raw`\b${LEADERSHIP}(?=\s+(?:(?:should|must|could|can|will|would|needs? to|has to|have to|to)\s+)(?:decide|make|take|weigh|sign|rule|settle|call|pick|choose|approve|give)\b)`,
    String.raw`\b(?:the )?(?:powers that be|higher[- ]ups|people upstairs)\b|\babove (?:us|me|our pay ?grade)\b|\bup the chain\b`,
    String.raw`\b(?:not sure|unsure|unclear|(?:do not|don'?t) know|no idea)\s+who\b`,
  ].join('|'),
  'gi',
);

/**
 * A request frame: the writer asks rather than describes ("we'd appreciate", "it would be good to
 * get", "could you", "we are seeking", "X needs to decide"). "The compiler decides", "how to
 * decide" and "we must decide" describe; they ask nobody.
 */
const REQUEST =
  /\b(?:please|kindly|(?:we|i)(?:['’]d| would)? (?:like|appreciate|welcome|need|want|ask|request)|would (?:be (?:good|great|helpful|useful|ideal)|appreciate|welcome|like|help)|(?:could|can|would|will) (?:you|we get|i get|someone|somebody|anyone)|(?:are|am|is) (?:asking|requesting|seeking|looking for|hoping for|awaiting)|(?:asking|requesting|seeking|looking) for|(?:ask|request|seek|need|needs|want) (?:a|an|your|the)|grateful (?:for|if)|hoping (?:for|to get)|awaiting|needs? to (?:decide|make|choose|pick|approve|sign|rule|settle|weigh)|has to (?:decide|make|choose|pick|approve|sign))\b/i;

/**
 * The reader asked to decide, by "you" or by name: "Could you make the call on ...?", "Ruth,
 * please decide by Friday". Whoever reads it is the decider, whatever else the sentence mentions.
 */
const ADDRESSED_YOU =
  /\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:decide|choose|pick|approve|arbitrate|rule\s+on|settle|sign\s+off|weigh\s+in|break\s+the\s+tie|(?:make|take)\s+(?:the|a|this|that|your)\s+(?:call|decision|choice)|give\s+(?:us\s+)?(?:a|your|the)\s+(?:steer|ruling|decision|answer|go-ahead|sign-?off))\b/i;
const ADDRESSED_NAME = /^(?!(?:All|Everyone|Folks|Team|Both|Hi|Hello|Hey|Dear)\b)\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?,\s+(?:could|can|would|will|please)\b/u;

/** Time that commits to nothing: "whenever convenient", "at some point", "no rush". */
const NO_TIME =
  /\b(?:whenever (?:convenient|possible|you (?:can|get a chance|have (?:a moment|time)))|at some (?:point|stage)|(?:in|at) (?:due course|your (?:leisure|convenience))|no (?:rush|hurry)|when(?:ever)? (?:you|someone|anyone) (?:gets? a chance|has time|have time|can)|sometime(?: soon)?|eventually)\b/i;

export interface ProseAsk extends Match {
  /** The unnamed decider it addresses, if any ("whoever feels best placed"). */
  unnamed?: Match | undefined;
  /** Whether it names a role or body that decides ("the VP of Engineering", "the architecture council"). */
  named: boolean;
  /** A non-committal time ("whenever convenient"). */
  noTime?: Match | undefined;
}

/** Sentences of the view's paragraphs and quotes; list items are options or facts, not the ask. */
export function proseSentences(view: SectionView): Match[] {
  const out: Match[] = [];
  for (const b of view.blocks) if (b.type === 'paragraph' || b.type === 'quote') splitSentences(view.doc.plain, b.start, b.end, out);
  return out;
}

/** The sentences of the prose that ask for a decision, in order. */
export function proseAsks(view: SectionView): ProseAsk[] {
  const out: ProseAsk[] = [];
  for (const s of proseSentences(view)) {
    const unnamed = firstMatch(UNNAMED_DECIDER, s);
    const asks = DECISION_ASK.test(s.text) ? unnamed !== undefined || REQUEST.test(s.text) || /\?["')\]*]*$/.test(s.text.trim()) : unnamed !== undefined && mentions('ask', s.text);
    if (!asks) continue;
    // "Team A decided in May" is history; only the present or future asks.
    if (/\b(?:decided|approved|signed off|(?:was|were) made|made (?:the|a|that) (?:decision|call))\b/i.test(s.text) && !unnamed) continue;
    const named = mentions('decider', s.text) || /(?:^|\s)@\w/.test(s.text) || ADDRESSED_YOU.test(s.text) || ADDRESSED_NAME.test(s.text.trim());
    const time = NO_TIME.exec(s.text);
    out.push({ ...s, unnamed, named, noTime: time ? at(s, time.index, time[0]) : undefined });
  }
  return out;
}

/** Whether a span of the document states an ask: a question, a request for a decision or an ask verb. */
export function statesAsk(text: string): boolean {
  return /\?["')\]*]*(?:\s|$)/.test(text) || DECISION_ASK.test(text) || mentions('ask', text);
}

/** An opening that sums the brief up: when it states the ask, the decision comes first whatever follows. */
const SUMMARY_TITLE = /^(?:tl;? ?dr|tldr|summary|executive summary|bluf|bottom line(?: up front)?|in short|in brief|short version|the short version|the ask|ask|our ask|my ask|headline|overview|in one sentence)$/i;
/** A field that titles a message ("Subject: Decision by Thursday: who owns ...?"): read like the document's title. */
const TITLE_FIELD = /^(?:subject|subj|re|title|topic)$/i;
/** "Claire,", "Hi all,", "Dear Ruth": a message's greeting, not its opening. */
const SALUTATION = /^(?:(?:hi|hello|hey|dear|morning|good (?:morning|afternoon))\b[^.?!\n]{0,40}|[\p{Lu}][\p{L}'’ .-]{0,40}[,:])$/u;
/** Sections that are the brief's body, not its opening, when a keyed field names them. */
const BODY_KEYS = new Set(['context', 'options', 'recommendation']);

/**
 * The opening before `at` that states the ask: the title (a `# heading` or a `Subject:` line),
 * the first paragraph (past a message's header fields and its salutation), or a TL;DR, BLUF or
 * summary section ("Ask (BLUF):").
 */
export function openingAsk(context: RuleContext, at: number): Match | undefined {
  const { doc } = context;
  const title = doc.sections.find((s) => s.titleSpan.start < doc.body.start && s.style === 'heading' && s.depth === 1);
  if (title && statesAsk(title.title)) return { ...title.titleSpan, text: title.title };
  const before = doc.sections.filter((s) => s.titleSpan.start >= doc.body.start && s.titleSpan.start < at);
  for (const s of before) {
    if (s.style !== 'field' || !TITLE_FIELD.test(normalizeTitle(s.title))) continue;
    const text = context.viewOf(s).text();
    if (statesAsk(text)) return { ...s.own, text };
  }
  // The opening ends at the first heading or label, or at a field of the brief's body ("Context:").
  const end = doc.sections.find((s) => s.titleSpan.start >= doc.body.start && (s.style !== 'field' || (s.key !== undefined && BODY_KEYS.has(s.key))))?.titleSpan.start ?? at;
  const fieldLine = (b: Span) => doc.sections.some((s) => s.style === 'field' && b.start <= s.titleSpan.start && s.titleSpan.start < b.end);
  // The first paragraph only (a question deep in a long history is not the opening), past "Claire," or "Hi all,".
  const lead = context.body.blocks.find((b) => b.end <= Math.min(end, at) && (b.type === 'paragraph' || b.type === 'quote') && !fieldLine(b) && !SALUTATION.test(doc.plain.slice(b.start, b.end).trim()));
  if (lead) {
    const text = doc.plain.slice(lead.start, lead.end);
    if (statesAsk(text)) return { start: lead.start, end: lead.end, text };
  }
  for (const s of before) {
    const name = normalizeTitle(s.title);
    // "Ask (BLUF)": the name, or what its parenthesis says it is.
    const names = [name.replace(/\s*\([^)]*\)/g, '').trim(), ...[...name.matchAll(/\(([^)]*)\)/g)].map((m) => (m[1] as string).trim())];
    if (!names.some((n) => SUMMARY_TITLE.test(n))) continue;
    const text = context.viewOf(s).text();
    if (statesAsk(text)) return { ...s.own, text };
  }
  return undefined;
}

function firstMatch(re: RegExp, s: Match): Match | undefined {
  re.lastIndex = 0;
  const m = re.exec(s.text);
  re.lastIndex = 0;
  return m ? at(s, m.index, m[0].replace(/[\s,;:]+$/, '')) : undefined;
}

function at(s: Span, index: number, text: string): Match {
  return { start: s.start + index, end: s.start + index + text.length, text };
}
