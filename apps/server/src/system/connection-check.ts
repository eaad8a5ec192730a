import { AppError, checkOutboundUrlSync, type ErrorCode, type OutboundUrlCode } from '@sentri/core';
import { probeUrl } from '../notifications/outbound-post.js';

/** Longer than any URL a browser keeps in its address bar; anything above is not a project URL. */
const MAX_URL_LENGTH = 2048;

const REFUSALS: Record<OutboundUrlCode, ErrorCode> = {
  URL_INVALID: 'CONNECTION_URL_INVALID',
  URL_PROTOCOL: 'CONNECTION_URL_PROTOCOL',
  URL_PRIVATE: 'CONNECTION_URL_PRIVATE',
  URL_METADATA: 'CONNECTION_URL_PRIVATE',
  // Only the DNS check says this, and an unknown host is "unreachable" (502), not a bad request.
  URL_UNRESOLVABLE: 'UPSTREAM_UNREACHABLE',
};

export type ConnectionCheckResult =
  { ok: true; status: number } | { ok: false; error: string; code: 'UPSTREAM_UNREACHABLE' };

export interface ConnectionCheckDeps {
  allowPrivateUrls: boolean;
  timeoutMs: number;
}

/**
 * `POST /test-connection` (API.md §4.17): does a URL answer at all? The request is checked in the
 * original API's order (missing, unparsable, wrong protocol, private host) on the literal URL,
 * with the policy every other outbound request obeys, then probed with one HEAD.
 */
export class ConnectionCheck {
  constructor(private readonly deps: ConnectionCheckDeps) {}

  async check(input: unknown): Promise<ConnectionCheckResult> {
    const url = parseUrl(input);
    const literal = checkOutboundUrlSync(url, { allowPrivate: this.deps.allowPrivateUrls });
    if (!literal.ok) throw refusal(literal.code);
    // Both are the request's fault, though fetch only says so when it is made (as a network error).
    if (literal.url.username || literal.url.password)
      throw new AppError('CONNECTION_URL_INVALID', 'URL must not include a user name or password', {
        field: 'body.url',
      });
    const outcome = await probeUrl(literal.url.href, {
      allowPrivate: this.deps.allowPrivateUrls,
      timeoutMs: this.deps.timeoutMs,
    });
    if (outcome.refusal && REFUSALS[outcome.refusal] !== 'UPSTREAM_UNREACHABLE') throw refusal(outcome.refusal);
    if (outcome.ok && outcome.status !== null) return { ok: true, status: outcome.status };
    if (outcome.error?.endsWith(': bad port'))
      throw new AppError('CONNECTION_URL_INVALID', `Port ${literal.url.port} is blocked for web requests`, {
        field: 'body.url',
      });
    return { ok: false, error: outcome.error ?? 'The URL could not be reached.', code: 'UPSTREAM_UNREACHABLE' };
  }
}

function parseUrl(input: unknown): string {
  const value = input && typeof input === 'object' ? (input as { url?: unknown }).url : undefined;
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new AppError('CONNECTION_URL_REQUIRED', undefined, { field: 'body.url' });
  }
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) {
    throw new AppError('CONNECTION_URL_INVALID', undefined, { field: 'body.url' });
  }
  return value.trim();
}

const refusal = (code: OutboundUrlCode) => new AppError(REFUSALS[code], undefined, { field: 'body.url' });
