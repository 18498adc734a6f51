import { affirmedIn } from '../../text/negated.ts';
import { defineRule } from '../define.ts';
import { sponsorship } from './_sponsorship.ts';

export default defineRule({
  meta: {
    id: 'growth/vague-skill-goal',
    severity: 'warning',
    kinds: ['growth-plan'],
    docs: {
      description: 'The skill goal is a wish ("get better at system design", "grow leadership skills") rather than work the person will lead.',
      why: 'Case study 4: the better approach states the skill goal as work ("lead API migration design"). A vague goal cannot be delegated, reviewed or made visible, so the plan slides back into advice; RUBRICS notes vague goals as the typical sign of mentorship without sponsorship.',
      better: 'Name the work that shows the skill: "Sam leads the API migration design", not "Sam gets better at design".',
      caseStudy: 4,
      concept: 'mentorship',
      bad: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam should get better at system design.\n',
      good: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n',
    },
    messages: {
      vague: 'The skill goal `{{phrase}}` is a wish, not work: nothing in it can be delegated or seen. State it as something the person will lead or own, e.g. "lead the API migration design".',
    },
  },
  check(context) {
    const skill = context.view('skill');
    if (!skill || skill.isEmpty() || sponsorship(skill).length) return;
    // "Not 'get better at design' but lead the API review": the wish is rejected, not the goal.
    const wish = affirmedIn(context.doc, skill.sentences(), skill.find('vague-goal'))[0];
    if (!wish) return;
    context.report({ messageId: 'vague', data: { phrase: wish.text }, span: wish, words: [wish.text] });
  },
});
