import { parse } from './parse.ts';

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
