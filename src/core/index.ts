// staffwork's pure core: no fs, no process, no Node-only imports. Runs in the browser unchanged.
export { parse } from './model/parse.ts';
export { positionAt, lineStartsOf } from './model/positions.ts';
export { readableBody, titleOf } from './model/body.ts';
export type * from './model/types.ts';
export { checkText, checkSets, interpolate, compareDiagnostics, lessonRank, DEFAULT_DOCS_BASE, type CheckOptions, type FileResult } from './engine/check.ts';
export { DocQuery, SectionView } from './query/index.ts';
export { applyFixes } from './engine/fixes.ts';
export { parseConfig, levelOf, ConfigSchema, DEFAULT_CONFIG, type Config } from './engine/config.ts';
export type { Diagnostic, Severity, TextEdit, Suggestion } from './engine/diagnostic.ts';
export { SEVERITY_RANK } from './engine/diagnostic.ts';
export { detectKind, assignSections, normalizeTitle, sectionKeyOf } from './kinds/detect.ts';
export { loadModule, CourseModuleSchema, type CourseModule, type KindDef, type SectionDef, type CaseStudy, type Criterion } from './course/schema.ts';
export { evaluateProgress, type Progress, type CriterionResult, type Evidence } from './course/progress.ts';
export { skeleton } from './course/skeleton.ts';
export { builtinModules, defaultModule, builtinRules } from './builtin.ts';
export type { AnyRule, Rule, SetRule, RuleMeta, RuleDocs } from './rules/define.ts';
export { isSetRule } from './rules/define.ts';
export { hasContent } from './rules/util.ts';
