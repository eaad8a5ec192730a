import { AppError, type Clock } from '@sentri/core';
import type { AccountDataRepository, UsersRepository } from '@sentri/db';
import type { Principal } from './access.js';
import { verifyPassword } from './passwords.js';
import type { SessionService } from './session-service.js';

/** Data portability and erasure; both need the account password (when there is one). */
export class GdprService {
  constructor(
    private readonly users: UsersRepository,
    private readonly data: AccountDataRepository,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  async export(principal: Principal, password: string | undefined) {
    await this.confirm(principal.userId, password);
    const exported = await this.data.export(principal.userId);
    if (!exported) throw new AppError('USER_NOT_FOUND');
    return { exportedAt: this.clock.now().toISOString(), ...exported };
  }

  async erase(principal: Principal, password: unknown): Promise<void> {
    await this.confirm(principal.userId, typeof password === 'string' ? password : undefined);
    await this.data.erase(principal.userId);
    await this.sessions.revoke(principal);
  }

  /** Password accounts must re-enter their password; OAuth-only accounts have none to give. */
  private async confirm(userId: string, password: string | undefined): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.passwordHash === null) return;
    if (!password) throw new AppError('AUTH_PASSWORD_CONFIRMATION_REQUIRED');
    if (!(await verifyPassword(password, user.passwordHash))) throw new AppError('AUTH_PASSWORD_CONFIRMATION_FAILED');
  }
}
