// SARIF 2.1.0 as GitHub code scanning reads it: every rule with its help in tool.driver.rules,
// each finding a result with a level and a region; paths relative to the working folder
// (%SRCROOT%, the repository root when run there in CI).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule, Severity } from '../../core/index.ts';
import { ruleDocsUri } from '../paths.ts';
import type { ReportFile, Reporter } from './types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function ruleOf(rule: AnyRule) {
  const { id, docs, severity } = rule.meta;
  return {
    id,
    name: id.replace(/(^|[/-])(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: docs.description },
    fullDescription: { text: docs.why },
    help: {
      text: `${docs.why}\n\nBetter: ${docs.better}`,
      markdown: `${docs.why}\n\n**Better:** ${docs.better}\n\nBad:\n\n\`\`\`markdown\n${docs.bad}\`\`\`\n\nGood:\n\n\`\`\`markdown\n${docs.good}\`\`\``,
    },
    helpUri: ruleDocsUri(id),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['documentation', ...(docs.concept ? [docs.concept] : [])], ...(docs.caseStudy ? { caseStudy: docs.caseStudy } : {}) },
  };
}

/** Relative to %SRCROOT% when under the working folder; an absolute file URI otherwise. */
function artifactOf(f: ReportFile) {
  if (isAbsolute(f.display)) return { uri: pathToFileURL(f.path).href };
  return { uri: f.display.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export const sarif: Reporter = (files, context) => {
  const rules = [...context.rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactOf(f),
            region: { startLine: d.loc.start.line, startColumn: d.loc.start.column, endLine: d.loc.end.line, endColumn: d.loc.end.column },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'staffwork', semanticVersion: context.version, version: context.version, rules: rules.map(ruleOf) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd()).href + '/' } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
