// Where to go after signing in: only a path on this origin. Resolving with URL catches what a
// prefix check misses (`/\evil.example`, `/%09/evil.example`, `//evil.example`).
export function safeNext(next: string | null, origin: string): string {
  if (!next) return '/';
  try {
    const u = new URL(next, origin);
    return u.origin === origin ? `${u.pathname}${u.search}${u.hash}` : '/';
  } catch {
    return '/';
  }
}
