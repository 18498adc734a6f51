// A new artifact of a kind: front matter and every section with its hint as a comment.
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
  const fm = [`kind: ${kind.id}`, `title: ${JSON.stringify(title)}`];
  if (kind.audiences) fm.push(`audience: ${options.audience ?? kind.audiences[0]}`);
  if (options.set) fm.push(`set: ${options.set}`);
  if (kind.case) fm.push(`case: ${kind.case}`);
  const body = kind.sections
    .filter((s) => s.required)
    .map((s) => `## ${s.title}\n\n<!-- ${(s.hint ?? '').replace(/--/g, '-')} -->\n`)
    .join('\n');
  return `---\n${fm.join('\n')}\n---\n\n# ${title}\n\n${body}`;
}
