import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGitHubUser {
  id: number;
  login: string;
  name?: string | null;
  /** The public profile e-mail; leave it out to make the client fall back to /user/emails. */
  email?: string | null;
  avatar_url?: string;
  emails?: { email: string; primary: boolean; verified: boolean }[];
}

export interface FakeGoogleUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
  picture?: string;
}

/** Who is signed in at the provider when a browser reaches its consent page, or `'deny'` to refuse. */
export type Consent<User> = User | 'deny';

export interface FakeOAuth {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Every request as `"METHOD /path"`, in order. */
  requests: string[];
  /** The query of every consent-page visit (`/login/oauth/authorize`, `/o/oauth2/v2/auth`), in order. */
  authorizations: Record<string, string>[];
  github: {
    addCode(code: string, user: FakeGitHubUser): void;
    /** Makes the consent page approve (as `user`) or deny every later visit. */
    consent(answer: Consent<FakeGitHubUser>): void;
  };
  google: {
    /** `redirectUri`, when given, must match the token request's like Google's own check. */
    addCode(code: string, user: FakeGoogleUser, options?: { redirectUri?: string }): void;
    consent(answer: Consent<FakeGoogleUser>): void;
  };
  close(): Promise<void>;
}

/**
 * GitHub's and Google's OAuth endpoints on one loopback server, speaking their real wire formats
 * (including GitHub's habit of answering a bad code with 200 and a form-encoded body unless asked
 * for JSON). Codes are single-use, like the real providers'. The consent pages let a browser run
 * the whole redirect flow (e2e); the other endpoints serve the server's code exchange.
 */
export async function startFakeOAuth(): Promise<FakeOAuth> {
  const clientId = `fake-client-${randomBytes(4).toString('hex')}`;
  const clientSecret = `fake-secret-${randomBytes(16).toString('hex')}`;
  const requests: string[] = [];
  const githubCodes = new Map<string, FakeGitHubUser>();
  const googleCodes = new Map<string, { user: FakeGoogleUser; redirectUri: string | undefined }>();
  const githubTokens = new Map<string, FakeGitHubUser>();
  const googleTokens = new Map<string, FakeGoogleUser>();
  const authorizations: Record<string, string>[] = [];
  const consent: { github?: Consent<FakeGitHubUser>; google?: Consent<FakeGoogleUser> } = {};

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      requests.push(`${request.method} ${path}`);
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
        response.end(JSON.stringify(body));
      };
      const form = parseBody(request.headers['content-type'], Buffer.concat(chunks).toString('utf8'));
      const bearer = /^(?:Bearer|token) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const route = `${request.method} ${path}`;

      // The consent pages a browser is sent to. The user has "already authorized" the app, so
      // they answer at once, like the real ones do then: back to redirect_uri with code and state.
      if (route === 'GET /login/oauth/authorize' || route === 'GET /o/oauth2/v2/auth') {
        const query = Object.fromEntries(new URL(request.url ?? '/', 'http://fake').searchParams);
        authorizations.push(query);
        const isGitHub = path === '/login/oauth/authorize';
        const answer = isGitHub ? consent.github : consent.google;
        if (query.client_id !== clientId || !query.redirect_uri || answer === undefined) {
          response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
          return response.end('<!doctype html><title>Not Found</title><h1>404: application or user unknown</h1>');
        }
        if (!isGitHub && query.response_type !== 'code') {
          response.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
          return response.end('<!doctype html><title>Error 400</title><h1>Error 400: invalid_request</h1>');
        }
        const back = new URL(query.redirect_uri);
        if (answer === 'deny') {
          back.searchParams.set('error', 'access_denied');
          if (isGitHub) back.searchParams.set('error_description', 'The user has denied your application access.');
        } else {
          const code = randomBytes(10).toString('hex');
          if (isGitHub) githubCodes.set(code, answer as FakeGitHubUser);
          else googleCodes.set(code, { user: answer as FakeGoogleUser, redirectUri: query.redirect_uri });
          back.searchParams.set('code', code);
        }
        if (query.state !== undefined) back.searchParams.set('state', query.state);
        response.writeHead(302, { Location: back.toString() });
        return response.end();
      }

      if (route === 'POST /login/oauth/access_token') {
        const answer = (body: Record<string, string>) => {
          if (/application\/json/.test(request.headers.accept ?? '')) return reply(200, body);
          response.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' });
          response.end(new URLSearchParams(body).toString());
        };
        if (form.client_id !== clientId || form.client_secret !== clientSecret) {
          return answer({
            error: 'incorrect_client_credentials',
            error_description: 'The client_id and/or client_secret passed are incorrect.',
          });
        }
        const user = githubCodes.get(form.code ?? '');
        if (!user) {
          return answer({
            error: 'bad_verification_code',
            error_description: 'The code passed is incorrect or expired.',
          });
        }
        githubCodes.delete(form.code ?? '');
        const token = `gho_${randomBytes(18).toString('hex')}`;
        githubTokens.set(token, user);
        return answer({ access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
      }

      if (route === 'GET /user' || route === 'GET /user/emails') {
        const user = bearer ? githubTokens.get(bearer) : undefined;
        if (!user) {
          return reply(401, {
            message: bearer ? 'Bad credentials' : 'Requires authentication',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          });
        }
        if (path === '/user/emails') return reply(200, user.emails ?? []);
        return reply(200, {
          login: user.login,
          id: user.id,
          avatar_url: user.avatar_url ?? `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
          type: 'User',
          name: user.name ?? null,
          email: user.email ?? null,
        });
      }

      if (route === 'POST /token') {
        if (form.client_id !== clientId || form.client_secret !== clientSecret) {
          return reply(401, { error: 'invalid_client', error_description: 'Unauthorized' });
        }
        if (form.grant_type !== 'authorization_code' || !form.redirect_uri) {
          return reply(400, { error: 'invalid_request', error_description: 'Missing required parameter.' });
        }
        const entry = googleCodes.get(form.code ?? '');
        if (!entry || (entry.redirectUri !== undefined && entry.redirectUri !== form.redirect_uri)) {
          return reply(400, { error: 'invalid_grant', error_description: 'Bad Request' });
        }
        googleCodes.delete(form.code ?? '');
        const token = `ya29.${randomBytes(24).toString('hex')}`;
        googleTokens.set(token, entry.user);
        return reply(200, {
          access_token: token,
          expires_in: 3599,
          token_type: 'Bearer',
          scope:
            'openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile',
        });
      }

      if (route === 'GET /userinfo') {
        const user = bearer ? googleTokens.get(bearer) : undefined;
        if (!user) {
          return reply(
            401,
            { error: 'invalid_request', error_description: 'Invalid Credentials' },
            { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
          );
        }
        return reply(200, user);
      }

      return reply(404, { message: 'Not Found' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    requests,
    authorizations,
    github: {
      addCode: (code, user) => void githubCodes.set(code, user),
      consent: (answer) => void (consent.github = answer),
    },
    google: {
      addCode: (code, user, options) => void googleCodes.set(code, { user, redirectUri: options?.redirectUri }),
      consent: (answer) => void (consent.google = answer),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** GitHub takes JSON or a form; Google takes a form. */
function parseBody(contentType: string | undefined, text: string): Record<string, string | undefined> {
  if (/application\/json/.test(contentType ?? '')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]),
      );
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
