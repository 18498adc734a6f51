export { documentAnchor, DocQuery, hasContent } from './doc-query.ts';
export { SectionView } from './section-view.ts';
export { rowChoices, tradeoffTables, type TradeoffTable } from './tradeoff-tables.ts';
