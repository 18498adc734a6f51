// The account, cohort and review API from the browser (same CSRF header as the workbench's).
export class ReviewApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-staffwork'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ReviewApiError(res.status, typeof data['error'] === 'string' ? data['error'] : `HTTP ${res.status}`);
  return data as T;
}

export interface AuthState {
  accounts: boolean;
  user: { id: string; username: string; admin: boolean } | null;
  setupAvailable: boolean;
}

export const authState = () => call<AuthState>('GET', '/api/auth/state');
