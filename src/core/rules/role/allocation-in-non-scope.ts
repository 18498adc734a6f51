import { normalizeTitle } from '../../kinds/detect.ts';
import { defineRule } from '../define.ts';
import { clip } from '../../text/format.ts';
import { termsOf } from '../../text/words.ts';
import { exclusionsOf, restates } from '../../text/exclusions.ts';

const AMOUNT = /\d+(?:\.\d+)?\s?(?:%|h\b|hrs?\b|hours?\b|days?\b)/i;
const AMOUNTS = new RegExp(AMOUNT.source, 'gi');
const NOT_CURRENTLY = /^(?:not currently|not now)$/;
/** "the programme directors own delivery", "Mariam presents it": who does the work instead, not the work excluded. */
const OWNER = /\b(?:owns?|owned by|leads?|runs?|presents?|handles?|covers?|keeps?|does|is responsible|are responsible|takes? (?:it|this|these|that) over)\b/i;
/** "I review the technical pages only": what the writer still does. */
const WRITER_KEEPS = /^(?:i|i'll|i will|i'm|we|we'll|we will)\b(?![^.;]*\b(?:not|never|no longer|won't|don't)\b)/i;

/** Whether a non-scope clause excludes work, rather than naming its owner or what the writer keeps. */
function excludes(text: string): boolean {
  const bare = text.replace(/\([^)]*\)/g, ' ').trim();
  return !WRITER_KEEPS.test(bare) && !(OWNER.test(bare) && !/^(?:i|we)\b/i.test(bare));
}

/** Work on the way out of an exclusion, or over it: handing it over, reviewing, coaching. */
const LETTING_GO =
  /\b(?:hand(?:ing)?[- ]?(?:over|off)|hand(?:ing|s|ed)?(?:\s+[\w'-]+){0,3}\s+(?:over|off|back)\b|handover|handoff|transition(?:ing)?|wind(?:ing)? down|phas(?:e|ing) out|review(?:ing|s)?|oversight|advis(?:e|ing|ory)|coach(?:ing)?|mentor(?:ing)?|shadow(?:ing)?|escalation point|backstop)\b/gi;

export default defineRule({
  meta: {
    id: 'role/allocation-in-non-scope',
    severity: 'warning',
    kinds: ['role-memo'],
    docs: {
      description: 'The weekly allocation spends time on work the non-scope (or "not currently") says is not yours.',
      why: 'Case study 2: the memo clarifies the role by saying what is not in it ("not currently: incident solver for every escalation"). Budgeting a share of the week for that same work says the opposite, and the conflicting expectations of the scenario come back through the calendar.',
      better: 'Take the time out of the allocation and give it to the scope, or move the work from non-scope into scope and say what leaves instead.',
      caseStudy: 2,
      concept: 'role clarity',
      bad: '---\nkind: role-memo\n---\n\nNon-scope:\nIncident response; the on-call rotation owns it.\n\nWeekly allocation:\n- 70% architecture reviews\n- 30% incident response\n',
      good: '---\nkind: role-memo\n---\n\nNon-scope:\nIncident response; the on-call rotation owns it.\n\nWeekly allocation:\n- 70% architecture reviews\n- 30% migration design\n',
    },
    messages: {
      contradicts: 'The allocation gives time to `{{entry}}`, which `{{section}}` rules out (`{{exclusion}}`). Move that time to your scope, or move the work into scope and say what leaves.',
    },
  },
  check(context) {
    const { doc } = context;
    const allocation = context.view('allocation');
    if (!allocation) return;
    const excluding = doc.sections.filter((s) => s.key === 'non-scope' || NOT_CURRENTLY.test(normalizeTitle(s.title)));
    const exclusions = excluding.flatMap((s) =>
      exclusionsOf(doc.plain, context.viewOf(s).entries())
        .filter((x) => excludes(x.text))
        .map((x) => ({ ...x, section: s.title })),
    );
    if (exclusions.length === 0) return;
    for (const entry of allocation.entries()) {
      if (!AMOUNT.test(entry.text)) continue;
      const work = entry.text.replace(AMOUNTS, ' ');
      const own = termsOf(work, false);
      const hit = exclusions.find((x) => restates(work, x, own).length > 0);
      if (!hit) continue;
      // "10% handing incident command over to the SRE rota", "5% reviewing their postmortems":
      // time to let go of the excluded work, or to oversee it, is not doing it. Unless that word
      // is what the exclusion rules out ("no design reviews" against "10% design reviews").
      const restated = restates(work, hit, own).map((w) => w.toLowerCase());
      const letGo = [...work.matchAll(LETTING_GO)].map((m) => (m[0].split(/\s+/)[0] as string).toLowerCase());
      if (letGo.length && !letGo.some((w) => restated.some((r) => w.includes(r) || r.includes(w)))) continue;
      context.report({
        messageId: 'contradicts',
        data: { entry: clip(entry.text, 70), section: hit.section, exclusion: clip(hit.text, 70) },
        span: entry,
        words: restates(work, hit, own),
        related: [{ message: `the ${hit.section.toLowerCase()} that rules it out`, span: hit }],
      });
    }
  },
});
