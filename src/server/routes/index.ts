// Mounts who the request is (authenticate) and the accounts, cohorts and review routes and their
// pages on the workbench app, after its Host, CSP, CSRF and body-limit middleware and before its
// own routes (which then work on the signed-in user's store).
import type { Context, Hono } from 'hono';
import type { CourseModule } from '../../core/index.ts';
import { type AuthEnv, authenticate } from '../auth/accounts.ts';
import { SetupGate } from '../auth/setup.ts';
import type { CheckPool } from '../checker/pool.ts';
import { openApiDocument } from '../openapi.ts';
import type { Storage } from '../storage/types.ts';
import { authRoutes } from './auth.ts';
import { cohortRoutes, moduleList } from './cohorts.ts';
import { reviewRoutes } from './reviews.ts';

export interface ReviewOptions {
  /** The first-run code printed on the console (none: the first account comes from `staffwork admin create-user`). */
  setupCode?: string;
  /** Reverse proxies whose X-Forwarded-For names the client (for the sign-in limits). */
  trustedProxies?: string[];
  /** Modules a cohort may be for besides the built-in ones (serve --module). */
  modules?: CourseModule[];
}

export function mountReview(app: Hono<AuthEnv>, o: { storage: Storage; pool: CheckPool; page: (c: Context<AuthEnv>, status: 200 | 404) => Response | Promise<Response> } & ReviewOptions): void {
  app.use('*', authenticate(o.storage, new Set(o.trustedProxies ?? [])));
  for (const path of ['/login', '/setup', '/account', '/invite/:token', '/cohorts', '/cohorts/:cohort', '/cohorts/:cohort/reviews/:review']) app.get(path, (c) => o.page(c, 200));
  let openapi: object | undefined;
  app.get('/api/openapi.json', (c) => c.json((openapi ??= openApiDocument())));
  const modules = moduleList(o.modules ?? []);
  app.route('/', authRoutes(o.storage, new SetupGate(o.setupCode)));
  app.route('/', cohortRoutes(o.storage, o.pool, modules));
  app.route('/', reviewRoutes(o.storage, o.pool, modules));
}
