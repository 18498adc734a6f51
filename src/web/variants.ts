// The audience variants of an executive summary (case study 5): the files of one `set:`, one
// per audience. Front-matter edits for a new variant, and the editor's "Variants" panel.
import { defaultModule, parse, slug } from '../core/page.ts';

/** The audiences the module's summary kind is written for (case study 5), in the module's order. */
export const AUDIENCES: readonly { id: string; name: string }[] = (defaultModule.kinds.find((k) => k.audiences?.length)?.audiences ?? ['executive']).map((id) => ({ id, name: audienceName(id) }));

export function audienceName(id: string | null | undefined): string {
  return id ? id.charAt(0).toUpperCase() + id.slice(1) : 'Unknown audience';
}

/**
 * Sets (or adds) top-level keys in the text's YAML front matter, keeping every other line as
 * written; adds front matter when there is none. Values are written as plain scalars, quoted
 * when YAML would read them as something else.
 */
export function withFrontMatter(text: string, values: Record<string, string>): string | undefined {
  const fm = parse(text).frontMatter;
  const line = (k: string, v: string) => `${k}: ${yamlScalar(v)}`;
  if (!fm)
    return `---\n${Object.entries(values)
      .map(([k, v]) => line(k, v))
      .join('\n')}\n---\n\n${text}`;
  // Front matter that cannot be read (never closed, invalid YAML) is the learner's to fix first.
  if (fm.error) return undefined;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const bodyStart = text.indexOf('\n') + 1;
  const bodyEnd = text.lastIndexOf('\n', fm.span.end - 1) + 1;
  const lines = text.slice(bodyStart, bodyEnd).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const [k, v] of Object.entries(values)) {
    const i = lines.findIndex((l) => new RegExp(`^${k}[ \t]*:`).test(l));
    if (i >= 0) lines[i] = line(k, v);
    else lines.push(line(k, v));
  }
  return `${text.slice(0, bodyStart)}${lines.map((l) => l + eol).join('')}${text.slice(bodyEnd)}`;
}

function yamlScalar(v: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(v) && !/^(true|false|null|yes|no|on|off|~|\d[\d._]*)$/i.test(v) && !/[ ]$/.test(v) ? v : JSON.stringify(v);
}

/** A set name from a title: its slug, or "summary" when the title has no letters. */
export function setNameFrom(title: string): string {
  return slug(title) || 'summary';
}
