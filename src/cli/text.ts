// Plain-text layout for the terminal commands (cases, explain, progress).

/** Wraps prose at `width` columns, each line starting with `indent`. */
export function wrap(text: string, indent = '', width = Math.min(process.stdout.columns || 88, 100)): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

/** A table with aligned columns and a rule under the header. */
export function table(columns: string[], rows: string[][], indent = '  '): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    widths
      .map((w, i) => (cells[i] ?? '').padEnd(w))
      .join(' │ ')
      .trimEnd();
  return [line(columns), indent + widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}
