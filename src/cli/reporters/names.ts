// The report formats of `check`; kept apart from the reporters so `--help` loads none of them.
export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];
