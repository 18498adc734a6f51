// Which PostgreSQL client errors mean "the database is unavailable" (down, restarting, out of
// connections) rather than a bug: those requests get a 503. No `pg` import, so the app can ask
// without loading the driver.
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined;
  const code = err?.code ?? '';
  if (/^(08|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Client was closed/i.test(err?.message ?? '');
}
