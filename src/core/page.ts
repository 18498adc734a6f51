// The core's door for the workbench page (src/web, except its lint worker): the document
// model, the course module and the API's data types, without the rules or the NLP model
// (several MB). Findings come from the lint worker, which imports the whole core (index.ts).
export { parse } from './model/parse.ts';
export { readableBody, titleOf } from './model/body.ts';
export type * from './model/types.ts';
export type { Diagnostic, Severity, TextEdit, Suggestion } from './engine/diagnostic.ts';
export type { CourseModule, KindDef, SectionDef, CaseStudy, Criterion } from './course/schema.ts';
export type { Progress, CriterionResult, Evidence } from './course/progress.ts';
export { builtinModules, defaultModule } from './modules.ts';
export { slug } from './text/slug.ts';
export type * from './api-types.ts';
