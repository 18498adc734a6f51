// The course modules that ship with staffwork, compiled in at build time. Apart from the rule
// registry (builtin.ts), so the workbench page can read the module without bundling the rules.
import modules from '../generated/modules.json' with { type: 'json' };
import { loadModule, type CourseModule } from './course/schema.ts';

export const builtinModules: CourseModule[] = (modules as unknown[]).map(loadModule);
export const defaultModule: CourseModule = builtinModules[0] as CourseModule;
