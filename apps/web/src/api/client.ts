/**
 * The dashboard's only way to the API: same-origin requests with the session cookie, the CSRF
 * token echoed on every mutation, and every failure turned into an ApiError carrying the
 * server's readable message and code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const API = '/api/v1';
const SAFE = new Set(['GET', 'HEAD']);

export function readCookie(name: string): string | undefined {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : undefined;
}

/** Called when any request answers 401, so the app can send the user to sign in. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(handler: (() => void) | undefined) {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Answer with the raw Response (downloads). */
  raw?: boolean;
}

/**
 * Switching workspace, refreshing and signing out revoke the cookie the browser holds, so a
 * request still on its way with the old one would come back 401 and sign the user out. Those
 * calls therefore wait for the requests in flight to finish, and new requests wait for them.
 */
let inFlight = 0;
const whenDrained: (() => void)[] = [];
let rotation: Promise<unknown> | null = null;

async function waitForRotation() {
  while (rotation) await rotation.catch(() => undefined);
}

/** A call that replaces (or ends) the session cookie, made when no other request is on its way. */
export async function rotateSession<T>(path: string, body: unknown = {}): Promise<T> {
  await waitForRotation();
  const call = (async () => {
    if (inFlight > 0) await new Promise<void>((resolve) => whenDrained.push(resolve));
    return send<T>('POST', path, { body });
  })();
  rotation = call;
  try {
    return await call;
  } finally {
    if (rotation === call) rotation = null;
  }
}

export async function api<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  await waitForRotation();
  inFlight += 1;
  try {
    return await send<T>(method, path, options);
  } finally {
    inFlight -= 1;
    if (inFlight === 0) whenDrained.splice(0).forEach((resolve) => resolve());
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method)) headers['x-csrf-token'] = readCookie('_csrf') ?? '';
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const message = typeof body.error === 'string' ? body.error : `The request failed (HTTP ${response.status}).`;
    const code = typeof body.code === 'string' ? body.code : 'UNKNOWN';
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiError(response.status, code, message, body);
  }
  if (options.raw) return response as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal });
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, { body: body ?? {} });
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A readable sentence for any error the dashboard shows. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
