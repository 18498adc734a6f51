// Text queries with exactly one implementation each. Section-aware forms live on SectionView.
export { splitClauses } from './clauses.ts';
export { entriesOf, isListed, itemContent, linesOf, type Entry } from './entries.ts';
export { exclusionsOf, restates, type Exclusion } from './exclusions.ts';
export { clip, code, codeList } from './format.ts';
export { isGreeting, isSignOff, opensFromDate } from './letter.ts';
export type { Match } from './match.ts';
export { nothingListed, type NothingListed } from './nothing-listed.ts';
export { hasDate, hasNumber, hasQuantity } from './numbers.ts';
export { choiceOf, choiceOfRow, firstClause, isNothing, matchChoice, namesSeveral, optionReference, resolveReference, withoutLabel, type Choice, type OptionReference } from './options.ts';
export { SENTENCE, splitSentences } from './sentences.ts';
export { contentWords, stem, termsOf, wordsOf } from './words.ts';
