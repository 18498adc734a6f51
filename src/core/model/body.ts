import { parse } from './parse.ts';
import type { Doc } from './types.ts';

/**
 * The Markdown to render for a reader: without the front matter and without HTML comment blocks
 * (the section hints that skeletons and inserted sections carry). Comments inside code blocks
 * stay, since markdown-it reports those as code, not HTML.
 */
export function readableBody(text: string): string {
  const doc = parse(text);
  let out = '';
  let cursor = doc.frontMatter ? doc.frontMatter.span.end : 0;
  for (const b of doc.blocks) {
    if (b.type !== 'html' || b.start < cursor || !/^\s*<!--[^]*-->\s*$/.test(doc.text.slice(b.start, b.end))) continue;
    out += doc.text.slice(cursor, b.start);
    cursor = b.end;
  }
  return out + doc.text.slice(cursor);
}

/**
 * The artifact's name: its first `#` heading (what the reader sees, and what the learner edits
 * to rename it), else `title:` in front matter.
 */
export function titleOf(doc: Doc): string | undefined {
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title.trim();
  if (h1) return h1;
  const fm = doc.frontMatter?.data['title'];
  return typeof fm === 'string' && fm.trim() ? fm.trim() : undefined;
}
