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
      return { data: salvage(source), span, error: { message: firstLine(err.message), span: { start: yamlStart + a, end: yamlStart + Math.max(b, a + 1) } } };
    }
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    if (data === null || data === undefined) return { data: {}, span };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, span, error: { message: 'Front matter must be a mapping of `key: value` lines.', span: { start: yamlStart, end: yamlEnd } } };
    }
    return { data: data as Record<string, unknown>, span };
  } catch (e) {
    const message = e instanceof Error ? firstLine(e.message) : 'Front matter could not be read.';
    return { data: salvage(source), span, error: { message, span: { start: yamlStart, end: Math.max(yamlStart, yamlEnd - 1) } } };
  }
}

/**
 * The top-level `key: value` lines of front matter that is not valid YAML, each read on its own:
 * one bad line (`title: ADR010: Use Luxon`, an unquoted ": ") should not lose the `kind:` beside
 * it. A value that is not YAML by itself is kept as its text; nested and repeated keys are left out.
 */
function salvage(source: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const line of source.split(/\r\n|\n|\r/)) {
    const m = /^([A-Za-z_][\w-]*):[ \t]+(\S.*?)[ \t]*$/.exec(line);
    if (!m) continue;
    const [, key, raw] = m as unknown as [string, string, string];
    if (seen.has(key)) {
      delete data[key];
      continue;
    }
    seen.add(key);
    // A value alone: aliases and anchors have nothing to refer to, and nested values are kept as text.
    let value: unknown;
    if (!/^[&*]/.test(raw)) {
      try {
        const one = parseDocument(raw, { prettyErrors: false, strict: true });
        value = one.errors.length ? undefined : one.toJS({ maxAliasCount: 0 });
      } catch {
        value = undefined;
      }
    }
    data[key] = value === undefined || value === null || typeof value === 'object' ? raw.replace(/^(["'])(.*)\1$/, '$2') : value;
  }
  return data;
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}
