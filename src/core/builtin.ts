// The course modules and rules that ship with staffwork, compiled in at build time.
import { rules } from '../generated/rules.ts';

export { builtinModules, defaultModule } from './modules.ts';
export const builtinRules = rules;
