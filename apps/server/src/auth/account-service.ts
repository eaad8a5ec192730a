import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, type Clock } from '@sentri/core';
import type { UserTokenKind, UserTokensRepository, UsersRepository } from '@sentri/db';
import type { Logger } from 'pino';
import type { Mailer } from '../infra/mailer.js';
import { hashPassword, normaliseEmail, passwordProblem } from './passwords.js';

const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 30 * 60 * 1000;

export interface AccountServiceOptions {
  appUrl: string;
  skipEmailVerification: boolean;
  exposeResetTokens: boolean;
}

export const digestToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sign-up, e-mail verification and password reset: everything before a session exists. */
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: UserTokensRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: AccountServiceOptions,
  ) {}

  async register(input: {
    name?: unknown;
    email?: unknown;
    password?: unknown;
  }): Promise<{ message: string; requiresVerification?: true }> {
    const name = typeof input.name === 'string' ? input.name.trim().slice(0, 100) : '';
    if (!name) throw new AppError('REQUEST_VALIDATION_FAILED', 'Name is required.', { field: 'body.name' });
    const email = normaliseEmail(input.email);
    if (!email)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'A valid email address is required.', { field: 'body.email' });
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError('REQUEST_VALIDATION_FAILED', problem, { field: 'body.password' });
    if (await this.users.findByEmail(email)) throw new AppError('AUTH_EMAIL_TAKEN');

    const verified = this.options.skipEmailVerification;
    let user;
    try {
      user = await this.users.insert({
        id: randomUUID(),
        name,
        email,
        passwordHash: await hashPassword(input.password as string),
        emailVerified: verified,
        createdAt: this.now().toISOString(),
      });
    } catch (error) {
      // Two sign-ups with one address at once: the unique index decides, the loser gets 409.
      if (await this.users.findByEmail(email)) throw new AppError('AUTH_EMAIL_TAKEN');
      throw error;
    }
    if (verified) return { message: 'Account created successfully.' };
    await this.sendVerification(user.id, email, name);
    return { message: 'Account created. Please check your email to verify your account.', requiresVerification: true };
  }

  async verifyEmail(token: unknown): Promise<{ message: string; verified: true }> {
    if (typeof token !== 'string' || !token)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'Verification token is required.', {
        field: 'querystring.token',
      });
    const claimed = await this.tokens.claim('verification', digestToken(token), this.now().toISOString());
    if (!claimed)
      throw new AppError('AUTH_TOKEN_INVALID', 'Invalid or expired verification link. Please request a new one.');
    const user = await this.users.findById(claimed.userId);
    if (!user) throw new AppError('AUTH_TOKEN_INVALID', 'Account not found.');
    await this.users.update(user.id, { emailVerified: 1 }, this.now().toISOString());
    await this.tokens.discardUnused('verification', user.id);
    return { message: 'Email verified successfully. You can now sign in.', verified: true };
  }

  /** Same answer whoever asks, so the endpoint cannot be used to discover accounts. */
  async resendVerification(emailInput: unknown): Promise<{ message: string }> {
    const email = normaliseEmail(emailInput);
    if (!email)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'A valid email address is required.', { field: 'body.email' });
    const user = await this.users.findByEmail(email);
    if (user && user.emailVerified !== 1) await this.sendVerification(user.id, email, user.name);
    return { message: 'If an unverified account with that email exists, a verification link has been sent.' };
  }

  async forgotPassword(emailInput: unknown): Promise<{ message: string; resetToken?: string; resetUrl?: string }> {
    const email = normaliseEmail(emailInput);
    if (!email)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'A valid email address is required.', { field: 'body.email' });
    const answer = { message: 'If an account with that email exists, a password reset link has been generated.' };
    const user = await this.users.findByEmail(email);
    if (!user || user.passwordHash === null) return answer;
    const token = await this.issue('password_reset', user.id, email, RESET_TTL_MS);
    const resetUrl = `${this.options.appUrl}/forgot-password?token=${token}`;
    this.deliver(
      email,
      'Reset your Sentri password',
      `Hello ${user.name},\n\nSomeone asked to reset the password of your Sentri account. If it was you, open this link within 30 minutes:\n\n${resetUrl}\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n`,
    );
    return this.options.exposeResetTokens ? { ...answer, resetToken: token, resetUrl } : answer;
  }

  /** Checks the new password before touching the token, so a weak password does not burn the link. */
  async resetPassword(input: { token?: unknown; newPassword?: unknown }): Promise<{ message: string }> {
    if (typeof input.token !== 'string' || !input.token)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'Reset token is required.', { field: 'body.token' });
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new AppError('REQUEST_VALIDATION_FAILED', problem, { field: 'body.newPassword' });
    const now = this.now().toISOString();
    const claimed = await this.tokens.claim('password_reset', digestToken(input.token), now);
    if (!claimed) throw new AppError('AUTH_TOKEN_INVALID', 'Invalid or expired reset token. Please request a new one.');
    const user = await this.users.findById(claimed.userId);
    if (!user) throw new AppError('AUTH_TOKEN_INVALID', 'Account not found.');
    await this.users.update(user.id, { passwordHash: await hashPassword(input.newPassword as string) }, now);
    await this.tokens.discardUnused('password_reset', user.id);
    return { message: 'Password has been reset successfully. You can now sign in.' };
  }

  private async sendVerification(userId: string, email: string, name: string): Promise<void> {
    const token = await this.issue('verification', userId, email, VERIFICATION_TTL_MS);
    const link = `${this.options.appUrl}/login?verify=${token}`;
    this.deliver(
      email,
      'Verify your Sentri account',
      `Hello ${name},\n\nWelcome to Sentri. Confirm your e-mail address by opening this link within 24 hours:\n\n${link}\n`,
    );
  }

  private async issue(kind: UserTokenKind, userId: string, email: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.tokens.issue(kind, {
      digest: digestToken(token),
      userId,
      email,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    });
    return token;
  }

  /**
   * Mail goes out after the response: the answer takes the same time whether or not an account
   * exists, and a slow or broken mail server never fails the request.
   */
  private deliver(to: string, subject: string, text: string): void {
    this.mailer.send({ to, subject, text }).catch((error: unknown) => {
      this.logger.warn({ err: error, subject }, 'could not send e-mail');
    });
  }

  private now(): Date {
    return this.clock.now();
  }
}
