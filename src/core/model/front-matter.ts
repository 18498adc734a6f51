import { parseDocument } from 'yaml';
import { lineEnd } from './positions.ts';
import type { FrontMatter } from './types.ts';

// Aliases are legal YAML but a few nested ones expand exponentially ("billion laughs");
// artifacts' front matter never needs many.
const MAX_ALIASES = 50;
const MAX_FRONT_MATTER_LINES = 2000;

/** YAML between a leading `---` line and the next `---` or `...` line, or undefined. */
export function parseFrontMatter(text: string, lineStarts: number[]): FrontMatter | undefined {
  if (!/^---[ \t]*(\r\n|\n|\r)/.test(text)) return undefined;
  let close = -1;
  const last = Math.min(lineStarts.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < last; i++) {
    const line = text.slice(lineStarts[i], lineEnd(text, lineStarts, i));
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
      close = i;
      break;
    }
  }
  const firstLineEnd = lineEnd(text, lineStarts, 0);
  if (close === -1) {
    // A lone `---` opening a document is a thematic break in CommonMark, but if the next
    // line looks like `key: value`, the writer meant front matter and forgot to close it.
    const next = text.slice(lineStarts[1] ?? text.length, lineEnd(text, lineStarts, 1));
    if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(next)) return undefined;
    return {
      data: {},
      span: { start: 0, end: firstLineEnd },
      error: { message: 'Front matter opened with `---` is never closed.', span: { start: 0, end: firstLineEnd } },
    };
  }
  const span = { start: 0, end: lineEnd(text, lineStarts, close) };
  return readYaml(text, lineStarts[1] as number, lineStarts[close] as number, span);
}

function readYaml(text: string, yamlStart: number, yamlEnd: number, span: FrontMatter['span']): FrontMatter {
  const source = text.slice(yamlStart, yamlEnd);
  try {
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: true });
    const err = doc.errors[0];
    if (err) {
      const [a, b] = err.pos;
      return { data: {}, span, error: { message: firstLine(err.message), span: { start: yamlStart + a, end: yamlStart + Math.max(b, a + 1) } } };
    }
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    if (data === null || data === undefined) return { data: {}, span };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, span, error: { message: 'Front matter must be a mapping of `key: value` lines.', span: { start: yamlStart, end: yamlEnd } } };
    }
    return { data: data as Record<string, unknown>, span };
  } catch (e) {
    const message = e instanceof Error ? firstLine(e.message) : 'Front matter could not be read.';
    return { data: {}, span, error: { message, span: { start: yamlStart, end: Math.max(yamlStart, yamlEnd - 1) } } };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}
