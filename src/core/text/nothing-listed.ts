// One judgement shared by the anti-scope, the non-scope and an ADR's considered options: does a
// section list nothing? "N/A. Honestly, everything matters this year" and "Nothing in
// particular, happy to help" list nothing; "None of these is a bad idea:" above a list of
// non-goals, "None of the analytics workloads move" and "None, except the billing service"
// do. A phrase list alone cannot tell them apart: what counts is whether "none" stands alone
// as the answer, and whether what follows it excludes anything concrete.
import { lexicon } from '../lexicon/index.ts';
import { isListed, type Entry } from './entries.ts';
import { trimMarksEnd } from './format.ts';
import type { Match } from './match.ts';

/** Words that qualify a bare "none" without naming anything: time, hedges, emphasis. */
const QUALIFIER =
  /^(?:\s*,?\s*(?:for now|for the moment|at present|presently|as (?:of|at) (?:now|today|the moment)|yet|as yet|at (?:the|this) (?:moment|stage|point|time)|currently|right now|so far|in particular|specific(?:ally)?|(?:expected|anticipated|foreseen|foreseeable|known|significant|major|obvious|material|to speak of|worth (?:mentioning|noting))|really|honestly|at all|whatsoever|identified|planned|explicit|to (?:add|report|mention|list|exclude)|(?:that )?(?:I|we) can think of|comes? to mind|(?:this|next) (?:quarter|half|year|cycle|season|sprint|term|release)|(?:in|for) (?:this|the) (?:quarter|half|year|cycle|season|sprint|term|release)|(?:\d{4}|Q[1-4]|H[12])))+/i;
/** What may follow a bare "none": the end, punctuation, or a parenthesis; not "of these" or a verb. */
const STANDS_ALONE = /^\s*(?:$|[.,;:!?()\u2013\u2014]|-(?:\s|$))/;
/** A universal claim that includes everything: "everything on the roadmap matters this year". */
const UNIVERSAL =
  /^(?:honestly,?\s+)?(?:everything|all of (?:it|this|them|the above)|anything|it(?:'s| is) all|they(?:'re| are) all)\b(?![^.;]*\b(?:else|except|apart from|other than|but)\b)[^.;]*?\b(?:matters?|(?:is|are)?\s*(?:in scope|important|a priority|priorities|needed|on the table)|stays?|counts?)\b/i;
/** Ruling nothing out, said outright: "we are not ruling anything out", "we won't drop any of it". */
const RULES_OUT_NOTHING =
  /^(?:honestly,?\s+)?(?:we|i)(?:'re|'m|'d| are| am| would| will)?\s+(?:\w+\s+)?(?:not|never|n't)\s+(?:\w+\s+){0,2}?(?:rul\w*|exclud\w*|drop\w*|cut\w*|leav\w*|say\w* no to)\s+(?:anything|any of (?:it|this|them))\b(?:\s+out\b)?/i;
/** A negation, exception or deferral: what a later sentence excludes with. */
const EXCLUDES = /\b(?:no|not|never|\w+n't|will not|do not|does not|without|except|excluding|apart from|other than|besides|out of scope|defer(?:s|red)?|drop(?:s|ped)?|skip(?:s|ped)?|park(?:s|ed)?|postpone[ds]?)\b/i;
/**
 * A negation whose object is everything, anything, the section itself or the writer's own
 * progress excludes nothing: "we'd rather not rule anything out", "we don't need a non-scope
 * yet", "we haven't decided".
 */
const INDEFINITE =
  /\b(?:anything|everything|nothing|anyone|anybody|any of (?:it|this|them)|all of (?:it|this|them)|(?:any|a single) (?:idea|thing|item|project|request|work)s?|draw (?:any |the |clear |firm |hard )?(?:lines?|boundar(?:y|ies))|anti-?scope|non-?scope|non-?goals?|exclusions?|rule (?:\w+ )?out|say no|decided|sure|thought (?:about|of)|planned|finished|agreed|clear|settled|had (?:the )?time|got (?:round|around) to)\b/i;

export interface NothingListed {
  /** From the "none" to the end of what justifies it. */
  span: Match;
  /** The "none" itself ("N/A", "Nothing in particular"). */
  marker: Match;
}

/**
 * Whether a section's entries (in order) say there is nothing to list: the first entry opens
 * with a standalone "none" (or claims everything is included), and nothing after it is a list
 * item, a link or a clause that names something (by default: excludes something concrete, as
 * an anti-scope does). List items and table rows are real entries; sentences may justify the "none".
 */
export function nothingListed(entries: readonly Entry[], namesSomething: (text: string) => boolean = excludesSomething): NothingListed | undefined {
  const first = entries[0];
  if (!first) return undefined;
  const marker = markerOf(first);
  if (!marker) return undefined;
  const rest = [first.text.slice(marker.end - first.start), ...entries.slice(1).map((e) => e.text)];
  for (const [i, text] of rest.entries()) {
    const entry = i === 0 ? first : (entries[i] as Entry);
    // A later list item that is not itself "none" is a real entry: "None of these:" then a list.
    if (i > 0 && isListed(entry) && !markerOf(entry)) return undefined;
    if (i > 0 && markerOf(entry)) continue;
    if (namesSomething(text)) return undefined;
  }
  const last = entries[entries.length - 1] as Match;
  return { span: { start: first.start, end: last.end, text: entries.map((e) => e.text).join(' ') }, marker };
}

/** The "none" phrases, matched only at the start (sticky): an entry that opens with none needs no search of the rest. */
const EMPTY_SCOPE = new RegExp(lexicon('empty-scope').source, 'iy');

/** The standalone "none" an entry opens with, or its universal claim, if any. */
function markerOf(entry: Match): Match | undefined {
  const lead = /^[\s*_"'\u201c\u2018>]*/.exec(entry.text)?.[0].length ?? 0;
  const text = entry.text.slice(lead);
  const universal = UNIVERSAL.exec(text) ?? RULES_OUT_NOTHING.exec(text);
  if (universal) return at(entry, lead, universal[0]);
  EMPTY_SCOPE.lastIndex = 0;
  const m = EMPTY_SCOPE.exec(text);
  if (m?.index !== 0) return undefined;
  let end = m[0].length;
  end += QUALIFIER.exec(text.slice(end))?.[0].length ?? 0;
  end += /^[*_]*/.exec(text.slice(end))?.[0].length ?? 0;
  if (!STANDS_ALONE.test(text.slice(end))) return undefined;
  return at(entry, lead, trimMarksEnd(text.slice(0, end)));
}

function at(entry: Match, lead: number, text: string): Match {
  return { start: entry.start + lead, end: entry.start + lead + text.length, text };
}

/** Work handed to someone else is excluded: "the on-call rotation owns incidents", "that stays with Mei". */
const HANDED_OFF = /\b(?!(?:i|we|you)\b)[a-z]+\s+(?:owns?|handles?)\b|\b(?:owned|handled|run|led|covered) by\b|\b(?:belongs?|stays?|sits?) with\b|'s (?:job|call|area|remit)\b/i;

/** A clause that rules something concrete out, or points to where the exclusions are written. */
export function excludesSomething(text: string): boolean {
  if (/\]\(|https?:\/\/|\bsee (?:the |our )?\w/i.test(text) || HANDED_OFF.test(text)) return true;
  return text.split(/[,;:()]|\s[\u2013\u2014-]\s|\b(?:and|but|so|because)\b/).some((clause) => EXCLUDES.test(clause) && !INDEFINITE.test(clause));
}
