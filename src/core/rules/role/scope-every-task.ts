import { lexicon } from '../../lexicon/index.ts';
import type { Match } from '../../text/match.ts';
import { codeList } from '../../text/format.ts';
import { defineRule } from '../define.ts';

/** Four of the scenario's five senior tasks in one scope is "every senior task". */
const EVERY = 4;
/**
 * A sentence that recounts what the writer was asked to do or is giving up ("I've been asked to
 * lead the team, cover incidents..."; "instead of mentoring") states the problem, not the scope.
 */
const RECOUNT =
  /\b(?:(?:been|was|were|am|are|get|got|getting) (?:asked|expected|told|pulled|dragged)|asked me|expects? me|used to|have been doing|been doing|instead of|rather than|no longer|hand(?:s|ing|ed)? (?:it |them |these |this )?(?:back|over|off)|giv(?:e|ing) (?:up|back)|stop(?:s|ping)? (?:doing|being)?)\b/i;
/** "... **Non-scope:** incidents, mentoring": what follows an inline non-scope label is excluded work. */
const NON_SCOPE_LABEL = /\b(?:non-?scope|out of scope|not in scope|not currently|not my (?:job|scope)|non-goals?)\b[*_]*\s*:/i;
/** A task inside a clause with one of these before it is excluded, not taken on ("not incidents"). */
const NEGATION = /\b(?:not|never|no|nor|n't|except|excluding|without|other than|apart from|but not)\b/i;

export default defineRule({
  meta: {
    id: 'role/scope-every-task',
    severity: 'warning',
    kinds: ['role-memo'],
    docs: {
      description: 'The scope takes on nearly every senior task of the scenario: leading a team, incidents, architecture, mentoring and representing the group to executives.',
      why: 'Case study 2: the senior IC receives conflicting expectations ("lead one team, unblock an incident, define architecture, mentor engineers, and represent the group to executives"). A scope that lists them all has not clarified the role; it has written down the conflict. Each archetype trades leverage for a risk, and no one can carry all four.',
      better: 'Keep the scope to what the primary archetype owns ("architecture across three teams") and move the rest to the non-scope with its owner.',
      caseStudy: 2,
      concept: 'altitude',
      bad: '---\nkind: role-memo\n---\n\nScope:\nLead the team, unblock every incident, define the architecture, mentor engineers and represent the group to executives.\n',
      good: '---\nkind: role-memo\n---\n\nScope:\nCross-team architecture for payments; the ledger migration design and its review.\n',
    },
    messages: {
      every: "The scope takes on {{count}} kinds of senior work ({{tasks}}): that is the scenario's conflicting expectations written down, not a role. Keep what your primary archetype owns and move the rest to the non-scope.",
    },
  },
  check(context) {
    const scope = context.view('scope');
    if (!scope) return;
    const plain = context.doc.plain;
    const sentences = scope.sentences();
    const byTask = new Map<string, Match>();
    const stop = scope.match(NON_SCOPE_LABEL)[0]?.start ?? Infinity;
    for (const m of scope.find('senior-tasks')) {
      if (m.start >= stop) break;
      const sentence = sentences.find((s) => s.start <= m.start && m.end <= s.end);
      if (sentence && RECOUNT.test(sentence.text)) continue;
      const clauseStart = Math.max(sentence?.start ?? 0, plain.lastIndexOf(',', m.start) + 1, plain.lastIndexOf(';', m.start) + 1);
      if (NEGATION.test(plain.slice(clauseStart, m.start))) continue;
      const groups = lexicon('senior-tasks').exec(m.text)?.groups ?? {};
      const task = Object.keys(groups).find((k) => groups[k] !== undefined);
      if (task && !byTask.has(task)) byTask.set(task, m);
    }
    if (byTask.size < EVERY) return;
    const found = [...byTask.values()].sort((a, b) => a.start - b.start);
    context.report({
      messageId: 'every',
      data: {
        count: byTask.size,
        tasks: codeList(
          found.map((m) => m.text),
          5,
        ),
      },
      span: { start: found[0]!.start, end: found[found.length - 1]!.end },
      words: found.map((m) => m.text),
    });
  },
});
