// The first-run code: a server that starts without any account prints a one-time code on its
// console (as Jupyter and Grafana do), and /setup creates the admin only with it. Whoever can
// read the console runs the server; being "on loopback" proves nothing behind a reverse proxy.
import { randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Wrong codes before the gate closes for good (until the server restarts with a new code). */
export const SETUP_TRIES = 10;

/** 16 characters of 32 (80 bits), in groups of four: XXXX-XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
  return (chars.match(/.{4}/g) as string[]).join('-');
}

const normal = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export class SetupGate {
  #code: Buffer | undefined;
  #wrong = 0;
  constructor(code: string | undefined) {
    this.#code = code ? Buffer.from(normal(code)) : undefined;
  }

  /** Whether a code may still be tried. */
  get open(): boolean {
    return this.#code !== undefined;
  }

  /** Compares in constant time; after SETUP_TRIES wrong codes no code works any more. */
  check(given: string): boolean {
    if (!this.#code) return false;
    const g = Buffer.from(normal(given));
    const ok = g.length === this.#code.length && timingSafeEqual(g, this.#code);
    if (!ok && ++this.#wrong >= SETUP_TRIES) this.#code = undefined;
    return ok;
  }

  /** Used once: the first account exists. */
  close(): void {
    this.#code = undefined;
  }
}
