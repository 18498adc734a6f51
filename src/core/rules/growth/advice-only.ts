import { codeList } from '../../text/format.ts';
import { affirmedIn } from '../../text/negated.ts';
import { defineRule } from '../define.ts';
import { sponsorship } from './_sponsorship.ts';

export default defineRule({
  meta: {
    id: 'growth/advice-only',
    severity: 'error',
    kinds: ['growth-plan'],
    docs: {
      description: 'The growth plan offers only advice (feedback, one-on-ones, articles) and no sponsorship: nothing delegated, no visible moment.',
      why: 'Case study 4: "I mentored them, so I helped their career" is the wrong approach. Advice helps skill; sponsorship creates opportunity and visibility. The engineer in the scenario improves but stays invisible in promotion discussions, because nobody gave them work to own or a room to be seen in.',
      better: 'Add the sponsorship: one delegated artifact ("present the RFC to architecture review on 12 March"), one review checkpoint, and one visibility moment ("name their ownership in the status update").',
      caseStudy: 4,
      concept: 'sponsorship',
      bad: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam should get better at system design.\n\nSupport:\nI will keep giving Sam advice in our weekly one-on-ones.\n',
      good: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nOpportunity:\nSam presents the RFC to the architecture review on 12 March.\n',
    },
    messages: {
      adviceOnly:
        'This plan offers only advice ({{advice}}) and nothing for the person to own or be seen doing: that is mentorship without sponsorship. Delegate one artifact the person owns or presents, and name a moment where others see it.',
    },
  },
  check(context) {
    // The skill goal says what the person will learn to do ("Leo leads the next pipeline's
    // design"); only the rest of the plan can delegate it or make it seen.
    const skill = context.view('skill');
    if (sponsorship(context.body, skill).length) return;
    // "This is not just advice", "not a shadowing plan": denied advice is not the plan's content.
    const advice = affirmedIn(context.doc, context.body.sentences(), context.body.find('advice'));
    if (advice.length === 0) return;
    context.report({ messageId: 'adviceOnly', data: { advice: codeList(advice.map((a) => a.text)) }, span: advice[0]!, words: advice.map((a) => a.text) });
  },
});
