import { defineRule } from '../define.ts';
import { clip } from '../../text/format.ts';
import { contentWords } from '../../text/words.ts';
import { type Choice, matchChoice, optionReference, resolveReference, withoutLabel } from '../../text/options.ts';

/** A recommendation that opens by putting the decision off: "Pause X and revisit in Q3", "Defer the decision", "Wait for ...". */
const DEFER = /^(?:(?:we|i) (?:recommend|suggest|propose|would (?:recommend|suggest))(?: that we| we)? |(?:my|our) recommendation is to )?(?:pause|defer|postpone|delay|revisit|park|wait|hold off|put (?:\w+ )?on hold|shelve|table)\b/i;
/** An option that already is the deferral or the status quo. */
const DO_NOTHING = /\b(?:do nothing|status quo|no change|keep (?:things |it )?as (?:it is|they are)|wait|defer|postpone|revisit|pause)\b/i;

/** An interim answer that puts the real decision off: "for now", "in the meantime", "and revisit in Q3". */
const INTERIM = /\b(?:for now|for the time being|in the meantime|(?:and|then) (?:revisit|reassess|re-?evaluate|come back to)|revisit(?:ing)? (?:it|this|the (?:question|decision|ownership)|a \S+ answer|\S+ \S+ answer)|wait and see)\b/i;

/**
 * A recommendation that says it is none of the options: "we'd like to propose something different",
 * "a fourth approach", "none of the three". Not "a new approach for us": an option can be new to the team.
 */
const OFF_MENU =
  /\b(?:something (?:different|else)(?: altogether| entirely)?|(?:a|an) (?:fourth|fifth|alternative|hybrid) (?:option|approach|path|way|plan)|none of (?:the|these|those) (?:options|approaches|three|two|four)|neither of (?:the|these|those) (?:options|approaches|two))\b/i;

/**
 * Whether the words plainly name one option: every word of its name that the other options'
 * names do not share ("Field Apps" of "Field Apps owns it", not "owns"), or two words of its
 * statement (before its costs) that no other option uses.
 */
function namesOne(words: Set<string>, choices: Choice[]): boolean {
  const statement = (c: Choice) => contentWords(withoutLabel(c.text).split(/\.\s|\b(?:cost|costs|risk|risks|downside|gain|pros?|cons?)\s*:/i)[0] ?? c.text);
  const own = choices.map(statement);
  return choices.some((c, i) => {
    const others = choices.filter((_, j) => j !== i);
    const name = [...c.nameWords].filter((w) => !others.some((o) => o.nameWords.has(w)));
    if (name.length > 0 && name.every((w) => words.has(w))) return true;
    const distinct = [...(own[i] as Set<string>)].filter((w) => !own.some((o, j) => j !== i && o.has(w)));
    return distinct.filter((w) => words.has(w)).length >= 2;
  });
}

const brief = (recommendation: string) =>
  `---\nkind: escalation\n---\n\nOptions:\n1. Team A owns a v1-to-v2 adapter until shutdown.\n2. Team B owns dual support of v1 and v2.\n3. A shared migration squad for six weeks.\n\nRecommendation:\n${recommendation}\n`;

export default defineRule({
  meta: {
    id: 'escalation/recommendation-not-an-option',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'The recommendation is not one of the listed options (by "Option 3", an ordinal, or its words).',
      why: 'Case study 3 separates facts, options and asks so that the decision maker chooses between known options. A recommendation that is none of them smuggles in an option nobody weighed, and the other team sees the comparison was for show.',
      better: 'Recommend one of the options by its number or name, then say why: "Option 3: a shared migration squad; it spreads the cost and ends on a fixed date."',
      caseStudy: 3,
      concept: 'escalation, framing',
      bad: brief('Leadership should tell team B to prioritise the migration.'),
      good: brief('Option 3: it spreads the cost and ends on a fixed date.'),
    },
    messages: {
      noSuchOption: 'The recommendation names `{{words}}`, which is not one of the options listed in `{{options}}`, so it was never weighed against them. Point at one of the listed options, or add the one you recommend to the options.',
      notAnOption: 'The recommendation (`{{words}}`) is none of the listed options, so the decision maker cannot weigh it against the others. Recommend one of them by number or name, or add it to `{{options}}` with its tradeoffs.',
    },
  },
  check(context) {
    const rec = context.view('recommendation');
    const opts = context.view('options');
    if (!rec || !opts || rec.isEmpty()) return;
    const choices = opts.options();
    if (choices.length === 0) return;
    const title = opts.title;
    const related = [{ message: `the options (${title})`, span: opts.anchor }];
    const plain = context.doc.plain;
    const ref = rec
      .prose()
      .map((r) => optionReference(plain.slice(r.start, r.end), r.start))
      .find((r) => r !== undefined);
    if (ref) {
      if (!resolveReference(ref, choices)) context.report({ messageId: 'noSuchOption', data: { words: ref.text, options: title }, span: ref, related });
      return;
    }
    const first = rec.sentences()[0];
    // "Pause the rollout and revisit in Q3": putting the decision off is an option only when it is listed.
    const deferral = first ? DEFER.exec(first.text) : null;
    if (first && deferral) {
      if (!choices.some((c) => DEFER.test(c.text) || DO_NOTHING.test(c.text))) context.report({ messageId: 'notAnOption', data: { words: clip(first.text, 60), options: title }, span: first, related, words: [deferral[0]] });
      return;
    }
    // "Let each team handle it for now, and revisit in Q3": an interim answer with the decision put
    // off is an option only when it is listed, or when it plainly names one of the options.
    // Said in so many words: the writer puts forward an option nobody weighed. Words that name an
    // option keep it ("Team B owns it; a new approach for us"), unless they say it mixes or is none
    // of them ("a hybrid approach: Team A ... and Team B ...").
    const names = namesOne(contentWords(rec.text()), choices);
    const offMenu = rec
      .sentences()
      .slice(0, 2)
      .map((s) => ({ s, m: OFF_MENU.exec(s.text) }))
      .find((x) => x.m && !/\b(?:not|never|no)\s+(?:\S+\s+)?$/i.test(x.s.text.slice(0, x.m.index)) && (!names || /hybrid|none|neither/i.test(x.m[0])));
    if (offMenu?.m) {
      context.report({ messageId: 'notAnOption', data: { words: clip(offMenu.s.text, 60), options: title }, span: offMenu.s, related, words: [offMenu.m[0]] });
      return;
    }
    const interim = first ? INTERIM.exec(first.text) : null;
    if (first && interim && !choices.some((c) => DEFER.test(c.text) || DO_NOTHING.test(c.text)) && !names) {
      context.report({ messageId: 'notAnOption', data: { words: clip(first.text, 60), options: title }, span: first, related, words: [interim[0]] });
      return;
    }
    if (matchChoice(contentWords(rec.text()), choices)) return;
    if (!first) return;
    context.report({ messageId: 'notAnOption', data: { words: clip(first.text, 60), options: title }, span: first, related });
  },
});
