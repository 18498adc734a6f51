// A new artifact of a kind: front matter and every section with its hint as a comment.
// The front matter is written by the YAML library, so a title, audience or set holding a
// newline or `key: value` stays one value (and parses back to exactly what was given).
import { Document, Scalar } from 'yaml';
import type { CourseModule } from './schema.ts';

export interface SkeletonOptions {
  title?: string;
  audience?: string;
  set?: string;
}

export function skeleton(module: CourseModule, kindId: string, options: SkeletonOptions = {}): string {
  const kind = module.kinds.find((k) => k.id === kindId);
  if (!kind) throw new Error(`unknown kind "${kindId}"; expected one of ${module.kinds.map((k) => k.id).join(', ')}`);
  const title = options.title ?? `New ${kind.name.toLowerCase()}`;
  const data: Record<string, string | number> = { kind: kind.id, title };
  if (kind.audiences) data['audience'] = options.audience ?? (kind.audiences[0] as string);
  if (options.set) data['set'] = options.set;
  if (kind.case) data['case'] = kind.case;
  const fm = new Document(data);
  (fm.get('title', true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  const body = kind.sections
    .filter((s) => s.required)
    .map((s) => `## ${s.title}\n\n<!-- ${(s.hint ?? '').replace(/--/g, '-')} -->\n`)
    .join('\n');
  // A heading is one line: line breaks in the title become spaces there.
  return `---\n${fm.toString({ lineWidth: 0 })}---\n\n# ${title.replace(/\s+/g, ' ').trim()}\n\n${body}`;
}
