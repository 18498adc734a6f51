// The course modules and rules that ship with staffwork, compiled in at build time.
import modules from '../generated/modules.json' with { type: 'json' };
import { rules } from '../generated/rules.ts';
import { loadModule, type CourseModule } from './course/schema.ts';

export const builtinModules: CourseModule[] = (modules as unknown[]).map(loadModule);
export const defaultModule: CourseModule = builtinModules[0] as CourseModule;
export const builtinRules = rules;
