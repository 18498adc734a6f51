// `staffwork lsp`: the language server; src/lsp owns it, loaded only here.
export async function lsp(opts: { stdio?: boolean; nodeIpc?: boolean; socket?: string; pipe?: string }): Promise<number> {
  const { startLanguageServer } = await import('../../lsp/index.ts');
  // stdio unless another transport is named (vscode-languageserver then reads it from argv).
  startLanguageServer({ stdio: !(opts.nodeIpc || opts.socket || opts.pipe) });
  return 0;
}
