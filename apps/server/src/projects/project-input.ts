import { AppError, checkOutboundUrlSync } from '@sentri/core';

export interface ProjectCredentials {
  usernameSelector?: string;
  username?: string;
  passwordSelector?: string;
  password?: string;
  submitSelector?: string;
}

const CREDENTIAL_FIELDS = ['usernameSelector', 'username', 'passwordSelector', 'password', 'submitSelector'] as const;

const invalid = (message: string, field: string) => new AppError('REQUEST_VALIDATION_FAILED', message, { field });

/** Trimmed and cut to 200 characters before the emptiness check (API.md §4.4). */
export function parseProjectName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().slice(0, 200) : '';
  if (!name) throw invalid('Project name is required.', 'body.name');
  return name;
}

/**
 * An absolute http(s) URL the outbound policy allows: never cloud metadata or link-local, and
 * private or loopback only when the deployment allows them (by default it does: apps under test
 * often are local). Hostnames are resolved and re-checked when a crawl or run starts.
 */
export function parseProjectUrl(value: unknown, allowPrivate = true): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw invalid('URL is required.', 'body.url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('Invalid URL format. Must be a valid URL (e.g. https://example.com).', 'body.url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('URL must use http or https protocol.', 'body.url');
  const policy = checkOutboundUrlSync(text, { allowPrivate });
  if (!policy.ok) throw new AppError('URL_REFUSED', policy.reason, { field: 'body.url' });
  return text;
}

export function parseCredentials(value: unknown): ProjectCredentials {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('Credentials must be an object.', 'body.credentials');
  }
  const input = value as Record<string, unknown>;
  const credentials: ProjectCredentials = {};
  for (const field of CREDENTIAL_FIELDS) {
    const entry = input[field];
    if (entry === undefined) continue;
    if (typeof entry !== 'string') throw invalid(`${field} must be a string.`, `body.credentials.${field}`);
    credentials[field] = entry.slice(0, 1000);
  }
  return credentials;
}
