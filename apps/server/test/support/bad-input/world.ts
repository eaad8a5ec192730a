import type { LiveApp } from '../live-app.js';
import type { TestSession } from '../sessions.js';
import { signUp } from '../sessions.js';

/** A request as the property test sends it: everything already encoded, nothing left to the client. */
export interface RawRequest {
  method: string;
  /** `/api/v1/...` with the query string, exactly as sent. */
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Read over real HTTP and cut short: the route answers with an event stream. */
  stream: boolean;
}

export interface Outcome {
  status: number;
  contentType: string;
  body: string;
  /** To find what the server logged about this request. */
  requestId: string;
}

/** What the seed created, by the name a route parameter gives it. */
export interface Seeded {
  admin: TestSession;
  member: TestSession;
  projectId: string;
  /** Live tests: [0] approved, the others drafts (some generated from an OpenAPI document). */
  testIds: string[];
  binnedTestId: string;
  /** The generation run, and the test run when Chromium is available. */
  runIds: string[];
  tokenId: string;
  triggerToken: string;
  /** File names of the test run's evidence (screenshots, traces), as artifact URLs name them. */
  artifactFiles: string[];
}

const API = '/api/v1';
const OPENAPI = `openapi: 3.0.0
info: { title: Items, version: '1' }
paths:
  /api/items:
    get:
      responses:
        '200': { description: ok }
`;

/** One JSON call as the admin, for seeding and for clean-up; anything but `expected` throws. */
export async function adminCall(
  t: LiveApp,
  admin: TestSession,
  method: string,
  path: string,
  body?: unknown,
  expected?: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- seed answers are read field by field
): Promise<{ status: number; json: any }> {
  const response = await t.app.inject({
    method: method as 'GET',
    url: `${API}${path}`,
    headers: { authorization: `Bearer ${admin.token}` },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  if (expected !== undefined && response.statusCode !== expected)
    throw new Error(`seed: ${method} ${path} answered ${response.statusCode} ${response.body.slice(0, 300)}`);
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
}

export async function waitUntilFinished(t: LiveApp, admin: TestSession, runId: string, timeoutMs = 60_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const { json } = await adminCall(t, admin, 'GET', `/runs/${runId}`);
    if (json?.status !== 'running') return json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} still running after ${timeoutMs} ms`);
}

/**
 * A workspace with something in every corner, built through the HTTP API: a project, tests
 * (approved, draft, binned), a generation run and a real test run, a schedule, notification
 * settings, a CI trigger token and a second member.
 */
export async function seedWorkspace(t: LiveApp): Promise<Seeded> {
  const admin = await signUp(t.app, { name: 'Admin' });
  const member = await signUp(t.app, { name: 'Member' });
  const call = (method: string, path: string, body?: unknown, expected?: number) =>
    adminCall(t, admin, method, path, body, expected);
  await call('POST', '/workspaces/current/members', { email: member.email, role: 'viewer' }, 201);
  // Port 9 (discard) refuses at once: a run or crawl that slips through fails fast.
  const project = await call('POST', '/projects', { name: 'Shop', url: 'http://127.0.0.1:9/' }, 201);
  const projectId = project.json.id as string;
  const testIds: string[] = [];
  for (const name of ['Checkout works', 'Search finds items', 'Binned test']) {
    const created = await call(
      'POST',
      `/projects/${projectId}/tests`,
      { name, steps: ['Open the shop', { action: 'click', selector: '#buy' }], tags: ['smoke'] },
      201,
    );
    testIds.push(created.json.id as string);
  }
  const binnedTestId = testIds.pop() as string;
  await call('DELETE', `/projects/${projectId}/tests/${binnedTestId}`, undefined, 200);
  await call('PATCH', `/projects/${projectId}/tests/${testIds[0]}/approve`, undefined, 200);

  const generated = await call(
    'POST',
    `/projects/${projectId}/tests/generate`,
    { name: 'Items API', description: `Cover the items API.\n--- Attached file: items.yaml ---\n${OPENAPI}` },
    202,
  );
  const runIds = [generated.json.runId as string];
  const generation = await waitUntilFinished(t, admin, runIds[0] as string);
  if (generation.status !== 'completed') throw new Error(`seed: generation ended ${generation.status}`);

  // A real run (Chromium against a closed port) gives reports and artifacts; skipped without Chromium.
  const artifactFiles = new Set<string>();
  const started = await call('POST', `/projects/${projectId}/run`, {});
  if (started.status === 200) {
    const testRunId = started.json.runId as string;
    runIds.push(testRunId);
    const run = await waitUntilFinished(t, admin, testRunId, 90_000);
    for (const match of JSON.stringify(run).matchAll(/\/api\/v1\/artifacts\/runs\/[^/"]+\/[^/"]+\/([^/"?]+)/g))
      artifactFiles.add(match[1] as string);
  } else if (started.json?.code !== 'RUN_BROWSER_UNAVAILABLE') {
    throw new Error(`seed: run answered ${started.status} ${JSON.stringify(started.json)}`);
  }

  const tests = await call('GET', `/projects/${projectId}/tests`, undefined, 200);
  for (const test of tests.json as { id: string }[]) if (!testIds.includes(test.id)) testIds.push(test.id);

  await call(
    'PATCH',
    `/projects/${projectId}/schedule`,
    { cronExpr: '0 3 * * 1', timezone: 'UTC', enabled: false },
    200,
  );
  await call(
    'PATCH',
    `/projects/${projectId}/notifications`,
    { emailRecipients: 'qa@example.test', webhookUrl: 'http://127.0.0.1:9/hook', enabled: false },
    200,
  );
  const token = await call('POST', `/projects/${projectId}/trigger-tokens`, { label: 'CI' }, 201);
  const seeded: Seeded = {
    admin,
    member,
    projectId,
    testIds,
    binnedTestId,
    runIds,
    tokenId: token.json.id as string,
    triggerToken: token.json.token as string,
    artifactFiles: [...artifactFiles],
  };
  await settle(t, seeded);
  return seeded;
}

/** Waits (5 s at most) until what a finished run leaves behind has stopped changing. */
export async function settle(t: LiveApp, seed: Seeded): Promise<void> {
  let previous = await snapshot(t, seed);
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await snapshot(t, seed);
    if (differences(previous, current).length === 0) return;
    previous = current;
  }
}

/** Fields that change by reading or by time, not by a write. */
const VOLATILE = new Set(['lastUsedAt', 'uptime']);

/** What every read endpoint of the seeded workspace answers, normalised; compared before and after. */
export async function snapshot(t: LiveApp, seed: Seeded): Promise<Map<string, string>> {
  const p = `/projects/${seed.projectId}`;
  const paths = [
    '/auth/me',
    '/workspaces',
    '/workspaces/current',
    '/workspaces/current/members',
    '/settings',
    '/projects',
    p,
    `${p}/tests`,
    `${p}/tests/counts`,
    `${p}/tests/traceability`,
    '/tests',
    ...seed.testIds.map((id) => `/tests/${id}`),
    `/tests/${seed.testIds[0]}/baselines`,
    `${p}/runs`,
    ...seed.runIds.map((id) => `/runs/${id}`),
    `${p}/schedule`,
    `${p}/schedule/history`,
    `${p}/notifications`,
    `${p}/notifications/deliveries`,
    `${p}/trigger-tokens`,
    '/recycle-bin',
    '/activities?limit=500',
  ];
  const answers = await Promise.all(
    paths.map(async (path) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `${API}${path}`,
        headers: { authorization: `Bearer ${seed.admin.token}` },
      });
      const body =
        response.statusCode === 200
          ? JSON.stringify(JSON.parse(response.body), (key, value) => (VOLATILE.has(key) ? undefined : value))
          : response.body;
      return [path, `${response.statusCode} ${body}`] as const;
    }),
  );
  return new Map(answers);
}

/** The read endpoints whose answers differ, each with where the difference starts. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, was] of before) {
    const now = after.get(path) ?? '';
    if (now === was) continue;
    let at = 0;
    while (at < was.length && was[at] === now[at]) at += 1;
    const from = Math.max(0, at - 60);
    changed.push(`GET ${path}: …${was.slice(from, at + 80)}… → …${now.slice(from, at + 80)}…`);
  }
  return changed;
}

const STREAM_READ_MS = 300;
const ANSWER_TIMEOUT_MS = 15_000;

/** Sends one request: in process with inject, or over HTTP with an abort for event streams. */
export async function send(t: LiveApp, request: RawRequest): Promise<Outcome> {
  if (request.stream) return sendStreaming(t, request);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([
      t.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      }),
      timeout,
    ]);
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body,
      requestId: String(response.headers['x-request-id'] ?? ''),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** An SSE route stays open while its run might still change: read a moment, then hang up. */
async function sendStreaming(t: LiveApp, request: RawRequest): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS);
  try {
    const response = await fetch(`${t.url}${request.url}`, {
      method: request.method,
      headers: request.headers,
      signal: controller.signal,
      ...(request.payload !== undefined && request.method !== 'GET' ? { body: request.payload } : {}),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const requestId = response.headers.get('x-request-id') ?? '';
    if (!contentType.startsWith('text/event-stream')) {
      return { status: response.status, contentType, body: await response.text(), requestId };
    }
    const reader = response.body?.getReader();
    let body = '';
    const decoder = new TextDecoder();
    const until = Date.now() + STREAM_READ_MS;
    while (reader && Date.now() < until) {
      const read = reader.read();
      // Once we hang up, a read still waiting rejects: that is expected, not an error.
      read.catch(() => undefined);
      const chunk = await Promise.race([
        read,
        new Promise<undefined>((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()))),
      ]);
      if (!chunk || chunk.done) break;
      body += decoder.decode(chunk.value, { stream: true });
    }
    controller.abort();
    return { status: response.status, contentType, body, requestId };
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Text as a JSON string literal without its quotes, cut to `length`. */
export function clip(text: string, length: number): string {
  const printable = JSON.stringify(text).slice(1, -1);
  return printable.length <= length ? printable : `${printable.slice(0, length)}… (${text.length} chars)`;
}

/** A request on one line, long parts cut, the credentials left out. */
export function describeRequest(request: RawRequest, kind: string): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${clip(value, 80)}`);
  return [
    `${request.method} ${clip(request.url, 300)}`,
    ...(headers.length > 0 ? [`{${headers.join('; ')}}`] : []),
    `[${kind}]`,
    ...(request.payload !== undefined ? [clip(request.payload, 300)] : []),
  ].join(' ');
}
