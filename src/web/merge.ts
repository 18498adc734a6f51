// "Combine both" in the conflict panel: a three-way merge by section. Each version is cut into
// its front matter, the part before the first section (title, intro) and its top-level
// sections; a section changed on one side only takes that side, a section both sides changed
// keeps both bodies under one heading with comments marking them. The result has one front
// matter and every section once.
import { parse } from '../core/page.ts';

interface Chunk {
  key: string;
  /** The heading or label line, for sections; empty for the front matter and the preamble. */
  head: string;
  body: string;
}

/** Cuts a text into keyed chunks, in order. */
export function chunks(text: string): Chunk[] {
  const doc = parse(text);
  const out: Chunk[] = [];
  let cursor = 0;
  if (doc.frontMatter) {
    const eol = text.indexOf('\n', doc.frontMatter.span.end);
    cursor = eol === -1 ? text.length : eol + 1;
    out.push({ key: '\0front matter', head: '', body: text.slice(0, cursor) });
  }
  const isTitle = (i: number) => {
    const s = doc.sections[i];
    return !!s && s.style === 'heading' && s.depth === 1;
  };
  const top = doc.sections.filter((s, i) => !isTitle(i) && (s.parent === -1 || isTitle(s.parent)));
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const starts = top.map((s) => lineStart(s.titleSpan.start));
  out.push({ key: '\0preamble', head: '', body: text.slice(cursor, starts[0] ?? text.length) });
  const seen = new Map<string, number>();
  top.forEach((s, i) => {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? text.length;
    const piece = text.slice(start, end);
    const nl = piece.indexOf('\n');
    const name = s.key ?? s.title.trim().toLowerCase();
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    out.push({ key: n ? `${name}\0${n}` : name, head: nl === -1 ? piece : piece.slice(0, nl + 1), body: nl === -1 ? '' : piece.slice(nl + 1) });
  });
  return out;
}

export const MINE_MARK = '<!-- Your version of this section: -->';
export const THEIRS_MARK = '<!-- The other saved version of this section: -->';
export const END_MARK = '<!-- End of the two versions: keep what you need and delete the rest. -->';

/**
 * Merges `mine` and `theirs`, which both started from `base` (undefined when the common
 * version is not known: then every section that differs is marked).
 */
export function mergeBySection(base: string | undefined, mine: string, theirs: string): { text: string; conflicts: number } {
  const b = base === undefined ? undefined : byKey(chunks(base));
  const m = chunks(mine);
  const t = chunks(theirs);
  const mk = byKey(m);
  const tk = byKey(t);
  // Mine's order, with sections only the other version has placed after the one they follow there.
  const order = m.map((c) => c.key);
  t.forEach((c, i) => {
    if (mk.has(c.key)) return;
    const prev = t[i - 1]?.key;
    const at = prev === undefined ? -1 : order.indexOf(prev);
    order.splice(at + 1, 0, c.key);
  });
  let conflicts = 0;
  const parts: string[] = [];
  for (const key of order) {
    const mc = mk.get(key);
    const tc = tk.get(key);
    const bc = b?.get(key);
    const same = (x?: Chunk, y?: Chunk) => (x === undefined ? y === undefined : y !== undefined && (x.head + x.body).trim() === (y.head + y.body).trim());
    let pick: Chunk | undefined;
    if (same(mc, tc)) pick = mc;
    else if (b && same(bc, mc)) pick = tc;
    else if (b && same(bc, tc)) pick = mc;
    // Deleted on one side and changed on the other: keep the words.
    else if (!mc || !tc) pick = mc ?? tc;
    else if (key === '\0front matter') pick = { ...mc, body: mergeFrontMatter(mc.body, tc.body) };
    else if (mc.body.trim() === tc.body.trim()) pick = mc;
    else {
      conflicts++;
      pick = { key, head: `${mc.head.trimEnd()}\n\n`, body: `${MINE_MARK}\n${mc.body.trim()}\n\n${THEIRS_MARK}\n${tc.body.trim()}\n\n${END_MARK}` };
    }
    const piece = pick ? (pick.head + pick.body).trim() : '';
    if (piece) parts.push(piece);
  }
  return { text: parts.length ? `${parts.join('\n\n')}\n` : '', conflicts };
}

function byKey(list: Chunk[]): Map<string, Chunk> {
  return new Map(list.map((c) => [c.key, c]));
}

/** Mine's front matter, with the top-level keys only theirs has added at its end. */
function mergeFrontMatter(mine: string, theirs: string): string {
  const keyOf = (line: string) => /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
  const inner = (fm: string) => fm.split('\n').slice(1, -2);
  const mineLines = inner(mine);
  const have = new Set(mineLines.map(keyOf).filter(Boolean));
  const extra = inner(theirs).filter((l) => {
    const k = keyOf(l);
    return k !== undefined && !have.has(k);
  });
  return ['---', ...mineLines, ...extra, '---', ''].join('\n');
}
