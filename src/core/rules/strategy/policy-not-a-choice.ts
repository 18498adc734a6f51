import { lexicon } from '../../lexicon/index.ts';
import { clip, codeList } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'strategy/policy-not-a-choice',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'A guiding policy that is only goals or slogans ("improve reliability", "be world-class", "grow 20%"): no statement of it rules something out or sets a binding rule.',
      why: 'Case study 1: a strategy exists so that teams can make tradeoffs. A guiding policy is the choice that follows from the diagnosis; Larson calls policies "tradeoffs between two competing goals" and Rumelt lists "goals as strategy" among the hallmarks of bad strategy. A policy that excludes nothing ("improve reliability") gives a team no way to say no, so it is the roadmap again.',
      better: 'State what you do before, instead of or over what: "reduce platform friction before adding new platform features", "no new platform features until lead time is under one day".',
      caseStudy: 1,
      concept: 'guiding policy',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nImprove reliability and become a world-class platform team.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n',
    },
    messages: {
      goal: 'The guiding policy `{{policy}}` is a goal ({{words}}), not a choice: nothing in it says what comes second, what you will not do or what rule binds, so teams cannot use it to make tradeoffs. Add what it rules out, e.g. "before ...", "instead of ...", "no new ... until ...".',
    },
  },
  check(context) {
    const statements = context.view('policy')?.entries() ?? [];
    // A policy is a choice when any statement of it gives something up, orders or binds: the
    // other statements of a Rumelt-style list then explain or apply it ("teams are at most nine
    // people", "we follow the existing on-call policy").
    if (statements.length === 0 || statements.some(choosesOrBinds)) return;
    const goals = statements.flatMap((u) => {
      const words = goalWords(u.text);
      return words.length ? [{ u, words }] : [];
    });
    // Neither a choice nor a goal ("platform as a product"): a framing this rule cannot judge.
    const first = goals[0];
    if (!first) return;
    context.report({
      messageId: 'goal',
      data: { policy: clip(first.u.text), words: codeList(goals.flatMap((g) => g.words)) },
      span: first.u,
      words: goals.flatMap((g) => g.words),
      related: goals.slice(1).map((g) => ({ message: 'another goal in the policy', span: g.u })),
    });
  },
});

/** A goal verb after a modal is no choice: "we must improve reliability" (goal-words.yml). */
function modalGoal(): RegExp {
  return new RegExp(`\\b(?:must|shall|always|should|will|need to)\\s+(?=${lexicon('goal-words').source})`, 'gi');
}

/**
 * Bounds and quantified rules bind ("every service has an owner", "teams are at most nine
 * people"); so does pointing at a policy already in force ("per the data-retention standard").
 */
const BINDS = /\b(?:every|each|all|any|no)\s+(?!(?:of\s+)?(?:the\s+)?(?:time|way)\b)[a-z]|\b(?:at (?:most|least)|no (?:more|fewer|less) than|(?:a )?maximum of|(?:a )?minimum of|capped at|limited to|only)\b/i;
const REFERS =
  /\b(?:per|under|follow(?:s|ing)?|according to|as (?:set out|defined|described|agreed) in|in line with|compl(?:y|ies) with|consistent with)\b[^.;]{0,60}\b(?:polic(?:y|ies)|standards?|guidelines?|principles?|charter|RFC|ADR|handbook|playbook|framework|contract|SLAs?)\b|\]\(/i;

/**
 * Giving everything its share is the opposite of a choice: "an equal focus on safety,
 * performance and modernisation, ensuring that each receives the attention it deserves",
 * "balance all three priorities", "everything is a priority".
 */
const EVEN_HANDED =
  /\b(?:equal(?:ly)? (?:focus|weight|weighting|priority|priorities|attention|emphasis|importance|investment)|(?:focus|weight|priority|attention|emphasis|invest\w*) (?:\w+ )?equally|(?:give|gives|giving) (?:equal|the same) (?:\w+ )?(?:to|weight|priority|attention)|(?:strike|striking|keep|keeping|maintain\w*) (?:a|the) (?:healthy |right |careful )?balance|balanc(?:e|es|ed|ing) (?:all|every|each|the (?:needs|demands|priorities)|competing)|(?:each|every one|all) (?:of them |of these )?(?:receives?|gets?|given) (?:the |its |their )?(?:(?:fair |due |right )?share|attention|resources|priority|focus|investment)|(?:everything|all of (?:it|them|these)|they) (?:is|are) (?:a |equally |all )?(?:top )?priorit(?:y|ies)|(?:all|every)(?: \w+)? (?:is|are) (?:equally )?(?:important|a priority|priorities)|(?:across|on) all (?:fronts|areas|priorities|of (?:them|these)))\b/i;

/** A bound that only encourages binds nobody: "All teams are encouraged to keep reliability and growth in mind". */
const EXHORTS = /\b(?:(?:is|are|feel) (?:encouraged|invited|welcome|urged|free)|(?:keep|bear) (?:\w+ ){1,6}in mind|where (?:possible|practical|feasible)|(?:try|strive|hope) to|as far as possible)\b/i;

function choosesOrBinds(u: Match): boolean {
  const text = u.text.replace(modalGoal(), '');
  if (lexicon('policy-choice').test(text) || REFERS.test(text)) return true;
  // "Improve reliability for every service" is still a goal: a bound binds only outside one;
  // "each receives the attention it deserves" and "all teams are encouraged to" bind nobody.
  return BINDS.test(text) && !opensWithGoal(text) && !EVEN_HANDED.test(text) && !EXHORTS.test(text);
}

/** The statement leads with a goal verb, after any subject and modal ("We will improve ..."). */
function opensWithGoal(text: string): boolean {
  const body = text.replace(/^[\s*_]*(?:(?:we|the team|our (?:policy|goal|aim) is to|our teams?)\s+)?(?:(?:will|must|shall|should|need to|want to|aim to|intend to|plan to)\s+)?/i, '');
  const m = lexicon('goal-words').exec(body);
  return m !== null && m.index === 0;
}

/** The words that make a statement read as a goal or a slogan (goal verbs, targets, fluff). */
function goalWords(text: string): string[] {
  const found = [...text.matchAll(lexicon('goal-words')), ...text.matchAll(lexicon('fluff')), ...text.matchAll(new RegExp(EVEN_HANDED.source, 'gi'))].map((m) => ({ at: m.index, end: m.index + m[0].length, text: m[0] }));
  // "be world-class" is one slogan, not also the fluff "world-class" inside it.
  const outer = found.filter((m) => !found.some((o) => o !== m && o.at <= m.at && m.end <= o.end && o.end - o.at > m.end - m.at));
  return outer.sort((a, b) => a.at - b.at).map((m) => m.text);
}
