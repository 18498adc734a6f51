// The option an ADR's outcome names: MADR's `Chosen option: "X", because ...` (the colon tells it
// from prose). Read by adr/chosen-not-considered (was it weighed?) and adr/no-downside (its cons).
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';

/** The option is quoted (", ', curly quotes, backticks, bold, brackets), or runs to the comma, the full stop, ";" or "because". */
const CHOSEN =
  /chosen (?:option|alternative)s?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?:"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d|'([^'\n]+)'(?=[\s,.;]|$)|\u2018([^\u2019\n]+)\u2019|`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]|([^,.;\n]+?)(?=,|\.(?:\s|$)|;|\s+because\b|$))/gim;

/** Every "Chosen option: X" in a view, as the span of X; template placeholders (`""`, `{title}`) are left out. */
export function chosenOptions(view: SectionView): Match[] {
  const out: Match[] = [];
  for (const m of view.match(CHOSEN)) {
    const g = new RegExp(CHOSEN.source, 'i').exec(m.text);
    const name = g
      ?.slice(1)
      .find((x) => x !== undefined)
      ?.trim();
    if (!g || !name || !/\w/.test(name) || /^\{.*\}$/.test(name)) continue;
    const start = m.start + g.index + g[0].lastIndexOf(name);
    out.push({ start, end: start + name.length, text: name });
  }
  return out;
}

/** Loose equality of two option names: case, punctuation and one containing the other. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
