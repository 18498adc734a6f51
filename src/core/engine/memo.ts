// What a surface keeps between checks of the same document (the language server per document,
// the workbench's lint worker, the CLI per run): answers that are pure functions of their input,
// so keeping them cannot carry one check's findings into another. The core keeps no caches of
// its own; without a memo every check starts cold. Only wink's read-only model is loaded once
// per process (src/core/nlp/engine.ts).
import type { TitleInfo } from '../kinds/detect.ts';
import type { RelToken } from '../nlp/index.ts';

export interface CheckMemo {
  /** The language layer's tagging of each paragraph, by its text (bounded). */
  readonly nlpUnits: Map<string, RelToken[][]>;
  /** The stem of each title word (headings are matched against the module's section names). */
  readonly stems: Map<string, string>;
  /** What is known of each heading or label title: its words, stems, key (documents share most of their titles). */
  readonly titles: Map<string, TitleInfo>;
}

export function createCheckMemo(): CheckMemo {
  return { nlpUnits: new Map(), stems: new Map(), titles: new Map() };
}
