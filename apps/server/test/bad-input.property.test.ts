import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveApp } from './support/live-app.js';
import {
  REFUSED_KINDS,
  sweep,
  operationsOf,
  policyOf,
  requestArbitrary,
  type OpenApiDocument,
  type Operation,
  type Policy,
} from './support/bad-input/routes.js';
import {
  adminCall,
  clip,
  describeRequest,
  differences,
  seedWorkspace,
  send,
  settle,
  snapshot,
  waitUntilFinished,
  type Outcome,
  type RawRequest,
  type Seeded,
} from './support/bad-input/world.js';

/**
 * Every route of the OpenAPI document, driven with generated invalid input (wrong types, missing
 * fields, 100 KB strings, 2 000 levels of nesting, broken Unicode, prototype-pollution keys,
 * injections, path traversal, garbage query strings, foreign content types, malformed JSON) as a
 * signed-in admin, so handlers and their validation are reached, not only the 401 gate. It holds
 * that the server never answers 5xx, that every 4xx is `{ error, code }` JSON, and that what the
 * seeded workspace's read endpoints answer does not change.
 *
 * Reproducible: a fixed seed unless FC_SEED is set; a failure prints fast-check's seed and path.
 * FC_RUNS scales every route's number of runs (e.g. FC_RUNS=10 for a long soak).
 */
const SEED = Number(process.env.FC_SEED ?? 20_250_611);
const SCALE = Number(process.env.FC_RUNS ?? 1);
/** FC_REPORT=1 prints, per route, how often each status and code came back. */
const REPORT = process.env.FC_REPORT === '1';

/**
 * Random runs per route, within a budget of about a minute on two cores, on top of the per-field
 * sweep (every body field alone with each of six wrong types, every query parameter alone with
 * each of six hostile values). Routes that hash a password
 * (scrypt on every call) or that may start a run get fewer; the rest get the default.
 */
const DEFAULT_RUNS = 20;
const RUNS: Record<string, number> = {
  'POST /auth/register': 12,
  'POST /auth/login': 12,
  'POST /auth/reset-password': 12,
  'DELETE /auth/account': 12,
  'GET /auth/export': 12,
  'POST /projects/{id}/run': 16,
  'POST /projects/{id}/crawl': 16,
  'POST /projects/{id}/trigger': 16,
  'POST /tests/{testId}/run': 16,
};

/**
 * Documented 5xx answers to a request that was valid: the server cannot serve it as configured
 * (503: no AI provider in this workspace, no OAuth app on this server), or the outside world did
 * not answer (502: POST /test-connection exists to report that a URL cannot be reached).
 * Generated input valid enough to get that far gets them; any other 5xx is a failure.
 */
const UNAVAILABLE: Record<string, string[]> = {
  'POST /projects/{id}/tests/generate': ['AI_PROVIDER_NOT_CONFIGURED'],
  'GET /auth/github/callback': ['AUTH_OAUTH_NOT_CONFIGURED'],
  'GET /auth/google/callback': ['AUTH_OAUTH_NOT_CONFIGURED'],
  'POST /test-connection': ['UPSTREAM_UNREACHABLE'],
};

/** Routes anyone may call: a 401 there is an answer about the input, not a refused session. */
const PUBLIC =
  /^\/(openapi\.json|auth\/(register|login|verify|resend-verification|forgot-password|reset-password|github\/callback|google\/callback))$/;

const t = await startLiveApp({
  env: {
    RATE_LIMIT_GENERAL: '10000000/1m',
    RATE_LIMIT_LOGIN: '1000000/1m',
    RATE_LIMIT_FORGOT: '1000000/1m',
    RATE_LIMIT_RESET: '1000000/1m',
    RATE_LIMIT_EXPENSIVE: '1000000/1m',
    RATE_LIMIT_AI: '1000000/1m',
    MAX_TEST_RETRIES: '0',
  },
});
const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
const operations = operationsOf(document);

/** A mutation answered 2xx to generated input and changed data: suspicious, reported at the end. */
interface Accepted {
  route: string;
  request: string;
  status: number;
  changed: string[];
}

describe('bad input, on every route of the OpenAPI document', () => {
  let seed: Seeded;
  const accepted: Accepted[] = [];
  const answers = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    seed = await seedWorkspace(t);
  }, 120_000);

  afterAll(async () => {
    if (REPORT) {
      const lines = [...answers].map(
        ([route, counts]) => `${route}: ${[...counts].map(([answer, n]) => `${answer}×${n}`).join(', ')}`,
      );
      console.warn(`Answers per route:\n${lines.join('\n')}`);
    }
    if (accepted.length > 0) console.warn(`Accepted mutations with generated input:\n${describeAccepted(accepted)}`);
    await t.close();
  });

  it('covers every API route the server registers', () => {
    const registered = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/v1/') && !route.hidden && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.map((operation) => operation.key).sort()).toEqual([...new Set(registered)].sort());
  });

  it.each(operations.map((operation) => [operation.key, operation] as const))(
    '%s',
    async (_key, operation) => {
      const policy = policyOf(operation);
      let baseline = await snapshot(t, seed);
      const property = fc.asyncProperty(requestArbitrary(operation, policy, seed), async ({ request, kind }) => {
        const sent: RawRequest = {
          ...request,
          headers: { ...request.headers, authorization: await credentials(operation, policy) },
        };
        const outcome = await send(t, sent);
        const counts = answers.get(operation.key) ?? new Map<string, number>();
        const answer = `${outcome.status} ${String(jsonOf(outcome.body)?.code ?? '')}`.trim();
        answers.set(operation.key, counts.set(answer, (counts.get(answer) ?? 0) + 1));
        const problems = problemsOf(operation, kind, outcome);
        const runId = startedRun(operation, outcome);
        if (runId) await stopRun(runId);
        // Reads are compared once per route, below; writes after every request that got as far as
        // a handler, so a change is pinned on the request that made it. (A refusal before any
        // handler ran, such as a body that is not JSON, is covered by the per-route check below.)
        if (operation.method !== 'GET' && !BEFORE_ANY_HANDLER.has(String(jsonOf(outcome.body)?.code))) {
          const after = await snapshot(t, seed);
          const changed = differences(baseline, after);
          if (changed.length > 0) {
            // A 2xx means the server took the generated input as valid: its change is excluded
            // from the invariance check (and reported as suspicious at the end), and the data as
            // it now is becomes the baseline. Without a 2xx, the change is a failure.
            if (outcome.status >= 200 && outcome.status < 300) {
              accepted.push({
                route: operation.key,
                request: describeRequest(sent, kind),
                status: outcome.status,
                changed,
              });
            } else {
              problems.push(`data changed although the answer was ${outcome.status}:`, ...changed);
            }
            baseline = after;
          }
        }
        if (problems.length > 0) {
          const ownAccepted = accepted.filter((entry) => entry.route === operation.key);
          throw new Error(
            [
              ...problems,
              `request: ${describeRequest(sent, kind)}`,
              `answer: ${outcome.status} ${outcome.contentType} ${clip(outcome.body, 400)}`,
              ...serverErrorsOf(outcome.requestId),
              ...(ownAccepted.length > 0
                ? [`this route accepted (2xx) and changed data:\n${describeAccepted(ownAccepted, true)}`]
                : []),
              `reproduce: FC_SEED=${SEED} npx vitest run apps/server/test/bad-input.property.test.ts -t '${operation.key}'`,
            ].join('\n'),
          );
        }
      });
      // Every body field and query parameter alone first (fast-check runs `examples` before the rest).
      const examples = sweep(operation, policy, seed).map((generated) => [generated] as [typeof generated]);
      const random = Math.max(1, Math.round((RUNS[operation.key] ?? DEFAULT_RUNS) * SCALE));
      await fc.assert(property, { numRuns: examples.length + random, examples, seed: SEED });
      // Whatever changed since the last accepted (2xx) write was changed by input the server refused.
      expect(differences(baseline, await snapshot(t, seed)), `${operation.key} changed data`).toEqual([]);
    },
    120_000,
  );

  /** What the server logged as an error for this request: the cause of a 500. */
  function serverErrorsOf(requestId: string): string[] {
    return t.logs
      .filter((line) => line.reqId === requestId && Number(line.level) >= 50)
      .map((line) => {
        const err = line.err as { message?: string; stack?: string } | undefined;
        return `server log: ${String(line.msg)}: ${(err?.stack ?? err?.message ?? '').split('\n').slice(0, 6).join('\n  ')}`;
      });
  }

  /** The session a request carries: the admin's, a fresh one for routes that end it, or the CI token. */
  async function credentials(operation: Operation, policy: Policy): Promise<string> {
    if (operation.trigger) return `Bearer ${seed.triggerToken}`;
    if (!policy.freshSession) return `Bearer ${seed.admin.token}`;
    const user = { id: seed.admin.userId, email: seed.admin.email, name: 'Admin' };
    const { token } = await t.container.services.sessions.issue(user, seed.admin.workspaceId);
    return `Bearer ${token}`;
  }

  /**
   * A run or crawl that generated input managed to start is stopped at once and awaited, until
   * what it leaves behind (its status, activities, the test's last result) has stopped changing.
   */
  async function stopRun(runId: string) {
    await adminCall(t, seed.admin, 'POST', `/runs/${runId}/abort`);
    await waitUntilFinished(t, seed.admin, runId);
    await settle(t, seed);
  }
});

/** Codes given before any route handler runs: the request cannot have written anything. */
const BEFORE_ANY_HANDLER = new Set([
  'REQUEST_MALFORMED_JSON',
  'REQUEST_MALFORMED_BODY',
  'REQUEST_MALFORMED_URL',
  'REQUEST_BODY_TOO_LARGE',
  'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_HEADERS_TOO_LARGE',
  'REQUEST_ROUTE_NOT_FOUND',
  'AUTH_CSRF_MISMATCH',
]);

const PRISTINE_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What is wrong with an answer, whatever the input was. */
function problemsOf(operation: Operation, kind: string, outcome: Outcome): string[] {
  const problems: string[] = [];
  const { status } = outcome;
  if (status >= 500) {
    const code = jsonOf(outcome.body)?.code;
    const allowed =
      (status === 502 || status === 503) && typeof code === 'string' && UNAVAILABLE[operation.key]?.includes(code);
    if (!allowed) problems.push(`answered ${status}`);
  }
  if (status >= 400 && status < 500) {
    if (!/^application\/json\b/.test(outcome.contentType)) problems.push(`a ${status} that is not JSON`);
    const body = jsonOf(outcome.body);
    if (typeof body?.error !== 'string' || typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code))
      problems.push(`a ${status} without a string "error" and an UPPER_SNAKE "code"`);
  }
  if (REFUSED_KINDS.has(kind) && operation.method !== 'GET' && (status < 400 || status >= 500))
    problems.push(`a request with a ${kind} was not refused`);
  // The server runs in this process: a `__proto__` or `constructor.prototype` that got through would show here.
  const polluted = Object.getOwnPropertyNames(Object.prototype).filter((name) => !PRISTINE_PROTOTYPE.has(name));
  if (polluted.length > 0) problems.push(`Object.prototype was polluted with ${polluted.join(', ')}`);
  if (status === 401 && !operation.trigger && !PUBLIC.test(operation.path))
    problems.push('the valid session was refused: the handler was never reached');
  return problems;
}

function startedRun(operation: Operation, outcome: Outcome): string | undefined {
  if (operation.method === 'GET' || outcome.status < 200 || outcome.status >= 300) return undefined;
  const runId = jsonOf(outcome.body)?.runId;
  return typeof runId === 'string' ? runId : undefined;
}

function jsonOf(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describeAccepted(list: Accepted[], detail = false): string {
  return list
    .map((entry) =>
      detail
        ? `  ${entry.route} → ${entry.status}: ${entry.request}\n    ${entry.changed.join('\n    ')}`
        : `  ${entry.route} → ${entry.status}: ${entry.request}\n    changed: ${entry.changed.map((line) => line.slice(0, line.indexOf(':'))).join(', ')}`,
    )
    .join('\n');
}
