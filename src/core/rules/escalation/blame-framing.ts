import type { Match } from '../../text/match.ts';
import { codeList } from '../../text/format.ts';
import { defineRule } from '../define.ts';
import { negatedBefore } from '../../text/negated.ts';
import { sarcasmIn } from './_sarcasm.ts';

const ESCALATION = '---\nkind: escalation\n---\n\n';

/** "X is blocking ...", "blocked (again) by X": blame when X is a person or a team, a fact when X is a thing. */
const BLOCKING = /\b(?:is|are|was|were|keeps?|kept|has been|have been)\s+(?:\w+\s+)?blocking\b/gi;
const BLOCKED_BY = /\bblocked\s+(?:again\s+)?by\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)/gi;
const BLOCKED_AGAIN = /\b(?:blocked|stuck)\s+again\b(?!\s+by\b)/gi;
/** Words that make a noun phrase people: pronouns, teams and roles. */
const PEOPLE = /\b(?:they|them|he|him|she|her|team|teams|squad|folks|people|engineers?|developers?|leads?|managers?|director|owners?|org|organi[sz]ation|department|group|colleagues|reviewers?|leadership)\b/i;
/**
 * A team or a person by a capitalised name, which the case-insensitive lexicon cannot tell from
 * any noun: "Platform has not prioritised the fix" blames a team, "The current roadmap has not
 * prioritised the migration" blames nobody. Pronouns and determiners are not names.
 */
const NAME = String.raw`(?<![\p{L}\d-])(?!(?:We|I|You|It|This|That|These|Those|There|Which|Who|What|The|Our|My|Nobody|None|Neither|Everyone|Someone|Anyone)\b)\p{Lu}[\p{L}\d-]*(?:[ \t]+\p{Lu}[\p{L}\d-]*)?`;
const COUNT = String.raw`(?:four|five|six|seven|eight|nine|ten|several|multiple|many|countless|numerous|\d+)\s+times\b`;
/** "Platform has not prioritised", "Payments haven't engaged". */
const NAMED_UNMOVED = new RegExp(String.raw`${NAME}\s+(?:still\s+|simply\s+|just\s+)?(?:has|have)(?:n't|n\u2019t|\s+not)(?:\s+(?:yet|even|really))?\s+(?:prioriti[sz]ed|engaged|bothered|cared)\b`, 'gu');
/** "chased Priya about it five times", "raised it with Marco four times": somebody addressed, counted in attempts. */
const NAMED_CHASED = new RegExp(
  String.raw`\b(?:[Rr]aised|[Aa]sked|[Cc]hased|[Rr]eminded|[Pp]inged|[Ee]mailed|[Mm]essaged|[Ff]lagged|[Ff]ollowed\s+up)(?:\s+(?:it|this|the issue|the request))?(?:\s+(?:up|with|on|to))?\s+${NAME}(?:\s+(?:about|on)\s+(?:it|this))?\s+${COUNT}`,
  'gu',
);
/** The subject before "is blocking": the words since the clause began. */
const CLAUSE_START = /[.;:!?,()\n`"“”]|\b(?:and|or|but|because|since|while|so)\b/gi;

export default defineRule({
  meta: {
    id: 'escalation/blame-framing',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'An escalation that blames people or vents emotion ("is blocking", "they refuse", "still waiting on them despite reminders") instead of framing the decision.',
      why: 'Case study 3: one engineer escalates by saying the other team is blocking progress; it creates defensiveness and slows resolution. Blame framing buys emotional force at the cost of trust, and the decision maker still has no decision to make. Polite blame ("they have not prioritised this") does the same damage in softer words.',
      better: 'Escalate the decision, not the people: "Decision needed: who owns v1 compatibility during the v2 migration?", then the facts both teams agree on, the options, and the ask (choose an owner and a deadline).',
      caseStudy: 3,
      concept: 'framing, trust',
      bad: `${ESCALATION}Team B is blocking the v2 migration and they refuse to own v1 compatibility.\n`,
      good: `${ESCALATION}Decision needed:\nWho owns v1 compatibility during the v2 migration?\n\nFacts:\nTeam A and team B both expected the other to keep v1 working.\n`,
    },
    messages: {
      blame: 'The brief blames people ({{words}}): blame burns trust and gives the decision maker nothing to decide. Describe what happened as facts, and escalate the decision with its options instead.',
    },
  },
  check(context) {
    const { body, doc } = context;
    const plain = doc.plain;
    const sentences = body.sentences();
    const sentenceOf = (m: Match) => sentences.find((s) => s.start <= m.start && m.start < s.end);
    // "Neither team is blocking the other", "nobody is dragging their feet": denied blame is not blame.
    const denied = (m: Match, at = m.start) => {
      const s = sentenceOf(m);
      return s !== undefined && negatedBefore(doc, s, { start: at, end: m.end });
    };
    const phrases = [
      ...body.find('blame'),
      ...body.match(NAMED_UNMOVED),
      ...body.match(NAMED_CHASED),
      ...blocking(body.match(BLOCKING), plain),
      ...body.match(BLOCKED_BY).filter((m) => PEOPLE.test(m.text.replace(/^blocked\s+(?:again\s+)?by\s+/i, ''))),
      ...body.match(BLOCKED_AGAIN),
    ].filter((m) => !quoted(plain, m.start) && !denied(m, verbOf(m)));
    const hits = [...phrases, ...sarcasmIn(doc, sentences)].sort((a, b) => a.start - b.start);
    // One finding per sentence: "waiting on them despite reminders ... not a priority for them" is one complaint.
    const groups = new Map<number, Match[]>();
    for (const m of hits) {
      const at = sentences.findIndex((s) => s.start <= m.start && m.start < s.end);
      const key = at === -1 ? -1 - m.start : at;
      const group = groups.get(key);
      if (!group) groups.set(key, [m]);
      else if (!group.some((g) => g.start < m.end && m.start < g.end)) group.push(m);
    }
    for (const group of groups.values()) {
      const words = group.map((m) => m.text.replace(/\s+/g, ' '));
      context.report({ messageId: 'blame', data: { words: codeList(words, 3) }, span: { start: group[0]!.start, end: Math.max(...group.map((m) => m.end)) }, words });
    }
  },
});

/** Where a match's verb stands: "is blocking" and "Team B is blocking" are negated at "blocking" ("is not blocking", "Neither team is blocking"). */
function verbOf(m: Match): number {
  const at = m.text.search(/\bblocking\b/i);
  return at === -1 ? m.start : m.start + at;
}

/** "is blocking" matches whose subject (the clause's words before it) names people; the span starts at the subject. */
function blocking(matches: Match[], plain: string): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    if (quoted(plain, m.start)) continue;
    const from = Math.max(0, m.start - 60);
    const before = plain.slice(from, m.start);
    let start = from;
    for (const c of before.matchAll(CLAUSE_START)) start = from + c.index + c[0].length;
    const subject = plain.slice(start, m.start);
    if (!PEOPLE.test(subject)) continue;
    const lead = subject.length - subject.trimStart().length;
    out.push({ start: start + lead, end: m.end, text: plain.slice(start + lead, m.end) });
  }
  return out;
}

/** Quoted words ("avoid writing `they refuse`") talk about blame; they do not blame. */
function quoted(text: string, start: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const count = (q: string) => line.split(q).length - 1;
  return count('`') % 2 === 1 || count('"') % 2 === 1 || line.lastIndexOf('\u201c') > line.lastIndexOf('\u201d');
}
