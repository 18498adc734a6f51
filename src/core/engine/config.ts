// staffwork.config.json / .staffworkrc: which rules run and at what severity.
import { z } from 'zod';
import type { Severity } from './diagnostic.ts';

const level = z.enum(['off', 'info', 'warning', 'error']);

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Rule id (or `area/*`) -> "off" | "info" | "warning" | "error". */
    rules: z.record(z.string(), level).default({}),
    /** Globs (relative to the config file) that `check` and `progress` skip. */
    ignore: z.array(z.string()).default([]),
    /** Files larger than this many bytes are refused with a one-line error. */
    maxFileSize: z.number().int().positive().optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type RuleLevel = z.infer<typeof level>;

export const DEFAULT_CONFIG: Config = { rules: {}, ignore: [] };

/** Parses and validates config data; throws one readable line on the first problems. */
export function parseConfig(data: unknown, knownRules: readonly string[], source = 'config'): Config {
  const result = ConfigSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${source}: ${problems.join('; ')}`);
  }
  const known = new Set(knownRules);
  const areas = new Set(knownRules.map((r) => r.split('/')[0]));
  for (const id of Object.keys(result.data.rules)) {
    const ok = id.endsWith('/*') ? areas.has(id.slice(0, -2)) : known.has(id);
    if (!ok) throw new Error(`${source}: rules: unknown rule "${id}" (run \`staffwork explain\` for the list)`);
  }
  return result.data;
}

/** The severity a rule runs at under `config`, or undefined when it is off. */
export function levelOf(config: Config, ruleId: string, fallback: Severity): Severity | undefined {
  const set = config.rules[ruleId] ?? config.rules[`${ruleId.split('/')[0]}/*`];
  if (set === 'off') return undefined;
  return set ?? fallback;
}
