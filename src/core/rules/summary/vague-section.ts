import { clip, codeList } from '../../text/format.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule } from '../define.ts';
import { hasNumber } from '../../text/numbers.ts';
import { titleOf } from '../../model/body.ts';
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';

// Fewer content words than this cannot name a cause, an impact or a step ("Things could go
// wrong." has two); the module's own shortest answer ("customer-impacting financial incident")
// has three.
const MIN_CONTENT_WORDS = 3;
const PARTS = ['reason', 'risk', 'plan'] as const;
/**
 * Words that fill a sentence without naming a cause, an impact or a step: what is left of
 * "Hard to say really; there are a lot of moving parts and things could go either way" once
 * its vague phrases are gone is only these.
 */
const GENERIC = new Set(
  contentWords(
    'thing things stuff lot lots bit part parts moving way ways really honestly say tell know sure hard difficult early clear unclear ' +
      'issue issues problem problems concern concerns risk risks factor factors various several number kind sort point moment time ' +
      'either whether happen happens going depend depends see wait might could may probably possibly perhaps maybe quite fairly pretty still ' +
      'currently right now yet later soon overall general generally bad worse good better end day',
  ),
);

export default defineRule({
  meta: {
    id: 'summary/vague-section',
    severity: 'error',
    kinds: ['exec-summary'],
    docs: {
      description: 'A reason, risk or plan that is there but says nothing concrete ("There were some issues.", "Things could go wrong.").',
      why: 'Case study 5: the summary "does not state the decision, risk, or ask". A Risk section that reads "things could go wrong" states no risk either: an executive cannot weigh it against the cost of the decision. Filling the headings with placeholder words passes a structure check and still loses the decision.',
      better: 'Say it concretely: Reason "payment retry path can duplicate charges under timeout"; Risk if ignored "customer-impacting financial incident"; Plan "idempotency keys, replay test, launch gate".',
      caseStudy: 5,
      concept: 'risk framing',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nReason:\nThere were some issues.\n\nRisk if ignored:\nThings could go wrong.\n\nPlan:\nIdempotency keys, a replay test and a launch gate.\n\nAsk:\nApprove the revised date by Friday.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nReason:\nThe payment retry path can charge a customer twice when the processor times out.\n\nRisk if ignored:\nA customer-impacting financial incident.\n\nPlan:\nIdempotency keys, a replay test and a launch gate.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      vague: 'The `{{section}}` says nothing a decision maker can weigh ({{words}}). {{hint}}',
      thin: 'The `{{section}}` is too thin to weigh (`{{text}}`). {{hint}}',
    },
  },
  check(context) {
    const { kind, doc } = context;
    // The summary's own subject ("the filing season" of a filing-season freeze) names no impact:
    // "some risk to the filing season if things go wrong" is as empty as "some risk".
    const fm = doc.frontMatter?.data['title'];
    const subject = contentWords(`${titleOf(doc) ?? ''} ${typeof fm === 'string' ? fm : ''}`);
    for (const key of PARTS) {
      const view = context.view(key);
      // An empty section is structure/empty-section's finding; a table alone is not prose to judge.
      if (!view?.section || view.isEmpty() || !/\w/.test(view.text())) continue;
      const text = view.text();
      const title = view.section.title;
      const hint = kind?.sections.find((s) => s.id === key)?.hint ?? '';
      const vague = view.find('vague');
      const first = vague[0];
      // A vague phrase beside a concrete cause ("it depends on whether the processor ships the
      // idempotency patch") is not a vague section; one that leaves only filler words is.
      if (first && !hasNumber(text) && (concreteWords(text, vague, subject).size < MIN_CONTENT_WORDS || vagueThroughout(view, vague))) {
        context.report({
          messageId: 'vague',
          data: {
            section: title,
            words: codeList(vague.map((m) => m.text)),
            hint,
          },
          span: first,
          words: vague.map((m) => m.text),
        });
        continue;
      }
      const sentences = view.sentences();
      const [start, end] = [sentences[0], sentences[sentences.length - 1]];
      if (start && end && contentWords(text).size < MIN_CONTENT_WORDS && !hasNumber(text)) {
        const flat = text.replace(/\s+/g, ' ');
        context.report({
          messageId: 'thin',
          data: {
            section: title,
            text: clip(flat.replace(/`/g, "'"), 60),
            hint,
          },
          span: { start: start.start, end: end.end },
          words: [flat],
        });
      }
    }
  },
});

/** Distinct vague phrases a longer section needs, with one in each of its sentences, to say nothing at length. */
const MIN_VAGUE_THROUGHOUT = 2;

/**
 * Whether every sentence of a section is vague, with two vague phrases or more in all: "Some issues
 * came up that needed a closer look. The picture is still developing." says nothing at length; one
 * vague phrase beside a named cause ("some risk if the vendor's patch slips past Friday") says something.
 */
function vagueThroughout(view: SectionView, vague: readonly Match[]): boolean {
  if (new Set(vague.map((m) => m.text.toLowerCase())).size < MIN_VAGUE_THROUGHOUT) return false;
  const sentences = view.sentences();
  return sentences.length > 0 && sentences.every((s) => vague.some((m) => m.start >= s.start && m.start < s.end));
}

/** The content words of a section that are left once its vague phrases, filler words and the summary's subject are gone. */
function concreteWords(text: string, vague: readonly { text: string }[], subject: ReadonlySet<string>): Set<string> {
  let rest = text;
  for (const m of vague) rest = rest.replace(m.text, ' ');
  return new Set([...contentWords(rest)].filter((w) => !GENERIC.has(w) && !subject.has(w)));
}
