// Checks the editor's text off the page's main thread, so typing never waits for the rules.
import { analyse } from './analyse.ts';

export interface LintRequest {
  seq: number;
  text: string;
  filePath: string;
}

self.onmessage = (e: MessageEvent<LintRequest>) => {
  const t0 = performance.now();
  const analysis = analyse(e.data.text, e.data.filePath);
  self.postMessage({ seq: e.data.seq, analysis, pass: performance.now() - t0 });
};
