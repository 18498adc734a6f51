import { clip } from '../../text/format.ts';
import { namesSeveral } from '../../text/options.ts';
import { defineRule } from '../define.ts';

const brief = (options: string) => `---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n\nOptions:\n${options}\n`;

export default defineRule({
  meta: {
    id: 'escalation/too-few-options',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'An escalation brief that offers fewer than two options.',
      why: 'Case study 3: an escalation must separate facts, options and asks. With one option (or none) the brief is a demand, not a decision: the decision maker can only rubber-stamp it or start the analysis over, and the other team reads it as a verdict.',
      better: 'List at least two real options, stated neutrally with who does what: "team A owns adapter", "team B owns dual support", "shared migration squad for six weeks". Doing nothing is an option too.',
      caseStudy: 3,
      concept: 'escalation, disagree-and-commit',
      bad: brief('- Team B owns dual support until shutdown.'),
      good: brief('- Team A owns a v1 adapter until shutdown.\n- Team B owns dual support until shutdown.'),
    },
    messages: {
      none: 'The `{{section}}` section lists no option: a decision maker needs at least two real options to choose between. Add them, stated neutrally, with who does what.',
      one: 'The `{{section}}` section lists one option (`{{option}}`): with nothing to weigh it against, the brief reads as a demand. Add at least one more real option (doing nothing counts).',
    },
  },
  check(context) {
    const view = context.view('options');
    const section = view?.section;
    // An empty section is structure/empty-section's finding, not this one.
    if (!view || !section || view.isEmpty()) return;
    const options = view.options();
    if (options.length >= 2) return;
    const only = options[0];
    // One line can still hold several options: "team A owns it, or team B does"; "two options: ...".
    if (only && namesSeveral(only.text)) return;
    if (only) context.report({ messageId: 'one', data: { section: section.title, option: clip(only.text, 60) }, span: section.titleSpan, words: [section.title], related: [{ message: 'the only option', span: only }] });
    else context.report({ messageId: 'none', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});
