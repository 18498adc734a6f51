// The request bodies of the account, cohort and review routes, as zod schemas: the routes
// validate with them and /api/openapi.json is generated from them (z.toJSONSchema), so the
// document cannot drift from what the server accepts. Every route registers itself in `API`.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod/v4';

/**
 * A lone surrogate cannot be stored as UTF-8 (SQLite would keep U+FFFD, PostgreSQL refuses it):
 * every text the API stores is checked with this.
 */
export const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
const Prose = (max: number) => z.string().trim().min(1).max(max).refine(wellFormed, 'contains a lone surrogate (half of a UTF-16 pair)');
export const RoleSchema = z.enum(['learner', 'reviewer', 'instructor']);

export const Credentials = z.object({ username: z.string().max(40), password: z.string().max(1024) }).strict();
export const SetupBody = z
  .object({
    username: z.string().max(40),
    password: z.string().max(1024),
    code: z.string().max(100).describe('the one-time setup code the server printed on its console'),
  })
  .strict();
export const PasswordBody = z.object({ current: z.string().max(1024), password: z.string().max(1024).describe('the new password') }).strict();
export const DisableBody = z.object({ disabled: z.boolean() }).strict();
export const CreateUserBody = z.object({ username: z.string().max(40), password: z.string().max(1024), admin: z.boolean().optional() }).strict();
export const CreateCohortBody = z.object({ name: Prose(120), module: z.string().max(100), instructor: z.string().max(40).optional().describe('username of the instructor (default: you)') }).strict();
export const InviteBody = z
  .object({
    role: RoleSchema,
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .optional()
      .describe('how long the link works (default 72)'),
  })
  .strict();
export const AcceptInviteBody = z.union([z.object({}).strict(), Credentials]);
export const MemberBody = z.object({ username: z.string().max(40), role: RoleSchema }).strict();
export const RoleBody = z.object({ role: RoleSchema }).strict();
export const RequestBody = z
  .object({
    artifactId: z.string().max(40),
    reviewer: z.string().max(40).optional().describe('username of a reviewer of the cohort; default: any'),
    revision: z.number().int().positive().optional().describe('default: the head'),
  })
  .strict();
export const SubmitBody = z.object({ revision: z.number().int().positive().optional() }).strict();
export const ThreadBody = z
  .object({
    revision: z.number().int().positive().describe('the revision the comment is made on'),
    start: z.number().int().nonnegative().optional().describe('UTF-16 offset in that revision (a span comment)'),
    end: z.number().int().nonnegative().optional(),
    section: z.string().max(200).optional().describe('a section title (a comment on a whole section)'),
    sectionIndex: z.number().int().nonnegative().optional().describe('which of the sections with that title (0: the first); needed when several share it'),
    body: Prose(10_000),
    ruleId: z.string().max(100).optional(),
    criterion: z.string().max(100).optional().describe('a completion criterion id of the module'),
  })
  .strict();
export const ReplyBody = z.object({ body: Prose(10_000) }).strict();
export const StateBody = z
  .object({
    state: z.enum(['addressed', 'wont-change', 'resolved', 'reopened']),
    body: z.string().max(10_000).optional().describe('required for wont-change: why'),
  })
  .strict();

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  /** Who may call it: a list of roles, or 'public' / 'signed-in' / 'admin'. */
  access: string;
  body?: z.ZodType;
  query?: Record<string, string>;
}

/** Every account, cohort and review route, for the OpenAPI document (routes add themselves). */
export const API: RouteDoc[] = [];

export function doc(d: RouteDoc): void {
  if (!API.some((a) => a.method === d.method && a.path === d.path)) API.push(d);
}

/** A refusal with a one-line JSON error; the app's error handler sends it as it is (an HTTPException). */
export class BadRequest extends HTTPException {
  constructor(
    message: string,
    override readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }

  override getResponse(): Response {
    return Response.json({ error: this.message }, { status: this.status, headers: this.headers });
  }
}

/** The body, validated; a one-line 400 naming the first problem otherwise. */
export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new BadRequest('request body is not valid JSON');
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new BadRequest(`invalid request body: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape'}`);
  }
  return r.data;
}

/** `limit` (at most `max`, default `fallback`) and `offset` query parameters of a paged list. */
export const pageQuery = (c: Context, max = 200, fallback = 50) => ({
  limit: intQuery(c, 'limit', max) ?? fallback,
  offset: intQuery(c, 'offset') ?? 0,
});

/** A positive whole-number query parameter (or undefined), else a 400. */
export function intQuery(c: Context, key: string, max = 1_000_000_000): number | undefined {
  const raw = c.req.query(key);
  if (raw === undefined) return undefined;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > max) throw new BadRequest(`${key} must be a whole number up to ${max}`);
  return Number(raw);
}
