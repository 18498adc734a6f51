// /api/openapi.json: generated from the zod schemas the account, cohort and review routes
// validate with (z.toJSONSchema), and the routes' own registrations, so it cannot drift from them.
// The artifact routes of app.ts are listed by path with their bodies described in prose.
import { z } from 'zod/v4';
import { API, type RouteDoc } from './routes/schemas.ts';

const CORE: RouteDoc[] = [
  { method: 'get', path: '/api/portfolio', summary: 'Your artifacts with finding counts, and the completion standard', access: 'signed-in (or the local learner)' },
  { method: 'get', path: '/api/artifacts', summary: 'Your artifacts (?archived=only|include|exclude)', access: 'signed-in (or the local learner)' },
  { method: 'post', path: '/api/artifacts', summary: 'Create an artifact from {text} or {kind, title?}', access: 'signed-in (or the local learner)' },
  { method: 'get', path: '/api/artifacts/{id}', summary: 'An artifact and its head revision', access: 'the writer' },
  { method: 'put', path: '/api/artifacts/{id}', summary: 'Save {text, baseRevision}; 409 when the base is stale', access: 'the writer' },
  { method: 'get', path: '/api/artifacts/{id}/revisions', summary: 'The history, newest first (?limit, ?before)', access: 'the writer' },
  { method: 'get', path: '/api/artifacts/{id}/events', summary: 'Server-sent events for new revisions', access: 'the writer' },
];

export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of [...CORE, ...API]) {
    const params = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = Object.entries(r.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }));
    const op: Record<string, unknown> = {
      summary: r.summary,
      description: `Who may call it: ${r.access}.`,
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      responses: { default: { description: 'JSON; errors are {"error": "one line"} with a 4xx status', content: { 'application/json': { schema: { type: 'object' } } } } },
    };
    if (r.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } };
    if (r.method !== 'get') op['parameters'] = [...((op['parameters'] as object[]) ?? []), { name: 'x-staffwork', in: 'header', required: true, description: 'must be 1 (CSRF guard)', schema: { type: 'string', enum: ['1'] } }];
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'staffwork workbench API',
      version: '1',
      description: 'Artifacts, accounts, cohorts and review threads. Sign in with POST /api/auth/login (an HttpOnly session cookie); state-changing requests carry the header x-staffwork: 1.',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'staffwork_session' } } },
    security: [{ session: [] }],
    paths,
  };
}
