// What an artifact is, read one way by every surface (CLI, language server, workbench, server
// storage) and by the rules: its kind, its title, the `set:` of audience variants it belongs
// to, and the audience it is written for.
import type { CourseModule, KindDef } from '../course/schema.ts';
import { detectKind } from '../kinds/detect.ts';
import { titleOf } from '../model/body.ts';
import type { Doc } from '../model/types.ts';

export interface ArtifactMeta {
  kind: KindDef | undefined;
  /** The first `#` heading, else `title:`, else "Untitled <kind>". */
  title: string;
  /** `set:` trimmed; undefined when missing or blank. */
  set: string | undefined;
  /** `audience:` trimmed and lower-cased; blank or missing is the kind's first audience (undefined for a kind without audiences). */
  audience: string | undefined;
}

/** The artifact's meta, detecting its kind (a parse-level read: no rules run). */
export function artifactMeta(doc: Doc, module: CourseModule): ArtifactMeta {
  return metaOf(doc, detectKind(doc, module).kind);
}

/** The artifact's meta when its kind is already known (a checked file). */
export function metaOf(doc: Doc, kind: KindDef | undefined): ArtifactMeta {
  return { kind, title: titleOf(doc) ?? (kind ? `Untitled ${kind.name.toLowerCase()}` : 'Untitled artifact'), set: setOf(doc), audience: audienceOf(doc, kind) };
}

export function setOf(doc: Doc): string | undefined {
  const value = doc.frontMatter?.data['set'];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `audience: ""` is no audience said, so it reads as the kind's first (an executive summary is for executives). */
export function audienceOf(doc: Doc, kind: KindDef | undefined): string | undefined {
  const value = doc.frontMatter?.data['audience'];
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : kind?.audiences?.[0];
}
