// The workbench API from the browser. Every state-changing request carries the CSRF header
// the server requires.
import type { ArtifactSummary, PortfolioResponse, Revision, RevisionMeta, SetMember } from '../core/page.ts';

export type { ArtifactSummary, PortfolioEntry, Revision, RevisionMeta, SetMember } from '../core/page.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-staffwork'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...init });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, typeof data['error'] === 'string' ? data['error'] : `HTTP ${res.status}`, data);
  return data as T;
}

export const api = {
  portfolio: () => call<PortfolioResponse>('GET', '/api/portfolio'),
  create: (body: { kind: string } | { text: string }) => call<{ artifact: ArtifactSummary; revision: RevisionMeta; text: string }>('POST', '/api/artifacts', body),
  get: (id: string) => call<{ artifact: ArtifactSummary; revision: Revision }>('GET', `/api/artifacts/${encodeURIComponent(id)}`),
  save: (id: string, text: string, baseRevision: number, keepalive = false) =>
    call<{ revision: RevisionMeta; unchanged: boolean }>('PUT', `/api/artifacts/${encodeURIComponent(id)}`, { text, baseRevision }, keepalive ? { keepalive: true } : {}),
  archived: () => call<{ artifacts: ArtifactSummary[] }>('GET', '/api/artifacts?archived=only'),
  archive: (id: string, archived: boolean) => call<{ artifact: ArtifactSummary }>('POST', `/api/artifacts/${encodeURIComponent(id)}/archive`, { archived }),
  set: (name: string) => call<{ set: string; members: SetMember[] }>('GET', `/api/sets/${encodeURIComponent(name)}`),
  revisions: (id: string) => call<{ revisions: RevisionMeta[] }>('GET', `/api/artifacts/${encodeURIComponent(id)}/revisions`),
  revision: (id: string, rev: number) => call<{ revision: Revision }>('GET', `/api/artifacts/${encodeURIComponent(id)}/revisions/${rev}`),
  restore: (id: string, revision: number, baseRevision: number) => call<{ revision: RevisionMeta; unchanged: boolean }>('POST', `/api/artifacts/${encodeURIComponent(id)}/restore`, { revision, baseRevision }),
};
