// Text queries with exactly one implementation each. Section-aware forms live on SectionView.
export { splitClauses } from './clauses.ts';
export { entriesOf, itemContent, itemLead, linesOf, TRADEOFF_HEADER } from './entries.ts';
export { clip, code, codeList } from './format.ts';
export type { Match } from './match.ts';
export { choiceOf, isNothing, namesSeveral, type Choice } from './options.ts';
export { SENTENCE, splitSentences } from './sentences.ts';
export { contentWords, stem, termsOf, wordsOf } from './words.ts';
