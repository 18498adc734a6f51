import { clip, codeList } from '../../text/format.ts';
import { defineRule } from '../define.ts';
import { missingWithCandidates } from './_missing.ts';

/** Headings named in one message. */
const MAX_NAMED = 3;

export default defineRule({
  meta: {
    id: 'structure/unrecognised-section',
    severity: 'warning',
    docs: {
      description: 'A required section staffwork cannot find may be under a heading it does not recognise.',
      why: 'Each required artifact in the module names its parts, and a reader looks for them by name. When a required part has no recognised heading but the document has headings staffwork does not know, the part is probably there under another name ("Where things stand" for the diagnosis, "He owns:" for the opportunity). Naming it as the module does lets readers, reviewers and the other rules find it; if none of them is the part, it is missing and should be written.',
      better: "Rename the heading that holds the section to the module's name (or a usual synonym), or add the section if none of them is it.",
      concept: 'required artifact',
      bad: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nOpportunity:\nSam presents the RFC to architecture review on 12 March.\n\nSupport:\nI review the draft by 5 March.\n\nPraise in public:\nThe April status update names Sam as owner.\n',
      good: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nOpportunity:\nSam presents the RFC to architecture review on 12 March.\n\nSupport:\nI review the draft by 5 March.\n\nVisibility:\nThe April status update names Sam as owner.\n',
    },
    messages: {
      lookalike: 'The {{kind}} has no `{{section}}` section that staffwork recognises; if `{{heading}}` is it, name it `{{section}}`. {{hint}}',
      candidates: 'The {{kind}} has no `{{section}}` section that staffwork recognises; if one of {{headings}} is it, name it `{{section}}`. {{hint}}',
      inProse: 'The {{kind}} has no `{{section}}` section; if this prose says it, label it `{{section}}:` so readers and staffwork find it. {{hint}}',
      inSentence: 'The {{kind}} has no `{{section}}` section, though `{{sentence}}` seems to say it: label it `{{section}}:` so readers and staffwork find it. {{hint}}',
    },
  },
  check(context) {
    const { kind } = context;
    if (!kind) return;
    for (const { def, candidates: found, prose, said } of missingWithCandidates(context)) {
      const first = found[0];
      const data = { kind: kind.name.toLowerCase(), section: def.title, hint: def.hint ?? '' };
      if (!first) {
        // Written as prose: the part may be in the sentences; a label makes it findable.
        if (prose) context.report({ messageId: 'inProse', data, span: { start: prose.start, end: Math.min(prose.end, context.doc.text.indexOf('\n', prose.start) >>> 0) }, words: [] });
        // Said in a sentence under another part's heading, a closing line or a table row.
        else if (said) context.report({ messageId: 'inSentence', data: { ...data, sentence: clip(said.text.replace(/`/g, "'"), 60) }, span: said, words: [] });
        continue;
      }
      const named = found.slice(0, MAX_NAMED).map((s) => s.title);
      // No fix: the section may be there already, and a second, empty one beside it teaches the wrong thing.
      if (named.length === 1) context.report({ messageId: 'lookalike', data: { ...data, heading: first.title }, span: first.titleSpan, words: named });
      else context.report({ messageId: 'candidates', data: { ...data, headings: codeList(named, MAX_NAMED) }, span: first.titleSpan, words: named });
    }
  },
});
