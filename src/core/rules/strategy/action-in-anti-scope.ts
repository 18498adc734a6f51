import { lexicon } from '../../lexicon/index.ts';
import { splitClauses } from '../../text/clauses.ts';
import { splitSentences } from '../../text/sentences.ts';
import { contentWords } from '../../text/words.ts';
import { clip, codeList } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'strategy/action-in-anti-scope',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A coherent action does what the anti-scope says the strategy will not do.',
      why: 'Case study 1: the anti-scope is where a narrow strategy "says no to good ideas". An action that the anti-scope rules out ("Upgrade Kubernetes" beside "No Kubernetes upgrade this half") tells teams both yes and no, so they are back to a roadmap with no decision guidance.',
      better: 'Decide: drop the action, or narrow the anti-scope and say why (e.g. "no Kubernetes upgrade this half unless a security deadline forces it").',
      caseStudy: 1,
      concept: 'coherent action',
      bad: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI.\n- Upgrade Kubernetes to 1.31.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n',
      good: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI.\n- Standardize service templates.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n',
    },
    messages: {
      contradicts: 'The action `{{action}}` does what the anti-scope rules out (`{{exclusion}}`; both say {{words}}), so teams get both yes and no. Drop the action or narrow the anti-scope.',
    },
  },
  check(context) {
    const actions = context.view('actions');
    const anti = context.view('anti-scope');
    if (!actions || !anti) return;
    const exclusions = exclusionsOf(context.doc.plain, anti.entries());
    // One finding per exclusion: ten actions against one "no" is one decision to make.
    const hits = new Map<Exclusion, { action: Match; words: string[] }[]>();
    for (const a of actions.entries()) {
      // "Do not upgrade Kubernetes" agrees with "no Kubernetes upgrade".
      if (NEGATED.test(a.text)) continue;
      const own = rootsOf(a.text);
      // Two shared content words: one ("catalog", "board") is a shared topic, not the same work.
      // And the action must do what the exclusion excludes: its lead word (the verb of "Upgrade
      // Kubernetes", the topic of "Kubernetes upgrade") is among them, or the exclusion's is;
      // "Tune the optimiser instead of adding indexes" shares words with "no new optimiser work"
      // but does other work.
      const lead = [...own.keys()][0];
      const x = exclusions.find((e) => {
        const shared = [...own.keys()].filter((r) => e.roots.has(r));
        return shared.length >= 3 || (shared.length >= 2 && ((lead !== undefined && shared.includes(lead)) || shared.includes(e.lead ?? '')));
      });
      if (!x) continue;
      const words = [...new Set([...own.keys()].filter((r) => x.roots.has(r)).map((r) => own.get(r) as string))];
      hits.set(x, [...(hits.get(x) ?? []), { action: a, words }]);
    }
    for (const [x, [first, ...more]] of hits) {
      if (!first) continue;
      context.report({
        messageId: 'contradicts',
        data: { action: clip(first.action.text, 70), exclusion: clip(x.text, 70), words: codeList(first.words) },
        span: first.action,
        words: first.words,
        related: [{ message: 'the anti-scope that rules it out', span: x }, ...more.map((m) => ({ message: 'another action it rules out', span: m.action }))],
      });
    }
  },
});

/** An action that itself stops or forbids something. */
const NEGATED = /^[\s*_]*(?:do not|don't|no|never|stop|avoid|drop|defer|pause|postpone)\b/i;
/** Sentences after an exclusion's first one explain it, unless they exclude too ("Rev D waits"). */
const EXCLUDES = /\b(?:no|not|never|won't|don't|stops?|freezes?|frozen|defer(?:s|red)?|waits?|postpone[sd]?|stays?|remains?|later|drop(?:s|ped)?|skip(?:s|ped)?|parks?|parked|out of scope)\b/i;
/** What follows the condition ("until lead time is below 1 day") lifts the exclusion; it is not excluded. */
const CONDITION = /\b(?:until|unless|before|once|as long as|so long as|while|except|if|when|after|beyond|other than|apart from|aside from|besides|save for)\b/i;
/** A clause that is the exclusion's exception ("..., beyond the two clinics", "except for the pilot"): what it names is allowed. */
const EXCEPTION = /^[\s,;(—–-]*(?:beyond|except|other than|apart from|aside from|besides|save for|bar|but not|unless|outside (?:of )?)\b/i;

interface Exclusion extends Match {
  roots: ReadonlySet<string>;
  /** The first content word of what it excludes ("upgrad" in "no Kubernetes upgrade"). */
  lead: string | undefined;
}

/** The clauses of the anti-scope that exclude something, each with the roots of what it excludes. */
function exclusionsOf(text: string, entries: Match[]): Exclusion[] {
  const out: Exclusion[] = [];
  for (const e of entries) {
    for (const [i, sentence] of splitSentences(text, e.start, e.end).entries()) {
      if (i > 0 && !EXCLUDES.test(sentence.text)) continue;
      for (const c of splitClauses(text, sentence)) {
        if (EXCEPTION.test(c.text)) continue;
        const excluded = c.text.split(CONDITION)[0] ?? c.text;
        const roots = rootsOf(excluded);
        out.push({ ...c, roots: new Set(roots.keys()), lead: [...roots.keys()][0] });
      }
    }
  }
  return out;
}

/**
 * The content words of a text by root, each with the word as written: "bring-up" and "bring
 * up", "migrate" and "migration", "upgrading" and "upgrade" share a root. Generic words
 * ("platform", "improve", "this year") and function words are left out.
 */
function rootsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const plain = text.replace(lexicon('trace-generic'), ' ');
  // A compound counts by its parts ("bring-up" matches "bring up") and is quoted whole.
  for (const whole of plain.match(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g) ?? []) {
    for (const w of whole.split('-')) {
      if (/^[A-Z][A-Z0-9]$/.test(w)) {
        out.set(w.toLowerCase(), whole); // two-letter acronyms: "CI", "EU"
        continue;
      }
      if (contentWords(w).size === 0 || CONNECTIVE.has(w.toLowerCase())) continue;
      const r = root(w.toLowerCase());
      if (!out.has(r)) out.set(r, whole);
    }
  }
  return out;
}

/** Words that link work rather than name it ("instead of", "rather than", "also"). */
const CONNECTIVE = new Set(['instead', 'rather', 'also', 'first', 'then', 'more', 'less', 'new', 'existing', 'current', 'work', 'further']);

const SUFFIX = /(?:i[sz](?:ations?|ing|e[sd]?)|ations?|ating|ated|ates?|itions?|ions?|ments?|ings?|ers?|ed|es|s)$/;

/** A light derivational root, enough to match a verb with its noun across two sections. */
function root(word: string): string {
  const cut = word.replace(SUFFIX, '').replace(/e$/, '');
  return cut.length >= 3 ? cut : word.replace(/s$/, '');
}
