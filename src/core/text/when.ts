// Whether a text commits to a time: a date someone can be held to, not a vague time. "On 12
// March", "in the April status update", "Q3 2026", "by the end of next quarter", "by week 6"
// (of a plan that states its start) commit; "sometime next quarter", "soon", "later this year",
// "in the coming months", "next year", "once things calm down" do not: they are the "someday"
// that case study 4's opportunity slips behind.
import { hasDate, MONTH, WEEKDAY } from './numbers.ts';

/** A bounded relative period: the end or start of a named quarter, half, year or month is a deadline. */
const BOUNDED = /\b(?:by|before|until|at|for|in)\s+(?:the\s+)?(?:end|start|beginning|close|first (?:week|day)|last (?:week|day))\s+of\s+(?:the\s+)?(?:this|next|the current|the following)?\s*(?:week|month|quarter|half|year|sprint)\b/i;
/** A numbered step of a plan with a stated start: "by week 6", "in sprint 14", "day 30". */
const NUMBERED = /\b(?:week|wk|sprint|day|month|iteration|milestone)\s+\d{1,3}\b/i;
/** Times that name no point anyone can be held to. */
const VAGUE = new RegExp(
  [
    // "sometime next quarter", "at some point this year", "hopefully during the next sprint"
    String.raw`(?:some ?time|at some (?:point|stage)|whenever|hopefully|ideally|probably|maybe|possibly)\s+(?:(?:in|during|over|around)\s+)?(?:the\s+)?(?:(?:next|this|coming|following)\s+(?:weeks?|months?|quarters?|half|halves|years?|sprints?|cycles?)|(?:19|20)\d\d)`,
    // "later this year", "early next year", "mid next quarter"
    String.raw`(?:later|earlier|early|late|mid)[\s-]+(?:this|next)\s+(?:year|quarter|half)`,
    // "next quarter", "this half", "next year" without a bound (a bounded one is read first)
    String.raw`(?:the\s+)?(?:next|this|coming|following)\s+(?:quarter|half|year)(?!\s+(?:19|20)\d\d)`,
    // "in 2026": a year alone is a year, not a date
    String.raw`(?:in|during|over|within)\s+(?:19|20)\d\d`,
    String.raw`in the (?:near |coming |not too distant |foreseeable )?future`,
    String.raw`(?:in|over|during) the (?:next|coming|following) (?:few |couple of |several )?(?:weeks|months|quarters|years)`,
    String.raw`soon(?:ish|er)?|someday|some day|one day|eventually|down the (?:road|line)|at some (?:point|stage)|in due course|when(?:ever)? (?:there is|there's|we have|time allows|possible|it makes sense)[^.;,\n]*|once things (?:calm down|settle|quieten|quiet down)[^.;,\n]*|after (?:the|this) (?:busy|crunch) period`,
  ].join('|'),
  'gi',
);

/** Whether `text` names a time someone can be held to. */
export function hasCommittedDate(text: string): boolean {
  if (BOUNDED.test(text) || NUMBERED.test(text)) return true;
  return hasDate(text.replace(VAGUE, (m) => ' '.repeat(m.length)));
}

/**
 * A deadline: "by Friday", "latest by 9 January", "before 3 March", "by the end of the month", "no
 * later than Q3", "until 2026-05-14". A date without its "by" is not a deadline (content.ts reads
 * an escalation's "decide by" and a role memo's "working by" from it).
 */
const DEADLINE = new RegExp(
  String.raw`\b(?:by|before|until|no later than|latest by|ahead of)\s+(?:(?:the )?(?:end of (?:the |this |next )?(?:week|month|sprint|quarter)|eod|eow)|(?:next |this )?${WEEKDAY}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b|${MONTH}\s+\d{1,2}\b|[qh][1-4]\b|\d{4}-\d{2}-\d{2})`,
  'i',
);

/** Whether `text` sets a deadline (`DEADLINE`). */
export function hasDeadline(text: string): boolean {
  return DEADLINE.test(text);
}
