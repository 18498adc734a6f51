// Review comments anchored to text, and carried forward to each new revision (Gerrit's ported
// comments). An anchor is a W3C Web Annotation selector pair: the position in the revision it was
// made on and the quoted text with some context, refined by the section it sits in.
//
// Porting one step (old revision -> new revision):
// 1. map the position through a character diff of the two texts;
// 2. if the quoted text is still there, unchanged, the thread is `kept` (perhaps shifted);
// 3. if part of it survived but the words under it changed, it is `edited` (likely addressed):
//    the old quote and the new text are both kept to show the change;
// 4. if it is gone, look for the quote in the same section with a fuzzy match that must score
//    at least MIN_SCORE and beat the runner-up by MARGIN (`relocated`); else an exact, unique
//    occurrence anywhere (`moved`, e.g. to another section); else the thread is `orphaned` and is
//    listed under "on deleted text". Never re-anchored onto a lookalike: a candidate must lie in
//    text the diff marks inserted (text that was already there is another sentence that looks
//    alike, not this one moved), and two candidates that score alike make it orphaned, not a guess.
import search from 'approx-string-match';
import { diffCharsToLines, diffCleanupSemantic, diffLinesToChars, diffMain } from 'diff-match-patch-es';
import { parse } from '../model/parse.ts';

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a comment points: a span of one revision's text, or a whole section (start = end = its title). */
export interface Anchor {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  /** The title of the section the anchor sits in ('' before the first heading). */
  section: string;
  /** Which of the sections titled `section` it is (0: the first), when several share the title. */
  sectionIndex?: number;
}

export type PortStatus = 'kept' | 'edited' | 'relocated' | 'moved' | 'orphaned';

export interface Ported {
  status: PortStatus;
  /** The anchor in the new revision; for `orphaned`, the old anchor unchanged. */
  anchor: Anchor;
  /** For `edited`: the text now under the anchor (the old one is `previous.quote.exact`). */
  now?: string;
  previous: Anchor;
}

const CONTEXT = 32;
/** A relocated quote must keep at least this share of its characters (1 - errors / length). */
export const MIN_SCORE = 0.75;
/** ...and beat the next best candidate by this much, or the thread is orphaned rather than guessed. */
export const MARGIN = 0.1;
/** Quotes longer than this are matched on their head and tail (Myers' search is O(k/w * n)). */
const MAX_FUZZY = 256;

interface SectionRange {
  title: string;
  start: number;
  end: number;
}

/** Heading sections of a text, as ranges from the title to the next heading of the same or a higher level. */
export function sectionRanges(text: string): SectionRange[] {
  return parse(text)
    .sections.filter((s) => s.style === 'heading')
    .map((s) => ({ title: s.title, start: text.lastIndexOf('\n', s.titleSpan.start - 1) + 1, end: s.span.end }));
}

function sectionAt(sections: SectionRange[], offset: number): SectionRange | undefined {
  let best: SectionRange | undefined;
  for (const s of sections) if (s.start <= offset && offset < Math.max(s.end, s.start + 1) && (!best || s.start >= best.start)) best = s;
  return best;
}

/** Makes the anchor for `[start, end)` of `text` (clamped to the text). */
export function anchorAt(text: string, start: number, end: number, sections = sectionRanges(text)): Anchor {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const home = sectionAt(sections, s);
  const sectionIndex = home ? sections.filter((x) => x.title === home.title).indexOf(home) : 0;
  return {
    position: { type: 'TextPositionSelector', start: s, end: e },
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(Math.max(0, s - CONTEXT), s), suffix: text.slice(e, e + CONTEXT) },
    section: home?.title ?? '',
    ...(sectionIndex > 0 ? { sectionIndex } : {}),
  };
}

/** Code points in `text` before UTF-16 offset `at` (W3C positions count code points). */
function codePoints(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < at) i++;
    n++;
  }
  return n;
}

/**
 * The anchor as W3C Web Annotation selectors on `text` (the revision it is in): a quote and a
 * position in code points, as the data model counts them. A comment on a whole section selects
 * the section's heading line.
 */
export function toW3C(anchor: Anchor, text: string): [TextQuoteSelector, TextPositionSelector] {
  let { start, end } = anchor.position;
  if (start === end) {
    const lineEnd = text.indexOf('\n', start);
    end = lineEnd < 0 ? text.length : lineEnd;
  }
  const exact = text.slice(start, end);
  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    { type: 'TextPositionSelector', start: codePoints(text, start), end: codePoints(text, end) },
  ];
}

/**
 * A character diff confined to the changed lines: lines are matched first, then each run of
 * changed lines is diffed by character and cleaned up for people. Cleaning the whole text at once
 * would merge two nearby edits (a rewritten sentence and a deleted bullet two lines below) into
 * one replacement, and the sentence's thread would lose its place.
 */
function lineBlockDiff(oldText: string, newText: string): [-1 | 0 | 1, string][] {
  const { chars1, chars2, lineArray } = diffLinesToChars(oldText, newText);
  const lines = diffMain(chars1, chars2, { diffTimeout: 0 }, false);
  diffCharsToLines(lines, lineArray);
  const out: [-1 | 0 | 1, string][] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (!del && !ins) return;
    const block = diffMain(del, ins, { diffTimeout: 0 }, false);
    diffCleanupSemantic(block);
    for (const [op, t] of block) out.push([op as -1 | 0 | 1, t]);
    del = ins = '';
  };
  for (const [op, t] of lines) {
    if (op === 0) {
      flush();
      out.push([0, t]);
    } else if (op === -1) del += t;
    else ins += t;
  }
  flush();
  return out;
}

/**
 * Maps old offsets to new ones through a diff, and tells for a range whether an edit touched it.
 * A deterministic diff: no time limit (diff-match-patch's default 1 s cut-off would make the result
 * depend on the machine).
 */
function mapper(oldText: string, newText: string) {
  const diffs = lineBlockDiff(oldText, newText);
  // Segments of the old text: [oldStart, oldEnd, newStart, op]; insertions have oldStart = oldEnd.
  const segs: { o: number; oe: number; n: number; op: -1 | 0 | 1; len: number }[] = [];
  let o = 0;
  let n = 0;
  for (const [op, t] of diffs) {
    if (op === 0) {
      segs.push({ o, oe: o + t.length, n, op, len: t.length });
      o += t.length;
      n += t.length;
    } else if (op === -1) {
      segs.push({ o, oe: o + t.length, n, op, len: t.length });
      o += t.length;
    } else {
      segs.push({ o, oe: o, n, op, len: t.length });
      n += t.length;
    }
  }
  /** New offset of old offset `x`; `bias` says which side of an insertion at x it lands on. */
  const map = (x: number, bias: 'before' | 'after'): number => {
    for (const s of segs) {
      if (s.op === 1) {
        if (s.o === x && bias === 'before') return s.n;
        continue;
      }
      if (x < s.oe || (x === s.oe && s.op === 0 && bias === 'before')) return s.op === 0 ? s.n + (x - s.o) : s.n;
    }
    return newText.length;
  };
  /**
   * New offset of an anchor's end: after any text inserted in place of deleted words at the end
   * (a replacement), but before text merely inserted after the anchor.
   */
  const mapEnd = (x: number): number => (segs.some((s) => s.op === -1 && s.oe === x) ? map(x, 'after') : map(x, 'before'));
  /** Characters of [start, end) that survive unchanged, and whether anything was inserted inside. */
  const touched = (start: number, end: number) => {
    let kept = 0;
    let changed = false;
    for (const s of segs) {
      if (s.op === 1) {
        if (s.o > start && s.o < end) changed = true;
        continue;
      }
      const a = Math.max(start, s.o);
      const b = Math.min(end, s.oe);
      if (b <= a) continue;
      if (s.op === 0) kept += b - a;
      else changed = true;
    }
    return { kept, changed };
  };
  /** Share of the new text's [start, end) that the diff marks inserted (0: it was all there before). */
  const inserted = (start: number, end: number): number => {
    if (end <= start) return 0;
    let n = 0;
    for (const s of segs) if (s.op === 1) n += Math.max(0, Math.min(end, s.n + s.len) - Math.max(start, s.n));
    return n / (end - start);
  };
  return { map, mapEnd, touched, inserted };
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

/** Fuzzy candidates for `quote` inside [from, to) of `text`, best first, scored with the context. */
function fuzzy(text: string, quote: TextQuoteSelector, from: number, to: number): Candidate[] {
  const exact = quote.exact;
  if (!exact.trim()) return [];
  const pattern = exact.length > MAX_FUZZY ? exact.slice(0, MAX_FUZZY) : exact;
  const hay = text.slice(from, to);
  const maxErrors = Math.floor(pattern.length * (1 - MIN_SCORE));
  const found = search(hay, pattern, maxErrors);
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const m of found) {
    if (seen.has(m.start)) continue;
    seen.add(m.start);
    const start = from + m.start;
    const end = exact.length > MAX_FUZZY ? Math.min(text.length, start + exact.length) : from + m.end;
    let score = 1 - m.errors / pattern.length;
    // Context breaks ties between lookalikes: a little weight for a matching prefix and suffix.
    const before = text.slice(Math.max(0, start - quote.prefix.length), start);
    const after = text.slice(end, end + quote.suffix.length);
    score += 0.05 * (similarity(before, quote.prefix, 'end') + similarity(after, quote.suffix, 'start'));
    out.push({ start, end, score: Math.min(1, score) });
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

/** Share of characters two strings have in common at one end. */
function similarity(a: string, b: string, at: 'start' | 'end'): number {
  if (!b.length) return 1;
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && (at === 'start' ? a[i] === b[i] : a[a.length - 1 - i] === b[b.length - 1 - i])) i++;
  return i / b.length;
}

/** A rewrite of a sentence in place: similar in length and not just a fragment of the old words. */
function replacedInPlace(now: string, before: string): boolean {
  return now.trim().length > 0 && now.length >= before.length * 0.3 && now.length <= before.length * 3;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0 && out.length < 2; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * A function that ports anchors from `oldText` to `newText`: the diff and the sections are computed
 * once, so carrying every open thread of an artifact forward costs one diff.
 */
export function porter(oldText: string, newText: string): (anchor: Anchor) => Ported {
  if (oldText === newText) return (anchor) => ({ status: 'kept', anchor, previous: anchor });
  const sections = sectionRanges(newText);
  const m = mapper(oldText, newText);
  return (anchor) => portOne(anchor, oldText, newText, sections, m);
}

/** A relocated or moved quote must lie mostly in inserted text: what was there before is a lookalike. */
const NEW_TEXT_SHARE = 0.5;

function portOne(anchor: Anchor, oldText: string, newText: string, sections: SectionRange[], m: ReturnType<typeof mapper>): Ported {
  const previous = anchor;
  const { start, end } = anchor.position;
  // An anchor made on another text than `oldText` (a caller's bug, or a stale revision) is ported
  // by its quote alone: the diff cannot tell which text is new.
  const valid = oldText.slice(start, end) === anchor.quote.exact;
  const same = sections.filter((s) => s.title === anchor.section);
  if (valid && end > start) {
    const { kept, changed } = m.touched(start, end);
    const ns = m.map(start, 'after');
    const ne = Math.max(ns, m.mapEnd(end));
    if (!changed) return { status: 'kept', anchor: anchorAt(newText, ns, ne, sections), previous };
    // The words under the anchor were edited in place (some kept, or all replaced by new ones).
    if (ne > ns && (kept / (end - start) >= 0.2 || replacedInPlace(newText.slice(ns, ne), anchor.quote.exact))) {
      const next = anchorAt(newText, ns, ne, sections);
      return { status: 'edited', anchor: next, now: next.quote.exact, previous };
    }
  } else if (valid && end === start) {
    // A comment on a whole section follows the section's heading line while the diff keeps it;
    // else the one section of that title, or nothing (two alike: which one is a guess).
    const lineEnd = oldText.indexOf('\n', start);
    const titleEnd = lineEnd < 0 ? oldText.length : lineEnd;
    const ns = m.map(start, 'after');
    const target = !m.touched(start, titleEnd).changed ? same.find((s) => s.start === ns) : same.length === 1 && sectionRanges(oldText).filter((s) => s.title === anchor.section).length === 1 ? same[0] : undefined;
    if (target) return { status: 'kept', anchor: anchorAt(newText, target.start, target.start, sections), previous };
    return { status: 'orphaned', anchor, previous };
  }
  // Gone from where it was: the same section first, fuzzily, with a margin over the runner-up.
  // The section is the one the old position maps into, so a second section of the same title is not it.
  const fresh = (c: { start: number; end: number }) => !valid || m.inserted(c.start, c.end) >= NEW_TEXT_SHARE;
  // (Text deleted at the end of a section maps to the next heading: the offset before it is in the section.)
  const at0 = m.map(start, 'after');
  const home = valid ? [sectionAt(sections, at0), sectionAt(sections, Math.max(0, at0 - 1))].find((s) => s?.title === anchor.section) : same.length === 1 ? same[0] : undefined;
  const range = home ?? (anchor.section === '' ? { start: 0, end: sections[0]?.start ?? newText.length } : undefined);
  if (range) {
    const [best, second] = fuzzy(newText, anchor.quote, range.start, range.end);
    const runnerUp = Math.max(
      second?.score ?? 0,
      ...fuzzy(newText, anchor.quote, 0, range.start)
        .concat(fuzzy(newText, anchor.quote, range.end, newText.length))
        .map((c) => c.score),
    );
    if (best && best.score >= MIN_SCORE && best.score - runnerUp >= MARGIN && fresh(best)) {
      return { status: 'relocated', anchor: anchorAt(newText, best.start, best.end, sections), previous };
    }
  }
  // Moved elsewhere word for word, and only one such place.
  const exact = occurrences(newText, anchor.quote.exact);
  const at = exact[0];
  if (anchor.quote.exact.trim().length >= 12 && exact.length === 1 && at !== undefined && fresh({ start: at, end: at + anchor.quote.exact.length })) {
    return { status: 'moved', anchor: anchorAt(newText, at, at + anchor.quote.exact.length, sections), previous };
  }
  return { status: 'orphaned', anchor, previous };
}

/**
 * For a thread that cites a rule: does the rule still fire on what the thread points at, in `text`
 * (the revision the anchor was ported to)? `findings` are that revision's diagnostics. A thread on a
 * whole section asks about the section.
 */
export function ruleFiresOn(anchor: Anchor, ruleId: string, findings: readonly { ruleId: string; range: readonly [number, number] }[], text: string): boolean {
  let { start, end } = anchor.position;
  if (start === end) {
    const section = sectionRanges(text).find((s) => s.start === start);
    if (section) end = section.end;
  }
  const hi = Math.max(end, start + 1);
  return findings.some((f) => f.ruleId === ruleId && f.range[0] < hi && Math.max(f.range[1], f.range[0] + 1) > start);
}
