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

export interface FakeOAuth {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Every request as `"METHOD /path"`, in order. */
  requests: string[];
  github: { addCode(code: string, user: FakeGitHubUser): void };
  google: {
    /** `redirectUri`, when given, must match the token request's like Google's own check. */
    addCode(code: string, user: FakeGoogleUser, options?: { redirectUri?: string }): void;
  };
  close(): Promise<void>;
}

/**
 * GitHub's and Google's OAuth endpoints on one loopback server, speaking their real wire formats
 * (including GitHub's habit of answering a bad code with 200 and a form-encoded body unless asked
 * for JSON). Codes are single-use, like the real providers'.
 */
export async function startFakeOAuth(): Promise<FakeOAuth> {
  const clientId = `fake-client-${randomBytes(4).toString('hex')}`;
  const clientSecret = `fake-secret-${randomBytes(16).toString('hex')}`;
  const requests: string[] = [];
  const githubCodes = new Map<string, FakeGitHubUser>();
  const googleCodes = new Map<string, { user: FakeGoogleUser; redirectUri: string | undefined }>();
  const githubTokens = new Map<string, FakeGitHubUser>();
  const googleTokens = new Map<string, FakeGoogleUser>();

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
    github: { addCode: (code, user) => void githubCodes.set(code, user) },
    google: {
      addCode: (code, user, options) => void googleCodes.set(code, { user, redirectUri: options?.redirectUri }),
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
