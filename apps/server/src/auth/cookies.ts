import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

export const ACCESS_COOKIE = 'access_token';
export const EXPIRY_COOKIE = 'token_exp';
export const CSRF_COOKIE = '_csrf';

export interface CookiePolicy {
  secure: boolean;
  /** Dashboard on another origin: cookies must be SameSite=None (which requires Secure). */
  crossOrigin: boolean;
}

function base(policy: CookiePolicy) {
  return policy.crossOrigin
    ? ({ path: '/', sameSite: 'none', secure: true } as const)
    : ({ path: '/', sameSite: 'strict', secure: policy.secure } as const);
}

/** The session cookie (HttpOnly) and its JS-readable expiry twin. The token is never in a body. */
export function setSessionCookies(
  reply: FastifyReply,
  policy: CookiePolicy,
  token: string,
  exp: number,
  ttlSeconds: number,
): void {
  reply.setCookie(ACCESS_COOKIE, token, { ...base(policy), httpOnly: true, maxAge: ttlSeconds });
  reply.setCookie(EXPIRY_COOKIE, String(exp), { ...base(policy), httpOnly: false, maxAge: ttlSeconds });
}

export function clearSessionCookies(reply: FastifyReply, policy: CookiePolicy): void {
  reply.setCookie(ACCESS_COOKIE, '', { ...base(policy), httpOnly: true, maxAge: 0 });
  reply.setCookie(EXPIRY_COOKIE, '', { ...base(policy), httpOnly: false, maxAge: 0 });
}

/** A session cookie (no Max-Age) the dashboard reads and echoes in X-CSRF-Token. */
export function setCsrfCookie(reply: FastifyReply, policy: CookiePolicy, value: string): void {
  reply.setCookie(CSRF_COOKIE, value, { ...base(policy), httpOnly: false });
}
