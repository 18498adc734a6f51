import { lexicon } from '../../lexicon/index.ts';
import { defineRule } from '../define.ts';
import { findAll } from '../util.ts';
import { quoted } from '../units.ts';

/** Four of the scenario's five senior tasks in one scope is "every senior task". */
const EVERY = 4;

export default defineRule({
  meta: {
    id: 'role/scope-every-task',
    severity: 'warning',
    kinds: ['role-memo'],
    docs: {
      description: 'The scope takes on nearly every senior task of the scenario: leading a team, incidents, architecture, mentoring and representing the group to executives.',
      why:
        'Case study 2: the senior IC receives conflicting expectations ("lead one team, unblock an incident, define architecture, mentor engineers, and represent the group to executives"). A scope that lists them all has not clarified the role; it has written down the conflict. Each archetype trades leverage for a risk, and no one can carry all four.',
      better: 'Keep the scope to what the primary archetype owns ("architecture across three teams") and move the rest to the non-scope with its owner.',
      caseStudy: 2,
      concept: 'altitude',
      bad: '---\nkind: role-memo\n---\n\nScope:\nLead the team, unblock every incident, define the architecture, mentor engineers and represent the group to executives.\n',
      good: '---\nkind: role-memo\n---\n\nScope:\nCross-team architecture for payments; the ledger migration design and its review.\n',
    },
    messages: {
      every: 'The scope takes on {{count}} kinds of senior work ({{tasks}}): that is the scenario\'s conflicting expectations written down, not a role. Keep what your primary archetype owns and move the rest to the non-scope.',
    },
  },
  check(context) {
    const { doc } = context;
    const scope = context.section('scope');
    if (!scope) return;
    const matches = findAll(doc, scope.contentSpan, lexicon('senior-tasks'), scope.blocks);
    const byTask = new Map<string, (typeof matches)[number]>();
    for (const m of matches) {
      const groups = lexicon('senior-tasks').exec(m.text)?.groups ?? {};
      const task = Object.keys(groups).find((k) => groups[k] !== undefined);
      if (task && !byTask.has(task)) byTask.set(task, m);
    }
    if (byTask.size < EVERY) return;
    const found = [...byTask.values()].sort((a, b) => a.start - b.start);
    context.report({
      messageId: 'every',
      data: { count: byTask.size, tasks: quoted(found.map((m) => m.text), 5) },
      span: { start: found[0]!.start, end: found[found.length - 1]!.end },
      words: found.map((m) => m.text),
    });
  },
});
