// Runs the language server from source (tests and development), as `staffwork lsp --stdio` does.
import { startLanguageServer } from './index.ts';

startLanguageServer({ stdio: true });
