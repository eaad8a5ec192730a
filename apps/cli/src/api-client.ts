import type { Connection } from './args.js';
import { CliError, EXIT, exitCodeForHttpStatus } from './exit-codes.js';

/** Ordinary requests (not the event stream) that take longer than this are treated as a dead server. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface TriggerResponse {
  runId: string;
  statusUrl: string;
}

export type RunStatusName = 'running' | 'completed' | 'failed' | 'aborted' | 'interrupted' | (string & {});

export interface RunStatus {
  id: string;
  status: RunStatusName;
  passed: number;
  failed: number;
  total: number;
  /** Not in the documented contract; used when a server sends it. */
  flaky?: number;
  skipped?: number;
  detailUrl?: string;
  startedAt: string | null;
  finishedAt: string | null;
  duration: number | null;
  error: string | null;
}

/** An error answer from the API, with the exit code it maps to and the server's own words. */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: { error?: string; code?: string; runId?: string },
    readonly retryAfterSeconds: number | null,
  ) {
    super(message, exitCodeForHttpStatus(status));
    this.name = 'ApiError';
  }
}

/** Talks to the CI trigger endpoints of one project with a trigger token. */
export class SentriClient {
  readonly userAgent: string;

  constructor(
    private readonly connection: Connection,
    version: string,
  ) {
    this.userAgent = `sentri-cli/${version}`;
  }

  /** `<url>/api/v1/projects/<id>/trigger<suffix>`. */
  triggerUrl(suffix = ''): string {
    return `${this.connection.url}/api/v1/projects/${encodeURIComponent(this.connection.project)}/trigger${suffix}`;
  }

  /**
   * Where a run's status lives. Built from --url rather than taken from the trigger answer: the
   * server builds its statusUrl from forwarded headers, which behind some proxies names a host the
   * CI job cannot reach — and the token must only ever go to the server the user named.
   */
  runUrl(runId: string, suffix = ''): string {
    return this.triggerUrl(`/runs/${encodeURIComponent(runId)}${suffix}`);
  }

  async trigger(input: { callbackUrl: string | null; workers: number | null }): Promise<TriggerResponse> {
    const body: Record<string, unknown> = {};
    if (input.callbackUrl !== null) body.callbackUrl = input.callbackUrl;
    if (input.workers !== null) body.dialsConfig = { parallelWorkers: input.workers };
    const response = await this.send(this.triggerUrl(), 'Starting a run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Partial<TriggerResponse>;
    if (typeof answer.runId !== 'string') {
      throw new CliError('the server accepted the run but did not say which run it started', EXIT.API_ERROR);
    }
    return { runId: answer.runId, statusUrl: answer.statusUrl ?? this.runUrl(answer.runId) };
  }

  async runStatus(runId: string, signal?: AbortSignal): Promise<RunStatus> {
    const response = await this.send(this.runUrl(runId), `Reading the status of ${runId}`, { signal });
    return (await response.json()) as RunStatus;
  }

  /** The raw event-stream response; the caller decides what a non-200 answer means. */
  openEvents(runId: string, lastEventId: string, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers(), accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    return fetch(this.runUrl(runId, '/events'), { headers, signal });
  }

  async download(url: string, what: string, signal?: AbortSignal): Promise<Uint8Array> {
    const response = await this.send(url, what, { signal });
    return new Uint8Array(await response.arrayBuffer());
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.connection.token}`, 'user-agent': this.userAgent };
  }

  /** One request; any answer but 2xx, and any network failure, becomes a CliError with its exit code. */
  private async send(url: string, what: string, init: RequestInit & { signal?: AbortSignal }): Promise<Response> {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal, headers: { ...this.headers(), ...init.headers } });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw unreachable(this.connection.url, error);
    }
    if (response.ok) return response;
    throw await apiErrorOf(response, what);
  }
}

export function unreachable(server: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason =
    (error as Error).name === 'TimeoutError'
      ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
      : (cause?.code ?? cause?.message ?? (error as Error).message);
  return new CliError(`cannot reach the Sentri server at ${server}: ${reason}`, EXIT.UNREACHABLE);
}

async function apiErrorOf(response: Response, what: string): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: { error?: string; code?: string; runId?: string } = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as typeof body;
  } catch {
    // A proxy's HTML error page: the status line says enough.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  const reason = typeof body.error === 'string' && body.error ? body.error : response.statusText || 'request failed';
  const code = typeof body.code === 'string' ? `, ${body.code}` : '';
  let message = `${what} failed: ${reason} (HTTP ${response.status}${code})`;
  if (response.status === 401) message += '. Is --token (or SENTRI_TOKEN) a trigger token of this project?';
  if (response.status === 409 && typeof body.runId === 'string') message += `. Active run: ${body.runId}`;
  if (response.status === 429 && retryAfterSeconds !== null) message += `. Retry after ${retryAfterSeconds} s`;
  return new ApiError(message, response.status, body, retryAfterSeconds);
}
