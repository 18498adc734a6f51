// `staffwork explain [rule]`: a rule's docs in the terminal (why, the better approach, a bad
// and a good example, and what the checker says on the bad one); no rule: the list.
import { createColors, isColorSupported } from 'picocolors';
import { builtinRules, checkText, defaultModule, type AnyRule } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { ruleDocsUri } from '../paths.ts';
import { wrap } from '../text.ts';

export async function explain(id: string | undefined, opts: { color?: boolean }): Promise<number> {
  const c = createColors(opts.color ?? isColorSupported);
  const rules = [...builtinRules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  if (id === undefined) {
    const width = Math.max(...rules.map((r) => r.meta.id.length));
    process.stdout.write(`${c.bold(`${rules.length} rules`)}  ${c.dim('(`staffwork explain <rule>` for one)')}\n\n`);
    let area = '';
    for (const r of rules) {
      const a = r.meta.id.split('/')[0] as string;
      if (a !== area && area) process.stdout.write('\n');
      area = a;
      process.stdout.write(`  ${r.meta.id.padEnd(width)}  ${severity(r, c)}  ${r.meta.docs.description}\n`);
    }
    return 0;
  }
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const near = rules.filter((r) => r.meta.id.includes(id) || id.includes(r.meta.id.split('/')[1] as string)).map((r) => r.meta.id);
    throw new CliError(`no rule "${id}"${near.length ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''} (\`staffwork explain\` lists them)`);
  }
  process.stdout.write(render(rule, c));
  return 0;
}

function severity(rule: AnyRule, c: ReturnType<typeof createColors>): string {
  const s = rule.meta.severity;
  return (s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue)(s.padEnd(7));
}

function render(rule: AnyRule, c: ReturnType<typeof createColors>): string {
  const { meta } = rule;
  const { docs } = meta;
  const heading = (s: string) => `\n${c.bold(s)}\n`;
  const example = (md: string) =>
    md
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => c.dim('  │ ') + l)
      .join('\n');
  const facts = [meta.severity, meta.kinds ? `applies to ${meta.kinds.join(', ')}` : 'applies to every artifact', ...(meta.fixable ? ['fixable with --fix'] : [])];
  const teaches = [docs.caseStudy ? `case study ${docs.caseStudy}` : '', docs.concept ? `concept: ${docs.concept}` : ''].filter(Boolean).join(' · ');
  const said = 'checkSet' in rule ? [] : checkText(docs.bad, { module: defaultModule, rules: [rule] }).diagnostics;
  return [
    `${c.bold(meta.id)}  ${c.dim(`(${facts.join('; ')})`)}`,
    wrap(docs.description),
    ...(teaches ? [c.dim(teaches)] : []),
    heading('Why'),
    wrap(docs.why, '  '),
    heading(c.green('Better approach')),
    wrap(docs.better, '  '),
    heading(c.red('Bad')),
    example(docs.bad),
    ...(said.length ? ['', ...said.map((d) => `  ${c.dim(`${d.loc.start.line}:${d.loc.start.column}`)} ${d.message}`)] : []),
    heading(c.green('Good')),
    example(docs.good),
    '',
    c.dim(`Docs: ${ruleDocsUri(meta.id)}`),
    '',
  ].join('\n');
}
