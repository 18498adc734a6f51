import type { AnyRule, Diagnostic } from '../../core/index.ts';

/** One checked file as reporters see it: findings already filtered (--quiet) and counted. */
export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** Relative to the working folder, forward slashes. */
  display: string;
  diagnostics: readonly Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface ReportContext {
  rules: readonly AnyRule[];
  color: boolean;
  version: string;
}

export type Reporter = (files: ReportFile[], context: ReportContext) => string;
