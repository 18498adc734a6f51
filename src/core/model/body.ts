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

/** The artifact's title: `title:` in front matter, else its first `#` heading. */
export function titleOf(doc: Doc): string | undefined {
  const fm = doc.frontMatter?.data['title'];
  if (typeof fm === 'string' && fm.trim()) return fm.trim();
  return doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title || undefined;
}
