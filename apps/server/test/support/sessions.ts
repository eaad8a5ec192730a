import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface TestSession {
  userId: string;
  email: string;
  /** The session JWT, taken from the access_token cookie the server set. */
  token: string;
  /** Cookie header for browser-style calls: access_token and _csrf. */
  cookie: string;
  csrf: string;
  workspaceId: string;
}

let counter = 0;

export function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  const cookie = response.cookies.find((entry) => entry.name === name);
  return cookie?.value;
}

/**
 * Registers an account and signs it in over HTTP (the app must run with
 * SKIP_EMAIL_VERIFICATION=true). The user ends up admin of their personal workspace.
 */
export async function signUp(
  app: FastifyInstance,
  overrides: { name?: string; email?: string; password?: string } = {},
): Promise<TestSession> {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${Date.now()}@example.test`;
  const password = overrides.password ?? 'Correct-Horse-9';
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { name: overrides.name ?? `User ${counter}`, email, password },
  });
  if (registered.statusCode !== 201) throw new Error(`register failed: ${registered.statusCode} ${registered.body}`);
  return signIn(app, email, password);
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<TestSession> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const token = cookieValue(login, 'access_token');
  const csrf = cookieValue(login, '_csrf');
  if (!token || !csrf) throw new Error('login did not set the session and CSRF cookies');
  const { user } = login.json() as { user: { id: string; workspaceId: string } };
  return {
    userId: user.id,
    email,
    token,
    csrf,
    cookie: `access_token=${token}; _csrf=${csrf}`,
    workspaceId: user.workspaceId,
  };
}

export const bearer = (session: TestSession) => ({ authorization: `Bearer ${session.token}` });
export const browser = (session: TestSession) => ({ cookie: session.cookie, 'x-csrf-token': session.csrf });
