// Hover on a section heading or label: the hint the module gives for that section, and the
// case study it comes from, with the case study's own example where it has one.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { positionAt, sectionKeyOf, type CourseModule, type FileResult } from '../core/index.ts';
import { bomOf, rangeOf } from './diagnostics.ts';

export function hoverAt(doc: TextDocument, result: FileResult, module: CourseModule, position: Position): Hover | null {
  const kind = result.kind;
  if (!kind) return null;
  const bom = bomOf(doc);
  const line = position.line + 1; // the core counts lines from 1
  const section = result.doc.sections.find((s) => s.key && positionAt(result.doc.lineStarts, s.titleSpan.start).line === line);
  const def = section && kind.sections.find((d) => d.id === section.key);
  if (!section || !def) return null;
  const study = module.caseStudies.find((c) => (kind.case !== undefined ? c.id === kind.case : c.kind === kind.id));
  const example = study?.betterApproach.fields.find((f) => sectionKeyOf(kind, f.label) === def.id);
  const lines = [`**${def.title}** · ${kind.name}${def.required ? ' (required section)' : ''}`, '', def.hint ?? ''];
  if (study) lines.push('', `From Case Study ${study.id}: *${study.title}*.`);
  if (example) lines.push('', `The case study's better approach: ${example.label}: ${example.value.join('; ')}`);
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n').trim() },
    range: rangeOf(doc, [section.titleSpan.start, section.titleSpan.end], bom),
  };
}
