import { affirmedIn } from '../../text/negated.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'strategy/fluff',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'Rumelt\'s "fluff": Sunday words ("world-class", "synergy", "best-in-class") that sound strategic and choose nothing.',
      why: 'Case study 1: teams must be able to make tradeoffs from the strategy. Rumelt names fluff as a hallmark of bad strategy: restating the obvious in buzzwords hides the absence of a diagnosis and a choice. Larson: specific statements create alignment, generic ones create the illusion of it.',
      better: 'Say the concrete thing the word stands for: instead of "world-class CI", "CI green on 97% of runs"; instead of "synergy", the two teams and what they share.',
      caseStudy: 1,
      concept: 'guiding policy',
      bad: '---\nkind: strategy\n---\n\n## Guiding policy\n\nBuild a world-class, best-in-class platform before adding features.\n',
      good: '---\nkind: strategy\n---\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n',
    },
    messages: {
      fluff: '`{{phrase}}` is fluff: it sounds strategic but names no problem and no choice. Say the concrete thing you mean (a number, a team, what you will not do).',
    },
  },
  check(context) {
    // "We will not chase synergies" rejects the fluff rather than hiding behind it.
    for (const m of affirmedIn(context.doc, context.body.sentences(), context.body.find('fluff'))) {
      context.report({ messageId: 'fluff', data: { phrase: m.text }, span: m, words: [m.text] });
    }
  },
});
