// Mounts the accounts, cohorts and review routes and their pages on the workbench app
// (after its Host, CSP, CSRF and body-limit middleware, and authenticate()).
import type { Context, Hono } from 'hono';
import type { CheckPool } from '../checker/pool.ts';
import { openApiDocument } from '../openapi.ts';
import type { Storage } from '../storage/types.ts';
import { authRoutes } from './auth.ts';
import { cohortRoutes } from './cohorts.ts';
import { reviewRoutes } from './reviews.ts';

export function mountReview(app: Hono<any>, o: { storage: Storage; pool: CheckPool; page: (c: Context<any>, status: 200 | 404) => Response | Promise<Response> }): void {
  for (const path of ['/login', '/setup', '/invite/:token', '/cohorts', '/cohorts/:cohort', '/cohorts/:cohort/reviews/:review']) app.get(path, (c) => o.page(c, 200));
  let openapi: object | undefined;
  app.get('/api/openapi.json', (c) => c.json((openapi ??= openApiDocument())));
  app.route('/', authRoutes(o.storage));
  app.route('/', cohortRoutes(o.storage, o.pool));
  app.route('/', reviewRoutes(o.storage));
}
