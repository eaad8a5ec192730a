import { checkOutboundUrl, type OutboundUrlCheck, type OutboundUrlCode } from '@sentri/core';
import { truncate } from './run-digest.js';

/**
 * The one door through which notifications, CI callbacks and URL checks leave the server.
 * Targets are typed in by users, so every request is checked against the outbound URL policy
 * right before it is sent, redirects are never followed (a public host could bounce us to an
 * internal one), and nothing here throws: a delivery either happened or is described in `error`.
 */

export interface DeliveryOutcome {
  ok: boolean;
  /** The HTTP status, when the target answered at all. */
  status: number | null;
  /** What went wrong, safe to store and show: it never contains the target's path or query. */
  error: string | null;
  durationMs: number;
}

export interface PostJsonOptions {
  /** Whether private and loopback targets are allowed; metadata and link-local never are. */
  allowPrivate: boolean;
  /** Covers the DNS check, the connection, the response headers and any error body read. */
  timeoutMs?: number;
  /** Lets the caller cancel, e.g. on shutdown. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Enough of an error body to explain a rejection ("invalid_payload", "Bad card"), not to store pages. */
const ERROR_BODY_CHARS = 200;
const ERROR_BODY_MAX_BYTES = 4096;

export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<DeliveryOutcome> {
  const attempt = startAttempt(options);
  const outcome = (ok: boolean, status: number | null, error: string | null): DeliveryOutcome => ({
    ok,
    status,
    error,
    durationMs: attempt.elapsedMs(),
  });
  const { signal, abortMessage } = attempt;

  let payload: string;
  try {
    payload = JSON.stringify(body) ?? 'null';
  } catch (error) {
    return outcome(false, null, `the payload is not JSON: ${messageOf(error)}`);
  }

  const checked = await checkTarget(url, options, attempt);
  if ('error' in checked) return outcome(false, null, checked.error);
  const { target } = checked;

  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Sentri-Notifier' },
      body: payload,
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    return outcome(false, null, signal.aborted ? abortMessage() : scrub(networkMessage(error), target));
  }

  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    await discard(response);
    const shown = location ? redactUrl(resolveLocation(location, target)) : 'no location given';
    return outcome(false, response.status, `redirect refused (${shown})`);
  }
  if (!response.ok) {
    const snippet = scrub(await readSnippet(response), target);
    return outcome(false, response.status, `HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`);
  }
  await discard(response);
  return outcome(true, response.status, null);
}

export interface ProbeOutcome {
  /** True whenever the target answered, whatever its status. */
  ok: boolean;
  status: number | null;
  error: string | null;
  /** Set when the URL policy refused the target, so the caller can answer 400 rather than 502. */
  refusal: OutboundUrlCode | null;
  durationMs: number;
}

/**
 * One `HEAD` to see whether a URL answers (`POST /test-connection`). Any status counts as an
 * answer, a redirect is reported rather than followed, and the policy is checked again with DNS:
 * a name that resolves to a metadata address is refused even where private targets are allowed.
 */
export async function probeUrl(url: string, options: PostJsonOptions): Promise<ProbeOutcome> {
  const attempt = startAttempt(options);
  const outcome = (status: number | null, error: string | null, refusal: OutboundUrlCode | null = null) => ({
    ok: status !== null,
    status,
    error,
    refusal,
    durationMs: attempt.elapsedMs(),
  });
  const { signal, abortMessage } = attempt;

  const checked = await checkTarget(url, options, attempt);
  if ('error' in checked) return outcome(null, checked.error, checked.refusal);
  const { target } = checked;
  try {
    const response = await fetch(target, {
      method: 'HEAD',
      headers: { 'user-agent': 'Sentri-Connection-Check' },
      redirect: 'manual',
      signal,
    });
    await discard(response);
    return outcome(response.status, null);
  } catch (error) {
    return outcome(null, signal.aborted ? abortMessage() : networkMessage(error));
  }
}

/**
 * How a delivery target is recorded: origin and first path segment, e.g.
 * `https://hooks.slack.com/services/…`. Slack, Teams and most webhook services put the secret in
 * the rest of the path or the query; the first segment is kept only when it reads like a route
 * name, not like a token.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(invalid URL)';
  }
  if (parsed.origin === 'null') return `${parsed.protocol}…`;
  const segments = parsed.pathname.split('/').filter(Boolean);
  const [first] = segments;
  const hidesMore = segments.length > 1 || parsed.search !== '' || parsed.hash !== '';
  if (first === undefined) return hidesMore ? `${parsed.origin}/…` : parsed.origin;
  if (!looksLikeRouteName(first)) return `${parsed.origin}/…`;
  return hidesMore ? `${parsed.origin}/${first}/…` : `${parsed.origin}/${first}`;
}

function looksLikeRouteName(segment: string): boolean {
  return (
    /^[A-Za-z][A-Za-z0-9._-]{0,23}$/.test(segment) &&
    !/\d{4,}/.test(segment) &&
    !(segment.length >= 16 && /^[0-9a-f-]+$/i.test(segment))
  );
}

function refusalMessage(check: Extract<OutboundUrlCheck, { ok: false }>): string {
  // The policy quotes an unparsable URL back, which could be a secret webhook address.
  return check.code === 'URL_INVALID' ? 'URL is not valid.' : check.reason;
}

/** Rejects as soon as `signal` aborts: the system resolver cannot be cancelled, but we can stop waiting. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** fetch says "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) is in `cause`. */
interface Attempt {
  signal: AbortSignal;
  elapsedMs(): number;
  /** Why the signal fired: our timeout, or the caller giving up. */
  abortMessage(): string;
}

function startAttempt(options: PostJsonOptions): Attempt {
  const startedAt = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  return {
    signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    elapsedMs: () => Math.round(performance.now() - startedAt),
    abortMessage: () =>
      timeout.aborted ? `timed out after ${formatSeconds(timeoutMs)} s` : 'cancelled before the target answered',
  };
}

/** The URL policy again at send time, not only when the URL was saved: DNS may point elsewhere by now. */
async function checkTarget(
  url: string,
  options: PostJsonOptions,
  attempt: Attempt,
): Promise<{ target: URL } | { error: string; refusal: OutboundUrlCode | null }> {
  try {
    const check = await untilAborted(checkOutboundUrl(url, { allowPrivate: options.allowPrivate }), attempt.signal);
    return check.ok ? { target: check.url } : { error: refusalMessage(check), refusal: check.code };
  } catch (error) {
    return {
      error: attempt.signal.aborted ? attempt.abortMessage() : `URL check failed: ${messageOf(error)}`,
      refusal: null,
    };
  }
}

function networkMessage(error: unknown): string {
  const message = messageOf(error);
  const cause = error instanceof Error ? error.cause : undefined;
  const code = codeOf(cause) ?? codeOf(error);
  const causeMessage = cause instanceof Error ? cause.message : '';
  let text = causeMessage && causeMessage !== message ? `${message}: ${causeMessage}` : message;
  if (code && !text.includes(code)) text += ` (${code})`;
  return text;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
  return typeof value.code === 'string' ? value.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Removes the target's full address from text that will be stored, in case something echoed it. */
function scrub(text: string, target: URL): string {
  const secretPart = `${target.pathname}${target.search}`;
  let result = text.split(target.href).join(redactUrl(target.href));
  if (secretPart.length > 1) result = result.split(secretPart).join('/…');
  return result;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** A few KB of the error body at most, so a target answering with a huge page cannot hold us. */
async function readSnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_BODY_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut off by the timeout still leaves the status to report.
  } finally {
    await reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks)).replace(/\s+/g, ' ').trim();
  return truncate(text, ERROR_BODY_CHARS);
}

/** An unread body keeps its socket busy until garbage collection; cancelling frees it now. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
