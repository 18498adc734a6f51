// `staffwork new <kind> [file]`: a skeleton with every required section and its hint.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultModule, skeleton } from '../../core/index.ts';
import { CliError, firstLine } from '../errors.ts';
import { loadModuleFile } from '../settings.ts';

export async function newArtifact(kindId: string, file: string | undefined, opts: { title?: string; audience?: string; set?: string; module?: string }): Promise<number> {
  const module = opts.module ? loadModuleFile(opts.module) : defaultModule;
  const kind = module.kinds.find((k) => k.id === kindId);
  if (!kind) throw new CliError(`unknown kind "${kindId}"; expected one of ${module.kinds.map((k) => k.id).join(', ')}`);
  if (opts.audience !== undefined) {
    if (!kind.audiences)
      throw new CliError(
        `--audience: a ${kind.id} has no audiences${
          module.kinds.some((k) => k.audiences)
            ? ` (${module.kinds
                .filter((k) => k.audiences)
                .map((k) => k.id)
                .join(', ')} has)`
            : ''
        }`,
      );
    if (!kind.audiences.includes(opts.audience)) throw new CliError(`--audience ${opts.audience}: expected one of ${kind.audiences.join(', ')}`);
  }
  const text = skeleton(module, kind.id, {
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
    ...(opts.set !== undefined ? { set: opts.set } : {}),
  });
  const target = file ?? `${slug(opts.title ?? '') || [kind.id, opts.audience].filter(Boolean).join('-')}.md`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: fail rather than overwrite, even if the file appears between a check and the write.
    writeFileSync(target, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EEXIST' ? `${target}: already exists; not overwriting it` : `${target}: cannot write (${firstLine(e)})`);
  }
  process.stdout.write(`${target}\n`);
  return 0;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
