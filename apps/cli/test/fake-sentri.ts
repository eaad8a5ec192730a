import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A run's status as `GET …/trigger/runs/:runId` answers it. */
export interface FakeStatus {
  id: string;
  status: string;
  passed: number;
  failed: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  duration: number | null;
  error: string | null;
  flaky?: number;
}

/** One open `…/events` request: the test writes the stream through it. */
export interface EventConnection {
  /** 1 for the first connection, 2 for the first reconnect, … */
  attempt: number;
  lastEventId: string | undefined;
  send(type: string, data: Record<string, unknown>, seq?: number): void;
  comment(text: string): void;
  end(): void;
  /** Cuts the TCP connection mid-stream, as a proxy or a network blip would. */
  destroy(): void;
  /** Called when the connection closes, from either side. */
  onClose(listener: () => void): void;
}

export interface FakeSentriOptions {
  token?: string;
  projectId?: string;
  runId?: string;
  /** Overrides the trigger's answer (409, 500, …); undefined keeps the normal 202. */
  onTrigger?: (body: unknown) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;
  /** Successive answers of the status endpoint; the last one repeats. */
  statuses?: FakeStatus[];
  /** Writes the event stream; 'not-found' answers 404, like a server without the stream. */
  onEvents?: ((connection: EventConnection) => void) | 'not-found';
  junit?: string;
  ctrf?: string;
  exportZip?: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeSentri {
  url: string;
  token: string;
  projectId: string;
  runId: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const status = (overrides: Partial<FakeStatus>): FakeStatus => ({
  id: 'RUN-7',
  status: 'running',
  passed: 0,
  failed: 0,
  total: 2,
  startedAt: '2026-01-01T10:00:00.000Z',
  finishedAt: null,
  duration: null,
  error: null,
  ...overrides,
});

const json = (response: http.ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(code, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
};

/**
 * The CI trigger API of API.md §4.14 and the run stream of ARCHITECTURE.md (named events with
 * `id: seq`, data repeating `type`, `Last-Event-ID` resume), on 127.0.0.1 — so the CLI's real
 * HTTP, SSE and retry code is what the tests exercise.
 */
export async function startFakeSentri(options: FakeSentriOptions = {}): Promise<FakeSentri> {
  const token = options.token ?? 'a'.repeat(80);
  const projectId = options.projectId ?? 'PRJ-1';
  const runId = options.runId ?? 'RUN-7';
  const statuses = options.statuses ?? [status({ status: 'completed', passed: 2, total: 2, duration: 3000 })];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let statusCalls = 0;
  let eventAttempts = 0;

  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? 'GET', path: url.pathname, headers: request.headers, body });

    const match = /^\/api\/v1\/projects\/([^/]+)\/trigger(\/.*)?$/.exec(url.pathname);
    if (!match) return json(response, 404, { error: 'Not found', code: 'ROUTE_NOT_FOUND' });
    const authorization = request.headers.authorization ?? '';
    if (!authorization.startsWith('Bearer ')) {
      return json(response, 401, { error: 'Authorization: Bearer <token> header required.', code: 'AUTH_REQUIRED' });
    }
    if (authorization.slice(7) !== token) {
      return json(response, 401, { error: 'Invalid trigger token.', code: 'TRIGGER_TOKEN_INVALID' });
    }
    if (decodeURIComponent(match[1]!) !== projectId) {
      return json(response, 403, { error: 'Token does not belong to this project.', code: 'TRIGGER_TOKEN_FORBIDDEN' });
    }
    const rest = match[2] ?? '';
    if (rest === '' && request.method === 'POST') {
      const override = options.onTrigger?.(body ? JSON.parse(body) : {});
      if (override) return json(response, override.status, override.body, override.headers);
      return json(response, 202, {
        runId,
        statusUrl: `http://${request.headers.host}/api/v1/projects/${projectId}/trigger/runs/${runId}`,
      });
    }
    if (rest === '/export/playwright' && options.exportZip) {
      response.writeHead(200, { 'content-type': 'application/zip' });
      return response.end(options.exportZip);
    }
    if (rest === `/runs/${runId}`) {
      const answer = statuses[Math.min(statusCalls, statuses.length - 1)]!;
      statusCalls += 1;
      return json(response, 200, answer);
    }
    if (rest === `/runs/${runId}/report.junit.xml` && options.junit !== undefined) {
      response.writeHead(200, { 'content-type': 'application/xml' });
      return response.end(options.junit);
    }
    if (rest === `/runs/${runId}/report.ctrf.json` && options.ctrf !== undefined) {
      return json(response, 200, JSON.parse(options.ctrf));
    }
    if (rest === `/runs/${runId}/events` && options.onEvents === 'not-found') {
      return json(response, 404, { error: 'Not found', code: 'ROUTE_NOT_FOUND' });
    }
    const onEvents = options.onEvents;
    if (rest === `/runs/${runId}/events` && typeof onEvents === 'function') {
      eventAttempts += 1;
      const header = request.headers['last-event-id'];
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      response.flushHeaders();
      onEvents({
        attempt: eventAttempts,
        lastEventId: typeof header === 'string' ? header : undefined,
        send(type, data, seq) {
          const id = seq === undefined ? '' : `id: ${seq}\r\n`;
          const payload = { type, ...(seq === undefined ? {} : { seq }), ...data };
          response.write(`${id}event: ${type}\r\ndata: ${JSON.stringify(payload)}\r\n\r\n`);
        },
        comment: (text) => response.write(`: ${text}\n\n`),
        end: () => response.end(),
        destroy: () => response.socket?.destroy(),
        onClose: (listener) => response.on('close', listener),
      });
      return;
    }
    return json(response, 404, { error: 'run not found', code: 'RUN_NOT_FOUND' });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    projectId,
    runId,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
