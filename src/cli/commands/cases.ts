// `staffwork cases [id]`: the module's case studies in the terminal, or as JSON.
import { createColors, isColorSupported } from 'picocolors';
import { defaultModule, type CaseStudy } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { loadModuleFile } from '../settings.ts';
import { table, wrap } from '../text.ts';

export async function cases(id: string | undefined, opts: { format: 'text' | 'json'; module?: string; color?: boolean }): Promise<number> {
  const module = opts.module ? loadModuleFile(opts.module) : defaultModule;
  const c = createColors(opts.color ?? isColorSupported);
  if (id === undefined) {
    if (opts.format === 'json') process.stdout.write(JSON.stringify(module.caseStudies, null, 2) + '\n');
    else {
      const kindWidth = Math.max(...module.caseStudies.map((cs) => cs.kind.length));
      process.stdout.write(`${c.bold(module.title)}\n\n`);
      for (const cs of module.caseStudies) process.stdout.write(`  ${String(cs.id).padStart(2)}  ${c.cyan(cs.kind.padEnd(kindWidth))}  ${cs.title}\n`);
      process.stdout.write(`\n${c.dim('`staffwork cases <number>` prints one; `staffwork new <kind>` starts its artifact.')}\n`);
    }
    return 0;
  }
  const found = module.caseStudies.find((cs) => String(cs.id) === id || cs.slug === id);
  if (!found) throw new CliError(`no case study "${id}"; this module has ${module.caseStudies.map((cs) => `${cs.id} (${cs.slug})`).join(', ')}`);
  process.stdout.write(opts.format === 'json' ? JSON.stringify(found, null, 2) + '\n' : render(found, c));
  return 0;
}

function render(cs: CaseStudy, c: ReturnType<typeof createColors>): string {
  const heading = (s: string) => `\n${c.bold(s)}\n`;
  const fields = cs.betterApproach.fields.map((f) => `  ${c.cyan(`${f.label}:`)}\n${f.value.map((v) => `    ${v}`).join('\n')}`).join('\n');
  return [
    c.bold(`Case study ${cs.id}: ${cs.title}`) + c.dim(`  (${cs.kind})`),
    heading('Scenario'),
    wrap(cs.scenario, '  '),
    heading('Source anchor'),
    wrap(cs.sourceAnchor, '  '),
    heading('Module concepts'),
    `  ${cs.concepts.join(', ')}`,
    heading(c.red('Wrong approach')),
    wrap(cs.wrongApproach, '  '),
    heading(c.green('Better approach')),
    wrap(cs.betterApproach.intro, '  '),
    fields,
    heading('Tradeoff table'),
    table(cs.tradeoffTable.columns, cs.tradeoffTable.rows),
    heading('Required artifact'),
    wrap(cs.requiredArtifact, '  '),
    '',
    c.dim(`Start it: staffwork new ${cs.kind}`),
    '',
  ].join('\n');
}
