import {
  EmailBodySchema,
  ForgotResponseSchema,
  LoginBodySchema,
  MessageSchema,
  RegisterBodySchema,
  RegisterResponseSchema,
  ResetBodySchema,
  SessionResponseSchema,
  UserSchema,
  VerifyQuerySchema,
  VerifyResponseSchema,
} from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { publicRoute, userRoute } from '../auth/access.js';
import { clearSessionCookies } from '../auth/cookies.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, cookiePolicyFor, principalOf, replyWithSession } from '../http/route-helpers.js';

const tags = ['auth'];

/** Sign-up, sign-in and the session lifecycle (API.md §4.1, §4.2). */
export async function authRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { accounts, logins, sessions } = container.services;
  const cookies = cookiePolicyFor(container.config);
  const ttl = sessions.ttlSeconds;

  app.post(
    '/auth/register',
    {
      config: publicRoute(),
      schema: {
        tags,
        summary: 'Create an account',
        body: RegisterBodySchema,
        response: { 201: RegisterResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await accounts.register(request.body as Record<string, unknown>)),
  );

  app.post(
    '/auth/login',
    {
      config: publicRoute('login'),
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: LoginBodySchema,
        response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      replyWithSession(reply, cookies, await logins.login(request.body as Record<string, unknown>), ttl),
  );

  app.get(
    '/auth/verify',
    {
      config: publicRoute(),
      schema: {
        tags,
        summary: 'Confirm an e-mail address',
        querystring: VerifyQuerySchema,
        response: { 200: VerifyResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => accounts.verifyEmail((request.query as { token?: string }).token),
  );

  app.post(
    '/auth/resend-verification',
    {
      config: publicRoute('forgot'),
      schema: {
        tags,
        summary: 'Send the verification link again',
        body: EmailBodySchema,
        response: { 200: MessageSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => accounts.resendVerification((request.body as { email?: unknown }).email),
  );

  app.post(
    '/auth/forgot-password',
    {
      config: publicRoute('forgot'),
      schema: {
        tags,
        summary: 'E-mail a password-reset link',
        body: EmailBodySchema,
        response: { 200: ForgotResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => accounts.forgotPassword((request.body as { email?: unknown }).email),
  );

  app.post(
    '/auth/reset-password',
    {
      config: publicRoute('reset'),
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: ResetBodySchema,
        response: { 200: MessageSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => accounts.resetPassword(request.body as Record<string, unknown>),
  );

  app.post(
    '/auth/logout',
    {
      config: userRoute(),
      schema: {
        tags,
        summary: 'Sign out and revoke this session',
        response: { 200: MessageSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await logins.logout(principalOf(request));
      clearSessionCookies(reply, cookies);
      return { message: 'Signed out successfully.' };
    },
  );

  app.post(
    '/auth/refresh',
    {
      config: userRoute(),
      schema: {
        tags,
        summary: 'Exchange this session for a fresh one',
        response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => replyWithSession(reply, cookies, await logins.refresh(principalOf(request)), ttl),
  );

  app.get(
    '/auth/me',
    {
      config: userRoute(),
      schema: { tags, summary: 'The signed-in user', response: { 200: UserSchema, ...ERROR_RESPONSES } },
    },
    async (request) => logins.me(principalOf(request)),
  );
}
