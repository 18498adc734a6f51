// An error the user can act on: printed as one line, exits 2 (usage, config or read errors).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
