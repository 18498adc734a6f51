// Which kind a document is, and which of its sections are which. `kind:` in front
// matter wins; otherwise the kind whose sections the document has most of, if any.
import type { CourseModule, KindDef } from '../course/schema.ts';
import type { Doc, Section } from '../model/types.ts';

export type KindSource = 'front-matter' | 'inferred' | 'none';

export interface KindMatch {
  kind?: KindDef;
  source: KindSource;
  /** Set when front matter names a kind the module does not know. */
  unknownKind?: string;
}

// Titles repeat across documents and keystrokes ("Summary", "Motivation", "Decision"), and
// normalising them was most of detection's time. A bounded memo; the output is unchanged.
const normalized = new Map<string, string>();
const MAX_MEMO = 10_000;

/** Lower-case, without numbering ("1.", "2)"), markup, punctuation or a trailing colon. */
export function normalizeTitle(title: string): string {
  let n = normalized.get(title);
  if (n === undefined) {
    if (normalized.size >= MAX_MEMO) normalized.clear();
    n = normalize(title);
    normalized.set(title, n);
  }
  return n;
}

function normalize(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*(?:\d+[.)]|[ivx]+\.)\s*/, '')
    .replace(/[`*_]/g, '')
    .replace(/[:.?!]+$/, '')
    .replace(/[\u2010-\u2015-]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const synonymCache = new WeakMap<KindDef, Map<string, string>>();

function synonymsOf(kind: KindDef): Map<string, string> {
  let map = synonymCache.get(kind);
  if (!map) {
    map = new Map();
    for (const s of kind.sections) {
      for (const name of [s.title, s.id, ...s.synonyms]) {
        const key = normalizeTitle(name);
        if (!map.has(key)) map.set(key, s.id);
      }
    }
    synonymCache.set(kind, map);
  }
  return map;
}

/** The section id that a title names in `kind`, if any. */
export function sectionKeyOf(kind: KindDef, title: string): string | undefined {
  return synonymsOf(kind).get(normalizeTitle(title));
}

/**
 * Sets `key` on the sections that name one of the kind's sections. Headings and labels
 * claim a key first; an inline `Key: value` field only claims a key that nothing else has.
 */
export function assignSections(doc: Doc, kind: KindDef): void {
  const claimed = new Set<string>();
  const synonyms = synonymsOf(kind);
  const assign = (s: Section) => {
    const key = synonyms.get(normalizeTitle(s.title));
    if (key && !claimed.has(key)) {
      s.key = key;
      claimed.add(key);
    }
  };
  for (const s of doc.sections) delete s.key;
  for (const s of doc.sections) if (s.style !== 'field') assign(s);
  for (const s of doc.sections) if (s.style === 'field') assign(s);
}

const MIN_INFERRED_SECTIONS = 3;
const MIN_REQUIRED_SHARE = 0.6;

export function detectKind(doc: Doc, module: CourseModule): KindMatch {
  const declared = doc.frontMatter?.data['kind'];
  if (typeof declared === 'string' && declared.trim()) {
    const kind = module.kinds.find((k) => k.id === declared.trim());
    return kind ? { kind, source: 'front-matter' } : { source: 'none', unknownKind: declared.trim() };
  }
  let best: { kind: KindDef; score: number } | undefined;
  // Normalised once here rather than once per kind: titles are most of detection's time.
  const titles = doc.sections.filter((s) => s.style !== 'field').map((s) => normalizeTitle(s.title));
  for (const kind of module.kinds) {
    const found = new Set<string>();
    const synonyms = synonymsOf(kind);
    for (const title of titles) {
      const key = synonyms.get(title);
      if (key) found.add(key);
    }
    const required = kind.sections.filter((s) => s.required);
    const share = required.length ? required.filter((s) => found.has(s.id)).length / required.length : 0;
    if (found.size < MIN_INFERRED_SECTIONS || share < MIN_REQUIRED_SHARE) continue;
    const score = share + found.size / 100;
    if (!best || score > best.score) best = { kind, score };
  }
  return best ? { kind: best.kind, source: 'inferred' } : { source: 'none' };
}
