// The option an ADR's outcome names: MADR's `Chosen option: "X", because ...` (the colon tells it
// from prose). Read by adr/chosen-not-considered (was it weighed?) and adr/no-downside (its cons).
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';

/** The option is quoted (", ', curly quotes, backticks, bold, brackets), or runs to the comma, the full stop, ";" or "because". */
const CHOSEN =
  /chosen (?:option|alternative)s?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?:"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d|'([^'\n]+)'(?=[\s,.;]|$)|\u2018([^\u2019\n]+)\u2019|`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]|([^,.;\n]+?)(?=,|\.(?:\s|$)|;|\s+because\b|$))/gim;

/** Where an unquoted name turns into its condition: "Temporal if the spike passes". */
const CONDITION = /\s+(?:if|unless|provided(?: that)?|as long as|assuming|once|when|until)\s/i;

/** Every "Chosen option: X" in a view, as the span of X; template placeholders (`""`, `{title}`) are left out. */
export function chosenOptions(view: SectionView): Match[] {
  const out: Match[] = [];
  for (const m of view.match(CHOSEN)) {
    const g = new RegExp(CHOSEN.source, 'i').exec(m.text);
    const quoted = g?.slice(1, -1).find((x) => x !== undefined);
    let name = (quoted ?? g?.[g.length - 1])?.trim();
    if (!g || !name || !/\w/.test(name) || /^\{.*\}$/.test(name)) continue;
    const start = m.start + g.index + g[0].lastIndexOf(name);
    // An unquoted name ends where its condition starts.
    if (!quoted) name = name.split(CONDITION)[0] as string;
    out.push({ start, end: start + name.length, text: name });
  }
  return out;
}

/**
 * The other branch of a conditional decision: "Chosen option: Temporal if the spike passes,
 * otherwise Cron jobs", "We will adopt X if Y; if not, we will fall back to Z". Each branch is a
 * choice the ADR makes, so each must have been weighed. A branch that keeps what exists or puts
 * the decision off ("otherwise we keep the current setup", "otherwise we revisit") is not an option.
 * The branch names an option when a choice verb or "option" leads it ("otherwise we fall back to
 * Z"), or, bare ("otherwise Cron jobs"), when the decision it follows is itself conditional:
 * after "We will use PostgreSQL.", "Otherwise the team would have to ..." is a consequence.
 */
const FALLBACK =
  /(?:^|[,;:.\u2013\u2014(]\s*|\b(?:and|or|but)\s+)(?:otherwise|if not|else|failing that|if (?:it|that|this|they) (?:does not|doesn't|do not|don't|fails?|is not|isn't)[^,;.]*)[,:]?\s+(?:we(?:'ll| will| would| shall)?\s+)?((?:instead\s+)?(?:use|adopt|go with|choose|pick|move to|switch to|migrate to|fall back to|stay with|stay on|build on|build|buy|run|take|select|opt for)\s+(?:option\s+)?|option\s+)?([^,;.\n]+?)(?=\s+(?:because|since|as|for|until|which|so that|to)\b|[,;.\n]|$)/gi;
/** A conditional chosen option: "Chosen option: Temporal if the load test holds, ...". */
const CONDITIONAL_CHOSEN = /chosen (?:option|alternative)s?\b[^.;\n]*?[\s,](?:if|unless|provided|as long as|assuming|once|when|until)\s/i;
/** A clause, not a name: "the team would have to ...", "on-call restores from ...". */
const CLAUSE = /\b(?:would|will|shall|must|should|could|can|may|might|has|have|had|is|are|was|were|does|do|did)\b|n['\u2019]t\b/i;
const KEEPS = /^(?:the\s+)?(?:current|existing|status quo|present|today|old|as is|nothing|do nothing|revisit|defer|wait|keep|stay|postpone|reconsider|this adr|the decision|we|it|be|have|need|would|could|there)\b/i;
/** The first branch in prose: "We will adopt Temporal if the spike passes, ...". */
const IF_BRANCH =
  /\bwe(?:'ll| will| would| shall)?\s+(?:use|adopt|go with|choose|pick|move to|switch to|migrate to|standardi[sz]e on|run|buy|build on|opt for|select)\s+(?:option\s+)?([^,;.\n]+?)\s+(?:if|unless|provided|as long as|once|assuming)\s/i;

export function conditionalBranches(view: SectionView): Match[] {
  const out: Match[] = [];
  const push = (s: Match, g: RegExpExecArray, raw: string) => {
    const name = raw.trim().replace(/^["'\u201c\u2018`*]+|["'\u201d\u2019`*]+$/g, '');
    if (!/\w/.test(name) || KEEPS.test(name)) return;
    const start = s.start + g.index + g[0].lastIndexOf(raw) + raw.indexOf(name);
    out.push({ start, end: start + name.length, text: name });
  };
  const sentences = view.sentences();
  sentences.forEach((s, i) => {
    const other = new RegExp(FALLBACK.source, 'i').exec(s.text);
    if (!other) return;
    // "We will adopt X if Y." then "Otherwise, Z.": the first branch may be the sentence before.
    const before = [s, sentences[i - 1]];
    const first = before.find((x) => x && !/chosen (?:option|alternative)/i.test(x.text) && IF_BRANCH.test(x.text));
    const conditional = first !== undefined || before.some((x) => x && CONDITIONAL_CHOSEN.test(x.text));
    const name = other[2] as string;
    if (other[1] || (conditional && !CLAUSE.test(name))) push(s, other, name);
    const g = first && IF_BRANCH.exec(first.text);
    if (first && g) push(first, g, g[1] as string);
  });
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
