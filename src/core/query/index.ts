export { DocQuery, readSpans } from './doc-query.ts';
export { SectionView } from './section-view.ts';
