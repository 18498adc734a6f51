// Clients with their own session cookie against a real server on a real SQLite file, and a
// cohort set up through the API as an instructor would: an admin, an instructor, a reviewer and
// two learners (invited by link), and a learner of another cohort.
import { request } from 'node:http';
import { tempServer, type TestServer } from './helpers.ts';

export interface Client {
  name: string;
  cookie: string | undefined;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, string | string[] | undefined> }>;
}

export function client(server: TestServer, name = 'anonymous'): Client {
  const self: Client = {
    name,
    cookie: undefined,
    call(method, path, body, headers = {}) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const all: Record<string, string> = { 'content-type': 'application/json', ...(method === 'GET' ? {} : { 'x-staffwork': '1' }), ...(self.cookie ? { cookie: self.cookie } : {}), ...headers };
      return new Promise((ok, fail) => {
        const req = request(server.url + path, { method, headers: all }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const set = res.headers['set-cookie']?.find((c) => c.startsWith('staffwork_session='));
            if (set) {
              const value = set.split(';')[0] as string;
              self.cookie = /=$/.test(value) || /Max-Age=0/i.test(set) ? undefined : value;
            }
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON
            }
            ok({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
          });
        });
        req.on('error', fail);
        req.end(payload);
      });
    },
  };
  return self;
}

export const PASSWORD = 'correct horse battery';

export const STRATEGY = `# Strategy: Payments platform

## Diagnosis

Our checkout fails 4% of the time because the card vault times out under load, per the March incident log.

## Guiding policy

We will leverage synergies to drive world-class outcomes.

## Coherent actions

- Move the vault to a dedicated cluster by June 30 (owner: Priya).
`;

export interface Cohort {
  server: TestServer;
  admin: Client;
  instructor: Client;
  reviewer: Client;
  learner: Client;
  learner2: Client;
  outsider: Client;
  anonymous: Client;
  cohortId: string;
  otherCohortId: string;
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, status = 200): Promise<T> {
  const r = await p;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}
export { ok };

/** Joins by an invite link as a new account. */
export async function invited(server: TestServer, by: Client, cohortId: string, role: string, username: string): Promise<Client> {
  const inv = await ok(by.call('POST', `/api/cohorts/${cohortId}/invites`, { role }), 201);
  const c = client(server, username);
  await ok(c.call('POST', `/api/invites/${inv.token}/accept`, { username, password: PASSWORD }));
  return c;
}

export async function cohortFixture(server?: TestServer): Promise<Cohort> {
  server ??= await tempServer();
  const admin = client(server, 'admin');
  await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: server.setupCode ?? '' }), 201);
  await ok(admin.call('POST', '/api/admin/users', { username: 'ines', password: PASSWORD }), 201);
  const instructor = client(server, 'instructor');
  await ok(instructor.call('POST', '/api/auth/login', { username: 'ines', password: PASSWORD }));
  const { cohort } = await ok(admin.call('POST', '/api/cohorts', { name: 'Spring cohort', module: 'leadership-case-studies', instructor: 'ines' }), 201);
  const { cohort: other } = await ok(admin.call('POST', '/api/cohorts', { name: 'Other cohort', module: 'leadership-case-studies' }), 201);
  const reviewer = await invited(server, instructor, cohort.id, 'reviewer', 'rita');
  const learner = await invited(server, instructor, cohort.id, 'learner', 'leo');
  const learner2 = await invited(server, instructor, cohort.id, 'learner', 'lena');
  const outsider = await invited(server, admin, other.id, 'learner', 'otto');
  return { server, admin, instructor, reviewer, learner, learner2, outsider, anonymous: client(server), cohortId: cohort.id, otherCohortId: other.id };
}
