import {
  DeleteAccountBodySchema,
  OAuthProvidersResponseSchema,
  OAuthQuerySchema,
  SessionResponseSchema,
} from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '@sentri/core';
import { publicRoute, userRoute } from '../auth/access.js';
import { clearSessionCookies } from '../auth/cookies.js';
import { exchangeGitHubCode, exchangeGoogleCode } from '../auth/oauth-providers.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, cookiePolicyFor, principalOf, replyWithSession } from '../http/route-helpers.js';

const tags = ['auth'];

/** OAuth sign-in (what to start it with, and its callbacks) and the GDPR endpoints (API.md §2.9, §4.2). */
export async function accountRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { logins, gdpr, sessions } = container.services;
  const { oauth } = container.config;
  const cookies = cookiePolicyFor(container.config);

  // Read at runtime, not baked into the dashboard build: one image serves any configuration.
  // Only the public half of each app is exposed; the secrets stay with the code exchange.
  app.get(
    '/auth/providers',
    {
      config: publicRoute(),
      schema: {
        tags,
        summary: 'Which OAuth sign-in buttons to show, and where they lead',
        response: { 200: OAuthProvidersResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async () => ({
      github: oauth.github.configured
        ? {
            authorizeUrl: `${oauth.github.oauthUrl}/login/oauth/authorize`,
            clientId: oauth.github.clientId,
            redirectUri: oauth.github.redirectUri,
          }
        : null,
      google: oauth.google.configured
        ? {
            authorizeUrl: oauth.google.authorizeUrl,
            clientId: oauth.google.clientId,
            redirectUri: oauth.google.redirectUri,
          }
        : null,
    }),
  );

  const providers = {
    github: (code: string) => exchangeGitHubCode(oauth.github, code),
    google: (code: string) => exchangeGoogleCode(oauth.google, code),
  };
  for (const [provider, exchange] of Object.entries(providers)) {
    app.get(
      `/auth/${provider}/callback`,
      {
        config: publicRoute(),
        schema: {
          tags,
          summary: `Finish signing in with ${provider === 'github' ? 'GitHub' : 'Google'}`,
          querystring: OAuthQuerySchema,
          response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { code } = request.query as { code?: string };
        if (!code)
          throw new AppError('REQUEST_VALIDATION_FAILED', 'Missing code parameter.', { field: 'querystring.code' });
        const profile = await exchange(code);
        return replyWithSession(reply, cookies, await logins.loginWithOAuth(profile), sessions.ttlSeconds);
      },
    );
  }

  app.get(
    '/auth/export',
    {
      config: userRoute(),
      schema: {
        tags,
        summary: 'Download everything Sentri stores about you (needs X-Account-Password)',
        response: {
          200: Type.Object({ exportedAt: Type.String() }, { additionalProperties: true }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const header = request.headers['x-account-password'];
      return gdpr.export(principalOf(request), typeof header === 'string' ? header : undefined);
    },
  );

  app.delete(
    '/auth/account',
    {
      config: userRoute(),
      // OAuth-only accounts have no password to confirm, so they may send no body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Delete your account and the workspaces you own',
        body: DeleteAccountBodySchema,
        response: { 200: Type.Object({ ok: Type.Literal(true), message: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await gdpr.erase(principalOf(request), (request.body as { password?: unknown } | undefined)?.password);
      clearSessionCookies(reply, cookies);
      return { ok: true as const, message: 'Account and owned data deleted.' };
    },
  );
}
