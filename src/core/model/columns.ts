// Sections carried by table columns: a plan written as one table whose header row names the
// sections (`| When | Delegated work | Checkpoint | Visibility |`), each row a dated milestone.
// Which headers name sections is the kind's to say (kinds/detect.ts); this builds the sections.
import { cellName } from './heads.ts';
import { clippedBlocks } from './parse.ts';
import type { Block, Doc, Section, Span, TableCell } from './types.ts';

/** The header cells' names of a table (markup and a trailing colon removed), or none without a header. */
export function columnNames(table: Block): string[] {
  return table.header ? table.header.cells.map(cellName) : [];
}

/**
 * Appends to `doc.sections` a section for column `column` of `table`, keyed `key`: it owns the
 * column's non-empty cells, each with the row's first cell when that column names no section
 * (the row's date or milestone: "| 12 March | Kofi presents the RFC |"). Its parent is the
 * innermost parsed section that holds the table.
 */
export function addColumnSection(doc: Doc, table: Block, column: number, key: string, withRowNames: boolean): Section | undefined {
  const head = table.header?.cells[column] as TableCell | undefined;
  if (!head) return undefined;
  const owned: Span[] = [];
  for (const row of table.rows ?? []) {
    const cell = row.cells[column];
    if (!cell?.text) continue;
    const name = row.cells[0];
    if (withRowNames && column > 0 && name?.text) owned.push({ start: name.start, end: name.end });
    owned.push({ start: cell.start, end: cell.end });
  }
  const first = owned[0];
  if (!first) return undefined;
  let parent = -1;
  for (const s of doc.sections) if (!s.column && s.style !== 'field' && s.span.start <= table.start && table.end <= s.span.end) parent = s.index;
  const section: Section = {
    index: doc.sections.length,
    title: cellName(head),
    key,
    style: 'field',
    depth: (doc.sections[parent]?.depth ?? 0) + 3,
    titleSpan: { start: head.start, end: head.end },
    span: { start: head.start, end: table.end },
    own: first,
    owned,
    blocks: owned.flatMap((r) => clippedBlocks(doc.text, doc.blocks, r)),
    parent,
    children: [],
    column: true,
  };
  doc.sections.push(section);
  if (parent !== -1) (doc.sections[parent] as Section).children.push(section.index);
  return section;
}

/** Removes the column sections `addColumnSection` added (before the sections are assigned again). */
export function removeColumnSections(doc: Doc): void {
  if (!doc.sections.some((s) => s.column)) return;
  doc.sections = doc.sections.filter((s) => !s.column);
  for (const s of doc.sections) s.children = s.children.filter((c) => c < doc.sections.length);
}
