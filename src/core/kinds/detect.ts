// Which kind a document is, and which of its sections are which. `kind:` in front matter wins;
// otherwise the kind whose sections the document has, when the evidence is strong enough that a
// README, KEP or postmortem is never taken for a leadership artifact (see `inferKind`).
// Titles are compared by key (normalise.ts), against the module's synonyms, so the words live in
// module.yaml and the code only knows how people decorate and inflect them.
import type { CourseModule, KindDef, SectionDef } from '../course/schema.ts';
import type { Block, Doc, Section, Span } from '../model/types.ts';
import { addColumnSection, columnNames, removeColumnSections } from '../model/columns.ts';
import { CHOICES_HEADER } from '../model/heads.ts';
import { lexicon, mentions } from '../lexicon/index.ts';
import { isGreeting, opensFromDate } from '../text/letter.ts';
import { contentKind, contentSections, locatedSections } from './content.ts';
import { cleanTitle, stem, titleTokens, titleWords } from './normalise.ts';

/** How the kind was told: front matter, sections and title (`inferred`), what the text does (`content`, content.ts), or none. */
export type KindSource = 'front-matter' | 'inferred' | 'content' | 'none';

export interface KindMatch {
  kind?: KindDef;
  source: KindSource;
  /** Set when front matter names a kind the module does not know. */
  unknownKind?: string;
}

/** Lower-case, without numbering ("1.", "II.", "Step 3:"), emoji, markup or a trailing colon; words as written. */
export function normalizeTitle(title: string): string {
  return cleanTitle(title);
}

// ---------------------------------------------------------------------------------------------
// Per-document memo: each title is normalised once per document, however many kinds are tried
// and however many rules ask. Keyed weakly on the Doc, so it lives exactly as long as the parse.

/** What is known of one title text, in whatever document: pure functions of the title, so a memo shares them across documents. */
export interface TitleInfo {
  /** The title's words before stemming (normalise.ts `titleWords`). */
  readonly words: string[];
  /** Its stems, made when first asked for (`tokensAt`): most titles name no section of any kind. */
  tokens?: string[];
  /** `tokens.join(' ')`, the key looked up first. */
  key?: string;
  /** Its first stem, for `mayName`: null, no words; '': a word may stem to "and" (a later part may be a name). */
  head?: string | null;
  /** What it names in each kind, per way of matching (`matchAt`; null: nothing), by `Index.slot`. */
  matches?: ({ id: string; how: How } | null)[];
}

interface DocInfo {
  /** Each section's title. */
  titles: TitleInfo[];
  /** The stem memo the tokens are made with (the caller's, or this document's own). */
  stems: Map<string, string>;
  title: string[];
  implied?: Map<KindDef, Map<string, Span>>;
  /** The Y-statement, once per document (null: none). */
  y?: RegExpExecArray | null;
  /** The option section whose pros and cons state the consequences (statedConsequences; null: none). */
  chosen?: Span | null;
  /** The opening paragraph that reads as a decision (leadDecision; null: none). */
  lead?: Span | null;
  /** The last table row labelled `Status` (impliedSections; null: none). */
  statusRow?: Span | null;
  /** The document's title heading (titleHeading; -1: none). */
  titleHeading?: number;
}

const docInfo = new WeakMap<Doc, DocInfo>();

/** Per-check (or per-surface) answers the caller keeps: the stem of each title word, what is known of each title. */
export interface DetectMemo {
  stems: Map<string, string>;
  titles?: Map<string, TitleInfo>;
}

/** Titles kept in one memo before it starts over. */
const MAX_TITLES = 50_000;

const NO_WORDS: TitleInfo = { words: [], tokens: [], key: '', head: null };

/** The stems of section `i`'s title. */
function tokensAt(info: DocInfo, i: number): string[] {
  const t = info.titles[i] ?? NO_WORDS;
  if (!t.tokens) {
    const stems = info.stems;
    t.tokens = t.words.map((w) => stem(w, stems));
    t.key = t.tokens.join(' ');
  }
  return t.tokens;
}

function keyAt(info: DocInfo, i: number): string {
  tokensAt(info, i);
  return (info.titles[i] ?? NO_WORDS).key as string;
}

/**
 * Whether section `i`'s title may name a section of the index other than by containment (see
 * `matchName`): only when its first stem starts a name, or a word may be an "and" that joins names.
 */
function mayName(info: DocInfo, i: number, index: Index): boolean {
  const head = headAt(info, i);
  return head !== null && (head === '' || index.byHead.has(head));
}

/** Section `i`'s first stem; null: no words; '': a word may stem to "and", so a later part may be a name. */
function headAt(info: DocInfo, i: number): string | null {
  const t = info.titles[i] ?? NO_WORDS;
  if (t.head === undefined) {
    const first = t.words[0];
    t.head = first === undefined ? null : t.words.some((w) => w.startsWith('and')) ? '' : (t.tokens?.[0] ?? stem(first, info.stems));
  }
  return t.head;
}

function infoOf(doc: Doc, memo?: DetectMemo): DocInfo {
  let info = docInfo.get(doc);
  if (!info) {
    // Titles repeat words ("Option 1", "Option 2"): one stem per distinct word even without a memo.
    const stems = memo?.stems ?? new Map<string, string>();
    // Documents share most titles ("Summary", "Motivation"), and a document its own: each is read once per memo.
    const known = memo?.titles ?? new Map<string, TitleInfo>();
    const read = (title: string) => {
      let t = known.get(title);
      if (!t) {
        if (known.size >= MAX_TITLES) known.clear();
        // A title is a slice of its document's text: the memo keeps a copy, not every document it has seen.
        const own = detached(title);
        t = { words: titleWords(own) };
        known.set(own, t);
      }
      return t;
    };
    const titles = doc.sections.map((s) => read(s.title));
    // The document's title is most often its `#` heading's, read already.
    const title = read(docTitle(doc));
    title.tokens ??= title.words.map((w) => stem(w, stems));
    title.key ??= title.tokens.join(' ');
    info = { titles, title: title.tokens, stems };
    docInfo.set(doc, info);
  }
  return info;
}

/**
 * `s` as a string of its own. A slice of a longer string keeps that string alive (V8 slices
 * strings of 13 characters or more); prefixing one character makes the engine copy it.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

// A title that says what the document is. The kind's name first, then a separator or, for a
// name of two words or more, "for"/"of" ("Escalation: who funds the reindex", "ADR-031: Use
// Postgres", "Growth plan for Wei", "Role clarity - Jonas"); or a name of two words or more last
// ("Payments platform strategy", "Q3 role clarity memo" is not). A one-word name last counts only
// with a period ("Data strategy 2026-2028", "FY26 strategy"): "Merge strategies", "Testing
// strategy" and "Privilege escalation" are other documents. Words as written (no stems), so a
// plural is not the name.
const PERIOD = String.raw`\(?(?:fy\s?\d{2,4}|[hq][1-4](?:\s\d{2,4})?|(?:19|20)\d{2})(?:\s*[-/]\s*(?:fy\s?\d{2,4}|[hq][1-4](?:\s\d{2,4})?|\d{2,4}))*\)?`;
const ADDRESSED = /\s(?:for|to)(?:\s(?:the|our|your|all))?$/;
/** One title of a kind as patterns, with the words both need (spaced as `cleanTitle` spaces them): a cheap test first. */
interface TitlePattern {
  name: string;
  head: RegExp;
  tail?: RegExp;
}
const declaredTitles = new WeakMap<KindDef, TitlePattern[]>();
function titlePatterns(kind: KindDef): TitlePattern[] {
  let out = declaredTitles.get(kind);
  if (!out) {
    out = (kind.titles ?? []).flatMap((t) => {
      const words = cleanTitle(t);
      const name = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      if (!name) return [];
      const several = /[\s-]/.test(words);
      const spaced = words.replace(/\s+/g, ' ');
      // A name that ends in "for"/"to" (or "for the") addresses a reader ("Lab PCs: summary for
      // the Dean", "Update for the board - Q3 hiring"): at the start of the title or of a part
      // after a separator, followed by who it is for. "Update for Swift 6" names no reader.
      if (ADDRESSED.test(words)) return [{ name: spaced, head: new RegExp(String.raw`(?:^|[:|(]\s*|,\s+|\s-\s+)${name}\s+\S`) }];
      const numbered = String.raw`(?:[\s-]*#?\d+)?`;
      const head = new RegExp(String.raw`^${name}(?:[\s-]*#?\d+\s|${numbered}(?:$|\s*[:|]|\s+-\s+|-\s+${several ? String.raw`|\s+(?:for|of)\s` : ''}))`);
      // The period may follow a separator: "Billing platform strategy — FY2027".
      const period = String.raw`(?:\s*[-:|,])?\s+${PERIOD}`;
      const tail = several ? new RegExp(String.raw`\b${name}(?:${period})?$`) : new RegExp(String.raw`(?:\b${name}${period}|^${PERIOD}\s+${name}|(?:[:|]|\s-)\s*${name})$`);
      return [{ name: spaced, head, tail }];
    });
    declaredTitles.set(kind, out);
  }
  return out;
}

/** Whether the document's title declares it to be of `kind` (see `titlePatterns`). */
export function titleDeclares(doc: Doc, kind: KindDef): boolean {
  let titles = cleanTitles.get(doc);
  if (!titles) {
    titles = docTitle(doc).split(' \u2022 ').map(cleanTitle).filter(Boolean);
    cleanTitles.set(doc, titles);
  }
  // A cleaned title's white space is single spaces, so either pattern matches only where the name is written.
  return titles.some((t) => titlePatterns(kind).some((p) => t.includes(p.name) && (p.head.test(t) || p.tail?.test(t) === true)));
}
const cleanTitles = new WeakMap<Doc, string[]>();

/** Front matter `title:`, else the first `#` heading, else the first line when it is short. */
function docTitle(doc: Doc): string {
  const fm = doc.frontMatter?.data['title'];
  const parts: string[] = typeof fm === 'string' ? [fm] : [];
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1);
  if (h1) parts.push(h1.title);
  else {
    const start = doc.frontMatter?.span.end ?? 0;
    const line = /^\s*(.*)$/m.exec(doc.text.slice(start, start + 300))?.[1] ?? '';
    if (line.length <= 150) parts.push(line);
  }
  return parts.join(' \u2022 ');
}

// ---------------------------------------------------------------------------------------------
// The synonym index of a kind, built from module data (immutable once loaded), so it is keyed
// weakly on the KindDef rather than rebuilt for every document.

interface Entry {
  tokens: string[];
  id: string;
  /** A fallback synonym: names the section only in a document already of this kind. */
  weak: boolean;
}
interface Index {
  /** This index's place in a title's `matches` (one per kind loaded in this process). */
  slot: number;
  exact: Map<string, Entry>;
  /** By first token, longest first, for prefix and containment matches. */
  byHead: Map<string, Entry[]>;
  titles: string[][];
  /** The kind's required sections, in order. */
  required: SectionDef[];
  /** The section id a `Status` heading or row names, if the kind has one. */
  status: string | undefined;
  /** The ids of the fixed names the code asks about ("consequences", "context"), once per kind. */
  named: Map<string, string | undefined>;
  /** The words either side of an "and" inside a name ("pro con" of "pros and cons"). */
  joins: Set<string>;
}
const indexes = new WeakMap<KindDef, Index>();
let slots = 0;
const AND = stem('and');

function indexOf(kind: KindDef): Index {
  let index = indexes.get(kind);
  if (!index) {
    const exact = new Map<string, Entry>();
    const entries: Entry[] = [];
    const add = (name: string, id: string, weak: boolean) => {
      const tokens = titleTokens(name);
      const key = tokens.join(' ');
      if (!tokens.length || exact.has(key)) return;
      const e = { tokens, id, weak };
      exact.set(key, e);
      entries.push(e);
    };
    for (const s of kind.sections) for (const name of [s.title, s.id, ...s.synonyms]) add(name, s.id, false);
    for (const s of kind.sections) for (const name of s.fallbackSynonyms ?? []) add(name, s.id, true);
    entries.sort((a, b) => b.tokens.length - a.tokens.length);
    const byHead = new Map<string, Entry[]>();
    for (const e of entries) byHead.set(e.tokens[0] as string, [...(byHead.get(e.tokens[0] as string) ?? []), e]);
    const joins = new Set<string>();
    for (const e of entries) e.tokens.forEach((t, i) => t === AND && i > 0 && joins.add(`${e.tokens[i - 1]} ${e.tokens[i + 1]}`));
    const titles = (kind.titles ?? []).map((t) => titleTokens(t)).filter((t) => t.length > 0);
    index = { slot: slots++, exact, byHead, titles, required: kind.sections.filter((s) => s.required), status: undefined, named: new Map(), joins };
    index.status = namedId(kind, 'status', index);
    indexes.set(kind, index);
  }
  return index;
}

// Words that start a qualifier rather than a different name: "Risk if we wait", "Not doing this
// quarter", "Options (3)", "Alternatives we rejected", "Ask of you", "Scope for H2".
const QUALIFIERS = new Set(
  'if for of this that these those in on at by during from to until till when while before after we i you they it them us so now per across with without as under over beyond q1 q2 q3 q4 h1 h2 fy'.split(' ').map((w) => stem(w)),
);
const isQualifier = (t: string | undefined) => t !== undefined && (QUALIFIERS.has(t) || /^(?:\d+|q[1-4]|h[12]|fy\d+)$/.test(t));

type How = 'exact' | 'prefix' | 'contains';

function startsWith(tokens: string[], prefix: string[], at = 0): boolean {
  for (let i = 0; i < prefix.length; i++) if (tokens[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * The names a title joins with "and" ("Risk and rollback", "What it costs us, and what we get");
 * one part: not joined. An "and" inside a name ("Shorter example for pros and cons") joins nothing.
 */
function conjuncts(tokens: string[], joins: ReadonlySet<string>): string[][] {
  if (!tokens.includes(AND)) return [tokens];
  const parts: string[][] = [[]];
  tokens.forEach((t, i) => {
    if (t === AND && !joins.has(`${tokens[i - 1]} ${tokens[i + 1]}`)) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  });
  return parts.filter((p) => p.length > 0);
}

// `joined`: a title that joins names ("Risk and rollback") names its first free part. Only once
// the kind is known: an RFC's "Risks and Mitigations" is no evidence of an executive summary.
type MatchOpts = { weak: boolean; contains: boolean; taken?: Set<string>; joined?: boolean };

/** Which section of the index a title names, and how closely; a joined title names the section of its first free part. */
function match(index: Index, tokens: string[], opts: MatchOpts, key = tokens.join(' ')): { id: string; how: How } | undefined {
  const whole = matchName(index, tokens, opts, key);
  if (whole || !opts.joined) return whole;
  const parts = conjuncts(tokens, index.joins);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    const m = matchName(index, part, { ...opts, contains: false });
    if (m) return { id: m.id, how: 'prefix' };
  }
  return undefined;
}

// The ways of matching whose answer depends on the title and the kind alone, so a title's
// answer serves every document it heads (nothing `taken`, as assignSections has).
const STRONG = 0;
const WEAK_JOINED = 1;
const WEAK = 2;
const WAYS: readonly MatchOpts[] = [
  { weak: false, contains: false },
  { weak: true, contains: false, joined: true },
  { weak: true, contains: false },
];

/** `match` of section `i`'s title in one of the WAYS, once per title and kind (the title record keeps it). */
function matchAt(info: DocInfo, i: number, index: Index, way: number): { id: string; how: How } | undefined {
  const t = info.titles[i];
  if (!t) return undefined;
  const at = index.slot * WAYS.length + way;
  t.matches ??= [];
  let m = t.matches[at];
  if (m === undefined) {
    m = match(index, tokensAt(info, i), WAYS[way] as MatchOpts, keyAt(info, i)) ?? null;
    t.matches[at] = m;
  }
  return m ?? undefined;
}

/** The section ids a title joins, when it joins two names or more ("Risk and rollback"); "Cost and effort" joins one. */
function jointIds(index: Index, tokens: string[]): string[] {
  const parts = conjuncts(tokens, index.joins);
  if (parts.length < 2 || matchName(index, tokens, { weak: true, contains: false })) return [];
  const ids = parts.map((p) => matchName(index, p, { weak: true, contains: false })?.id);
  return ids.every(Boolean) ? [...new Set(ids as string[])] : [];
}

function matchName(index: Index, tokens: string[], opts: MatchOpts, key = tokens.join(' ')): { id: string; how: How } | undefined {
  if (!tokens.length) return undefined;
  const e = index.exact.get(key);
  if (e && (opts.weak || !e.weak) && !opts.taken?.has(e.id)) return { id: e.id, how: 'exact' };
  for (const p of index.byHead.get(tokens[0] as string) ?? []) {
    if ((p.weak && !opts.weak) || opts.taken?.has(p.id)) continue;
    if (p.tokens.length < tokens.length && startsWith(tokens, p.tokens) && isQualifier(tokens[p.tokens.length])) return { id: p.id, how: 'prefix' };
  }
  if (!opts.contains || tokens.length > 6) return undefined;
  for (let at = 1; at < tokens.length; at++) {
    for (const p of index.byHead.get(tokens[at] as string) ?? []) {
      if ((p.weak && !opts.weak) || opts.taken?.has(p.id)) continue;
      if (startsWith(tokens, p.tokens, at)) return { id: p.id, how: 'contains' };
    }
  }
  return undefined;
}

const heads = new WeakMap<SectionDef, Set<string>>();

/** The first token of each of a section's names ("Risks we see" shares `risk` with "Risk"), computed once per module. */
export function nameHeads(def: SectionDef): ReadonlySet<string> {
  let out = heads.get(def);
  if (!out) {
    out = new Set([def.title, ...def.synonyms].map((n) => titleTokens(n)[0] ?? ''));
    heads.set(def, out);
  }
  return out;
}

/** The title tokens of each of the document's sections, in order (see normalise.ts `titleTokens`). */
export function sectionTokens(doc: Doc): readonly string[][] {
  const info = infoOf(doc);
  return info.titles.map((_, i) => tokensAt(info, i));
}

/** The section id a fixed name in the code ("consequences") names in `kind`, computed once per kind. */
function namedId(kind: KindDef, name: string, index = indexOf(kind)): string | undefined {
  if (!index.named.has(name)) index.named.set(name, match(index, titleTokens(name), { weak: true, contains: false })?.id);
  return index.named.get(name);
}

/** The section id that a title names in `kind`, if any. */
export function sectionKeyOf(kind: KindDef, title: string): string | undefined {
  return match(indexOf(kind), titleTokens(title), { weak: true, contains: false })?.id;
}

// ---------------------------------------------------------------------------------------------
// Sections carried by something other than a heading: a Y-statement ("In the context of ...,
// facing ..., we decided for ... and neglected ..., to achieve ..., accepting that ...") is a
// whole ADR in one sentence; a `Status` row in a table is the status.

const Y_STATEMENT = /\bin the context of\b[\s\S]{1,600}?\bwe (?:have )?decided (?:for|to|on|that)?\b([\s\S]{1,600}?)\b(?:to achieve|so that|in order to)\b[\s\S]{1,600}?\baccepting\b/i;

const STATUS = stem('status');

/** The document's Y-statement, if it has one (once per document). */
function yStatement(doc: Doc): RegExpExecArray | null {
  const info = infoOf(doc);
  // Words every Y-statement has: a cheap test before the full pattern.
  if (info.y === undefined) info.y = doc.text.includes('n the context of') && doc.text.includes('ccepting') ? Y_STATEMENT.exec(doc.text) : null;
  return info.y;
}

/**
 * Section ids of `kind` that the document carries without a heading for them, with where: by
 * their form (`formSections`). A document whose kind only its content names (`source` is
 * `content`, content.ts) is
 * written in a form staffwork does not read section by section, so it is not told a section is
 * missing: each required section is where its content shows it, else the body; the kind's lesson
 * rules judge what it says.
 */
export function impliedSections(doc: Doc, kind: KindDef, source: KindSource): Map<string, Span> {
  const form = formSections(doc, kind);
  if (source !== 'content') return form;
  const out = new Map(contentSections(doc, kind.id));
  for (const def of indexOf(kind).required) if (!out.has(def.id)) out.set(def.id, doc.body);
  for (const [id, span] of form) out.set(id, span);
  return out;
}

/** A section located by content: where it is, and the kind's name for it (what messages call it). */
export interface LocatedPart {
  /** In order, not overlapping. */
  spans: Span[];
  title: string;
}

/**
 * Where the rules read the kind's sections that no heading names, in a document whose kind only
 * its content names: the stretch of body that shows each (content.ts). Empty for every other
 * document, so a document recognised by its sections reads exactly its sections.
 */
export function contentViews(doc: Doc, kind: KindDef, source: KindSource): ReadonlyMap<string, LocatedPart> {
  const out = new Map<string, LocatedPart>();
  if (source !== 'content') return out;
  const named = new Set(doc.sections.flatMap((x) => [x.key, ...(x.also ?? [])]));
  for (const [id, part] of bareLabels(doc, kind)) if (!named.has(id)) out.set(id, part);
  for (const [id, spans] of locatedSections(doc, kind.id)) if (!named.has(id) && !out.has(id)) out.set(id, { spans: spans.map((x) => afterTitle(doc, x)), title: kind.sections.find((d) => d.id === id)?.title ?? id });
  return out;
}

/** A stretch that opens with an unrecognised field's or label's name (`Subject:`) read from its value: the name is not the writer's text for the part. */
function afterTitle(doc: Doc, span: Span): Span {
  const s = doc.sections.find((x) => x.style !== 'heading' && x.titleSpan.start === span.start);
  return s && s.own.start < span.end ? { start: Math.max(s.own.start, s.titleSpan.end), end: span.end } : span;
}

/** Words a bare label runs to ("Skill goal", "What I need from you"); a longer first line is a sentence. */
const MAX_BARE_LABEL_WORDS = 6;

/**
 * Paragraphs whose first line is only a section's name, with no colon or heading mark
 * ("Opportunity" above its text, "Support" above a list): the plain-text labels of an email or a
 * pasted note. Each names the section for what follows, as a label would: up to the next such
 * line or section title. Read only in a document recognised by its content.
 */
function bareLabels(doc: Doc, kind: KindDef): Map<string, LocatedPart> {
  const labels: { id: string; title: string; start: number; lineEnd: number }[] = [];
  for (const b of doc.blocks) {
    if (b.type !== 'paragraph' || b.start < doc.body.start || b.end > doc.body.end) continue;
    const text = doc.plain.slice(b.start, b.end);
    const eol = text.indexOf('\n');
    const line = (eol === -1 ? text : text.slice(0, eol)).trim();
    const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (!words.length || words.length > MAX_BARE_LABEL_WORDS || /[.,;!]\s*$|[.;!]\s/.test(line)) continue;
    const id = sectionKeyOf(kind, line);
    if (id) labels.push({ id, title: line, start: b.start, lineEnd: eol === -1 ? b.end : b.start + eol + 1 });
  }
  const out = new Map<string, LocatedPart>();
  labels.forEach((l, i) => {
    const next = Math.min(labels[i + 1]?.start ?? doc.body.end, ...doc.sections.map((x) => x.titleSpan.start).filter((at) => at > l.start));
    const start = l.lineEnd + (doc.plain.slice(l.lineEnd, next).length - doc.plain.slice(l.lineEnd, next).trimStart().length);
    if (!out.has(l.id) && /\S/.test(doc.plain.slice(start, next))) out.set(l.id, { spans: [{ start, end: next }], title: l.title });
  });
  return out;
}

/** Section ids of `kind` that the document's form carries: a Y-statement, a `Status` row, an opening decision, stated consequences. */
function formSections(doc: Doc, kind: KindDef): Map<string, Span> {
  const info = infoOf(doc);
  info.implied ??= new Map();
  let found = info.implied.get(kind);
  if (found) return found;
  found = new Map();
  const y = yStatement(doc);
  if (y) {
    const span = { start: y.index, end: y.index + y[0].length };
    const parts = ['context', 'decision', 'consequences', ...(/\bneglected\b/i.test(y[1] ?? '') ? ['considered options'] : [])];
    for (const part of parts) {
      const id = namedId(kind, part);
      if (id) found.set(id, span);
    }
  }
  const index = indexOf(kind);
  const lead = leadDecision(doc, kind);
  if (lead) found.set(lead.id, lead.span);
  const consequences = namedId(kind, 'consequences');
  if (consequences) {
    const stated = statedConsequences(doc, kind);
    if (stated) found.set(consequences, stated);
  }
  if (info.statusRow === undefined) info.statusRow = statusRow(doc, info);
  if (info.statusRow && index.status) found.set(index.status, info.statusRow);
  info.implied.set(kind, found);
  return found;
}

/** The last table row labelled `Status` that has a value (the same for every kind). */
function statusRow(doc: Doc, info: DocInfo): Span | null {
  let out: Span | null = null;
  for (const table of doc.tables) {
    for (const row of [table.header, ...(table.rows ?? [])]) {
      const [label, value] = row?.cells ?? [];
      if (!row || !label || !value?.text.trim() || label.text.length > 40 || !/status/i.test(label.text) || titleTokens(label.text, info.stems).join(' ') !== STATUS) continue;
      out = { start: row.start, end: row.end };
    }
  }
  return out;
}

// A summary that opens with its decision, before any label ("We will move after-hours triage to
// the Northside clinic from 3 March. ..."), has its Decision section: the kind puts it first.

function leadDecision(doc: Doc, kind: KindDef): { id: string; span: Span } | undefined {
  const first = kind.sections[0];
  if (first?.id !== 'decision') return undefined;
  const info = infoOf(doc);
  if (info.lead === undefined) info.lead = openingDecision(doc);
  return info.lead ? { id: first.id, span: info.lead } : undefined;
}

let opensWithDecision: RegExp | undefined;

/** The paragraph before the first label that reads as a decision (kind-independent, once per document). */
function openingDecision(doc: Doc): Span | null {
  const start = doc.sections.find((s) => s.titleSpan.start >= doc.body.start && !(s.style === 'heading' && s.depth === 1))?.titleSpan.start ?? doc.text.length;
  const para = doc.blocks.find((b) => b.start >= doc.body.start && b.start < start && (b.type === 'paragraph' || b.type === 'list') && !isGreeting(doc.plain.slice(b.start, b.end)));
  if (!para) return null;
  const text = doc.plain.slice(para.start, para.end);
  opensWithDecision ??= new RegExp(`^[^A-Za-z]*(?:${lexicon('decision').source})`, 'i');
  if (!mentions('decision-markers', text) && !opensWithDecision.test(text) && !opensFromDate(text)) return null;
  return { start: para.start, end: para.end };
}

// An ADR can state its consequences without a section of that name: MADR lists the chosen
// option's own "Good, because ... / Bad, because ..." under "Pros and Cons of the Options" (its
// Consequences section is optional), and a decision may end "We accept that ...".
const CHOSEN = /\bchosen option\b[^"\u201c'`*\n]{0,4}(?:"([^"\n]{2,120})"|\u201c([^\u201d\n]{2,120})\u201d|'([^'\n]{2,120})'|`([^`\n]{2,120})`|\*\*([^*\n]{2,120})\*\*|([^,.\n]{2,80}))/gi;
const PRO_CON_ITEM = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:good|bad|neutral),? because\b/im;
const ACCEPTED_COST = /\b(?:we accept(?:ed)? that|accepting that|at the (?:cost|expense) of|the (?:trade-?off|downside|cost) (?:is|will be))\b/i;

function statedConsequences(doc: Doc, kind: KindDef): Span | undefined {
  const plain = doc.plain;
  const info = infoOf(doc);
  if (info.chosen === undefined) info.chosen = chosenProsAndCons(doc, info);
  if (info.chosen) return info.chosen;
  const index = indexOf(kind);
  for (const [i, decision] of doc.sections.entries()) {
    if (!mayName(info, i, index) || matchAt(info, i, index, WEAK)?.id !== 'decision') continue;
    const m = ACCEPTED_COST.exec(plain.slice(decision.span.start, decision.span.end));
    if (m) return { start: decision.span.start + m.index, end: decision.span.start + m.index + m[0].length };
  }
  return undefined;
}

/** The section of the chosen option whose items are "Good, because ..." (kind-independent, once per document). */
function chosenProsAndCons(doc: Doc, info: DocInfo): Span | null {
  const plain = doc.plain;
  // A substring test before the pattern: most documents name no chosen option.
  if (!plain.includes('hosen option')) return null;
  const statements = [...plain.matchAll(CHOSEN)];
  const chosen = statements.map((m) => titleTokens(m.slice(1).find(Boolean) ?? '', info.stems).join(' ')).filter(Boolean);
  if (!chosen.length) return null;
  for (const [i, s] of doc.sections.entries()) {
    // The option's own section, not one that holds the decision (the document's title, say).
    if (statements.some((m) => m.index >= s.span.start && m.index < s.span.end)) continue;
    const title = keyAt(info, i);
    if (!title || !chosen.some((c) => c === title || (c.length >= 8 && (c.includes(title) || title.includes(c))))) continue;
    if (PRO_CON_ITEM.test(plain.slice(s.span.start, s.span.end))) return s.span;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Kind inference.

/** The document's title heading: its only `#` heading, when nothing but fields comes before it. */
function titleHeading(doc: Doc): number {
  const info = infoOf(doc);
  if (info.titleHeading === undefined) {
    let first = -1;
    let count = 0;
    doc.sections.forEach((s, i) => {
      if (s.style === 'heading' && s.depth === 1 && count++ === 0) first = i;
    });
    info.titleHeading = count === 1 && doc.sections.slice(0, first).every((s) => s.style === 'field') ? first : -1;
  }
  return info.titleHeading;
}

/** Sections that form the body's outline: headings and labels at the top of the body, not fields or subsections. */
function outline(doc: Doc): number[] {
  const title = titleHeading(doc);
  return doc.sections.flatMap((s, i) => (s.style !== 'field' && i !== title && (s.parent === -1 || s.parent === title) ? [i] : []));
}

export interface KindEvidence {
  kind: KindDef;
  /** Section ids found by their titles (strong synonyms) or implied. */
  found: Set<string>;
  requiredFound: number;
  required: number;
  /** Share of the outline's sections that are this kind's. */
  coverage: number;
  titleNamesKind: boolean;
  accepted: boolean;
  score: number;
}

// A leadership artifact is mostly its kind's sections; an RFC or KEP that happens to have a
// "Summary", "Goals" and "Risks" is mostly other sections.
const MIN_SECTIONS = 3;
const MIN_REQUIRED_SHARE = 0.6;
const MIN_COVERAGE = 0.4;
const MIN_COVERAGE_WITH_TITLE = 0.25;
const MIN_REQUIRED_SHARE_WITH_TITLE = 0.5;
const MIN_COVERAGE_TWO_REQUIRED = 0.75;

const moduleHeads = new WeakMap<CourseModule, Set<string>>();

/** The first stems of every name of every kind of the module. */
function headsOf(module: CourseModule): Set<string> {
  let out = moduleHeads.get(module);
  if (!out) {
    out = new Set(module.kinds.flatMap((k) => [...indexOf(k).byHead.keys()]));
    moduleHeads.set(module, out);
  }
  return out;
}

function mayNameAny(info: DocInfo, i: number, heads: Set<string>): boolean {
  const head = headAt(info, i);
  return head !== null && (head === '' || heads.has(head));
}

/** The sections whose titles may name a section of some kind: only titles whose first stem starts some kind's name. */
function candidatesOf(doc: Doc, module: CourseModule): number[] {
  const info = infoOf(doc);
  const title = titleHeading(doc);
  const heads = headsOf(module);
  const out: number[] = [];
  doc.sections.forEach((s, i) => {
    if ((s.style !== 'field' || s.parent === -1 || s.parent === title) && mayNameAny(info, i, heads)) out.push(i);
  });
  return out;
}

/**
 * How well the document fits each kind, for inference. A kind that cannot be accepted for want of
 * coverage is not weighed further: its evidence says what its names matched, with score 0.
 */
function kindEvidence(doc: Doc, module: CourseModule): KindEvidence[] {
  const candidates = candidatesOf(doc, module);
  const info = infoOf(doc);
  const main = outline(doc);
  return module.kinds.map((kind) => {
    const index = indexOf(kind);
    const found = new Set<string>();
    const matched = new Set<number>();
    const ids = new Map<number, string>();
    for (const i of candidates) {
      const m = mayName(info, i, index) ? matchAt(info, i, index, STRONG) : undefined;
      if (m) {
        found.add(m.id);
        matched.add(i);
        ids.set(i, m.id);
      }
    }
    // A `## Status` heading is as telling as a title that says "ADR": decision records have one.
    // (A `Status:` line counts as the status, but proposals of every kind have those.)
    const status = index.status;
    let statusHeading = false;
    let recordStatus = false;
    if (status !== undefined)
      for (const i of matched) {
        const s = doc.sections[i];
        if (s?.style !== 'heading' || ids.get(i) !== status) continue;
        statusHeading = true;
        recordStatus ||= opensWithRecordStatus(doc, s);
      }
    const named = index.titles.filter((t) => info.title.some((_, at) => startsWith(info.title, t, at)));
    const titleSays = named.length > 0;
    const titleNamesKind = titleSays || statusHeading;
    // Every way of accepting a kind asks for MIN_COVERAGE_WITH_TITLE of the outline, and without a
    // title that names the kind only the strong matches above cover it: a kind that falls short
    // (most kinds, for most documents of other genres) is not weighed further.
    const strong = coverageOf(doc, main, matched);
    if (!titleNamesKind && strong < MIN_COVERAGE_WITH_TITLE) return rejected(kind, found, index, strong);
    // Implied sections only add to a document that has some of the kind already (or a
    // Y-statement, a whole ADR in one sentence): skipping the rest keeps inference cheap.
    if (found.size > 0 || yStatement(doc)) for (const id of formSections(doc, kind).keys()) found.add(id);
    // Once the title names the kind, fallback names and joined titles count too ("Proposal" holds
    // the decision; "Support and check-ins" the support).
    if (titleNamesKind) {
      for (const i of candidates) {
        const m = matched.has(i) || !mayName(info, i, index) ? undefined : matchAt(info, i, index, WEAK_JOINED);
        if (m && !found.has(m.id)) {
          found.add(m.id);
          matched.add(i);
        }
      }
    }
    const required = index.required;
    let requiredFound = 0;
    for (const s of required) if (found.has(s.id)) requiredFound++;
    const share = required.length ? requiredFound / required.length : 0;
    const coverage = titleNamesKind ? coverageOf(doc, main, matched) : strong;
    let hit = 0;
    for (const i of main) if (matched.has(i)) hit++;
    const direct = main.length ? hit / main.length : 1;
    const accepted =
      (found.size >= MIN_SECTIONS && share >= MIN_REQUIRED_SHARE && coverage >= MIN_COVERAGE) ||
      (titleNamesKind && requiredFound >= 2 && share >= MIN_REQUIRED_SHARE_WITH_TITLE && coverage >= MIN_COVERAGE_WITH_TITLE) ||
      // A title that names the kind ("Backhaul review: executive summary") is evidence enough
      // for two of its required sections when they are a good part of the outline; a weak
      // summary is still a summary, and its rules should judge it.
      // One generic word ("Code Insights strategy", "Briefing") is not that name.
      (named.some((t) => t.length >= 2) && requiredFound >= 2 && coverage >= MIN_COVERAGE) ||
      (requiredFound >= 2 && direct >= MIN_COVERAGE_TWO_REQUIRED && everyHasBlocks(doc, matched)) ||
      // A `## Status` that says "✅ Accepted" or "Superseded by 12" marks a decision record even
      // when only one required section has a name the kind knows ("What's proposed", "Reasoning").
      (recordStatus && requiredFound >= 1 && coverage >= MIN_COVERAGE_WITH_TITLE);
    // A title that declares the kind is enough when the document has something to judge: the
    // worse the artifact, the fewer of its sections are there to recognise.
    const declared = !accepted && coverage >= MIN_COVERAGE_WITH_TITLE && (titleDeclares(doc, kind) || addressedTo(doc, kind)) && hasProse(doc);
    const score = share + found.size / 100 + (titleNamesKind || declared ? 0.5 : 0) + coverage / 10;
    return { kind, found, requiredFound, required: required.length, coverage, titleNamesKind, accepted: accepted || declared, score };
  });
}

/** The share of the outline that holds a matched section: an outline section counts when it, or a section nested in it, is one of the kind's. */
function coverageOf(doc: Doc, main: number[], matched: ReadonlySet<number>): number {
  if (!main.length) return 1;
  const holds = new Set<number>();
  for (const i of matched) for (let j = i; j !== -1 && !holds.has(j); j = doc.sections[j]?.parent ?? -1) holds.add(j);
  let held = 0;
  for (const i of main) if (holds.has(i)) held++;
  return held / main.length;
}

/** The evidence of a kind that cannot be accepted: what its names matched, and no more (score 0). */
function rejected(kind: KindDef, found: Set<string>, index: Index, coverage: number): KindEvidence {
  let requiredFound = 0;
  for (const s of index.required) if (found.has(s.id)) requiredFound++;
  return { kind, found, requiredFound, required: index.required.length, coverage, titleNamesKind: false, accepted: false, score: 0 };
}

function everyHasBlocks(doc: Doc, sections: Iterable<number>): boolean {
  for (const i of sections) if ((doc.sections[i]?.blocks.length ?? 0) === 0) return false;
  return true;
}

export function detectKind(doc: Doc, module: CourseModule, memo?: DetectMemo): KindMatch {
  const declared = doc.frontMatter?.data['kind'];
  infoOf(doc, memo);
  if (typeof declared === 'string' && declared.trim()) {
    const kind = module.kinds.find((k) => k.id === declared.trim());
    return kind ? { kind, source: 'front-matter' } : { source: 'none', unknownKind: declared.trim() };
  }
  let best: KindEvidence | undefined;
  for (const e of kindEvidence(doc, module)) if (e.accepted && (!best || e.score > best.score)) best = e;
  if (best) return { kind: best.kind, source: 'inferred' };
  // No kind by its sections or title: what the document says may still name one (content.ts).
  const byContent = contentKind(doc);
  const kind = byContent === undefined ? undefined : module.kinds.find((k) => k.id === byContent);
  return kind ? { kind, source: 'content' } : { source: 'none' };
}

// A header line that names who the document is for: `Audience: executive team`, `Prepared for: the
// board`. It declares a kind with audiences when it names one of them (or leadership, the board).
const AUDIENCE_FIELD = /^(?:audience|intended audience|target audience|readers?|prepared for|written for)$/;

/**
 * Whether the document is addressed to one of the kind's audiences: `audience:` front matter
 * (without `kind:`) that names one, or an audience field before the first heading that does.
 */
function addressedTo(doc: Doc, kind: KindDef): boolean {
  const audiences = kind.audiences ?? [];
  if (!audiences.length) return false;
  const names = (text: string) => {
    const words = cleanTitle(text).split(/[^a-z]+/);
    return words.some((w) => w === 'leadership' || w === 'board' || audiences.some((a) => w.startsWith(a.slice(0, 4))));
  };
  const fm = doc.frontMatter?.data['audience'];
  if (typeof fm === 'string' && audiences.includes(fm.trim().toLowerCase())) return true;
  for (const s of doc.sections) {
    if (s.style !== 'field') {
      if (s.style === 'heading' && s.depth === 1) continue;
      break;
    }
    if (AUDIENCE_FIELD.test(cleanTitle(s.title)) && names(doc.plain.slice(s.own.start, s.own.end))) return true;
  }
  return false;
}

/** A record's status as the first words: "Accepted", "✅ Accepted (documenting ...)", "Superseded by ADR 12". */
const RECORD_STATUS = new RegExp(`^(?:${lexicon('adr-status').source})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether a status section opens with a record's status (not "This design has been proposed ..."). */
function opensWithRecordStatus(doc: Doc, section: Section): boolean {
  const first = section.blocks.find((b) => b.type === 'paragraph' || b.type === 'list');
  if (!first) return false;
  const text = doc.plain.slice(first.start, first.end).replace(/^[^\p{L}]+/u, '');
  return RECORD_STATUS.test(text);
}

/** Words of prose a titled document needs before its title counts: "We will write it next week" is a stub. */
const MIN_DECLARED_WORDS = 20;

/** Whether the body holds enough prose to judge (a title over a stub is not an artifact). */
function hasProse(doc: Doc): boolean {
  let words = 0;
  for (const b of doc.blocks) {
    if (b.type !== 'paragraph' && b.type !== 'list' && b.type !== 'table') continue;
    words += doc.plain
      .slice(b.start, b.end)
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w)).length;
    if (words >= MIN_DECLARED_WORDS) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Section assignment.

/**
 * Sets `key` on the sections that name one of the kind's sections. Closest names claim first:
 * exact names, then names with a qualifier ("Risk if we wait"), then fallback names
 * ("Proposal"), then inline `Key: value` fields, then a heading that contains a name ("How I'll
 * support it"), then an unnamed section whose content plainly plays a missing section's role.
 */
export function assignSections(doc: Doc, kind: KindDef, memo?: DetectMemo): void {
  const info = infoOf(doc, memo);
  const index = indexOf(kind);
  const claimed = new Set<string>();
  removeColumnSections(doc);
  for (const s of doc.sections) {
    delete s.key;
    delete s.also;
  }
  const pass = (fields: boolean, opts: MatchOpts, accept: (how: How) => boolean) => {
    doc.sections.forEach((s, i) => {
      if (s.key || (s.style === 'field') !== fields) return;
      const m = match(index, tokensAt(info, i), { ...opts, taken: claimed }, keyAt(info, i));
      if (m && accept(m.how)) {
        s.key = m.id;
        claimed.add(m.id);
      }
    });
  };
  const strong = { weak: false, contains: false, joined: true };
  pass(false, strong, (how) => how === 'exact');
  pass(false, strong, () => true);
  pass(false, { weak: true, contains: false, joined: true }, () => true);
  pass(true, { weak: true, contains: false, joined: true }, () => true);
  pass(false, { weak: false, contains: true, joined: true }, () => true);
  // A title that joins names ("Risk and rollback") holds each free one.
  doc.sections.forEach((s, i) => {
    if (!s.key) return;
    const also = jointIds(index, tokensAt(info, i)).filter((id) => id !== s.key && !claimed.has(id));
    if (!also.length) return;
    s.also = also;
    for (const id of also) claimed.add(id);
  });
  for (const def of kind.sections) {
    if (!def.content || claimed.has(def.id)) continue;
    const s = doc.sections.find((x) => !x.key && x.style !== 'field' && playsRole(x, def.content as string));
    if (s) {
      s.key = def.id;
      claimed.add(def.id);
    }
  }
  assignColumns(doc, index, claimed);
}

/**
 * Sections carried by table columns: a table whose header row names two of the kind's sections
 * or more (`| When | Delegated work | Checkpoint | Visibility |`) holds each one still missing
 * (model/columns.ts). Not a table whose rows are fields already, nor one that weighs options.
 */
function assignColumns(doc: Doc, index: Index, claimed: Set<string>): void {
  for (const table of doc.tables) {
    const names = columnNames(table);
    if (names.length < 2 || !table.rows?.length || CHOICES_HEADER.test(names[0] as string)) continue;
    if (doc.sections.some((s) => s.style === 'field' && table.start <= s.titleSpan.start && s.titleSpan.start < table.end)) continue;
    const ids = names.map((n) => {
      const tokens = titleTokens(n);
      return tokens.length ? match(index, tokens, { weak: true, contains: false })?.id : undefined;
    });
    if (new Set(ids.filter(Boolean)).size < 2) continue;
    ids.forEach((id, column) => {
      if (id && !claimed.has(id) && addColumnSection(doc, table, column, id, ids[0] === undefined)) claimed.add(id);
    });
  }
}

// "No new build agents this quarter.", "Not the on-call rota.", "We won't migrate billing."
const EXCLUSION = /^(?:no|not|never|none|nothing|neither|without|we (?:will|shall|do|are) not|we won't|we don't|we aren't|won't|don't|do not|will not|out of scope|excluded)\b/i;

function itemsOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'list' ? (b.children ?? []).map((c) => c.text) : b.type === 'paragraph' ? [b.text] : []));
}

/** Whether a section's own content plainly plays a section role the module names. */
function playsRole(s: Section, role: string): boolean {
  if (role !== 'exclusions') return false;
  const title = cleanTitle(s.title);
  const items = itemsOf(s.blocks)
    .map((t) => t.replace(/^[\s*_>-]+/, '').trim())
    .filter(Boolean);
  const negatedTitle = /\b(?:not|won't|non|no|never|without|exclud\w*|skip\w*|stop\w*)\b/.test(title);
  const excluding = items.filter((t) => EXCLUSION.test(t)).length;
  return items.length >= 2 && (excluding >= Math.ceil((items.length * 2) / 3) || (negatedTitle && excluding >= items.length / 2));
}

// ---------------------------------------------------------------------------------------------
// Sections the document has that the kind does not name: where a "missing" section may be.

// Asides every kind of document has; none of them holds a leadership artifact's part.
const ASIDES = new Set(
  [
    'appendix',
    'appendices',
    'references',
    'reference',
    'links',
    'related',
    'see also',
    'further reading',
    'more information',
    'glossary',
    'definitions',
    'terminology',
    'changelog',
    'change log',
    'revision history',
    'acknowledgements',
    'footnotes',
    'sources',
    'attachments',
    'table of contents',
    'contents',
    'toc',
    'metadata',
    // Other parts of a plan: who, with what, depending on whom, and what is still open.
    'team',
    'the team',
    'staffing',
    'people',
    'resourcing',
    'resources',
    'budget',
    'funding',
    'dependencies',
    'contacts',
    'open questions',
    'questions',
    'faq',
    'approvals',
    'sign-off',
    'attendees',
    'next review',
    'review date',
  ].map((t) => titleTokens(t).join(' ')),
);
// Fields that say who, when and what the document is, not what it argues.
const METADATA = new Set(
  [
    'date',
    'dates',
    'author',
    'authors',
    'by',
    'owner',
    'owners',
    'status',
    'to',
    'from',
    'cc',
    'reviewer',
    'reviewers',
    'version',
    'last updated',
    'updated',
    'created',
    'team',
    'teams',
    'attendees',
    'audience',
    'tags',
    'subject',
    're',
    'ticket',
    'link',
    'doc',
  ].map((t) => titleTokens(t).join(' ')),
);
/** A field's value this long is writing that could be a section, not metadata. */
const FIELD_WORDS = 5;

/**
 * The document's headings, labels and fields that name none of the kind's sections but could
 * hold one: top-level (or under the title), with text of their own, not an aside ("References")
 * or metadata ("Date: 3 May"). A title that names a section already taken ("Next check-in" after
 * "Support") is recognised, not a candidate.
 */
export function unrecognisedSections(doc: Doc, kind: KindDef): Section[] {
  const info = infoOf(doc);
  const index = indexOf(kind);
  const title = titleHeading(doc);
  // A document of several `#` headings ("# Summary", "# Motivation") has its parts at that level.
  let h1s = 0;
  for (const s of doc.sections) if (s.style === 'heading' && s.depth === 1) h1s++;
  // A fallback name ("What this means for you" for a Plan) names its part only while the part is
  // free: once another heading holds it, the heading is one staffwork does not know.
  let held: Set<string> | undefined;
  return doc.sections.filter((s, i) => {
    if (s.key || i === title || (s.style === 'heading' && s.depth === 1 && h1s < 2)) return false;
    if (s.parent !== -1 && s.parent !== title) return false;
    const tokens = tokensAt(info, i);
    const key = keyAt(info, i);
    if (!tokens.length || ASIDES.has(key) || match(index, tokens, { weak: false, contains: true, joined: true }, key)) return false;
    held ??= new Set(doc.sections.flatMap((x) => (x.key ? [x.key, ...(x.also ?? [])] : [])));
    if (match(index, tokens, { weak: true, contains: true, joined: true, taken: held }, key)) return false;
    const words = s.blocks.reduce((n, b) => n + (doc.plain.slice(b.start, b.end).match(/\p{L}+/gu)?.length ?? 0), 0);
    if (s.style === 'field') return !METADATA.has(key) && (tokens.length >= 2 || words >= FIELD_WORDS) && words > 0;
    return words > 0 || (s.children.length > 0 && !s.children.some((c) => doc.sections[c]?.key));
  });
}
