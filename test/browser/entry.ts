// The browser tests' own entry: the workbench app plus a hook that exposes the mounted editor
// as `window.__staffwork`. The harness bundles this and serves it in place of the production
// app.js, so the production bundle carries no test global.
import { editorMounted, type EditorHandle } from '../../src/web/test-hooks.ts';

declare global {
  interface Window {
    __staffwork?: EditorHandle;
  }
}

editorMounted.push((handle) => {
  window.__staffwork = handle;
});
void import('../../src/web/app.ts');
