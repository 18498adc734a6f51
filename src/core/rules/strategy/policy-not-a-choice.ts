import { lexicon } from '../../lexicon/index.ts';
import type { Doc, Section } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import type { Match } from '../util.ts';
import { units } from '../units.ts';
import { clip } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/policy-not-a-choice',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'A guiding policy that is a goal or a slogan ("improve reliability", "be world-class", "grow 20%"), not a choice that rules something out.',
      why:
        'Case study 1: a strategy exists so that teams can make tradeoffs. A guiding policy is the choice that follows from the diagnosis; Larson calls policies "tradeoffs between two competing goals" and Rumelt lists "goals as strategy" among the hallmarks of bad strategy. A policy that excludes nothing ("improve reliability") gives a team no way to say no, so it is the roadmap again.',
      better:
        'State what you do before, instead of or over what: "reduce platform friction before adding new platform features", "no new platform features until lead time is under one day".',
      caseStudy: 1,
      concept: 'guiding policy',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nImprove reliability and become a world-class platform team.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n',
    },
    messages: {
      goal: 'The guiding policy `{{policy}}` is a goal, not a choice: nothing in it says what comes second or what you will not do, so teams cannot use it to make tradeoffs. Add what it rules out, e.g. "before ...", "instead of ...", "no new ... until ...".',
    },
  },
  check(context) {
    const { doc } = context;
    const policy = context.section('policy');
    if (!policy) return;
    for (const u of policyStatements(doc, policy)) {
      context.report({ messageId: 'goal', data: { policy: clip(u.text) }, span: u, words: [u.text] });
    }
  },
});

/**
 * The statements to judge: each item of a list of policies; for prose, the first sentence stands
 * for the paragraph (the rest usually explains it), and the paragraph passes if any sentence chooses.
 */
function policyStatements(doc: Doc, policy: Section): Match[] {
  const all = units(doc, policy);
  const listed = all.filter((u) => policy.blocks.some((b) => b.type === 'list' && b.start <= u.start && u.end <= b.end));
  if (listed.length) return listed.filter((u) => !chooses(u));
  const first = all[0];
  if (!first) return [];
  return all.some(chooses) ? [] : [first];
}

/** A choice word, where a modal before a goal ("we must improve reliability") is not one. */
function chooses(u: Match): boolean {
  const modalGoal = new RegExp(`\\b(?:must|shall|always|should|will|need to)\\s+(?=${lexicon('goal-words').source})`, 'gi');
  return lexicon('policy-choice').test(u.text.replace(modalGoal, ''));
}
