import { AppError, type Clock } from '@sentri/core';
import type {
  CountersRepository,
  MemberView,
  UsersRepository,
  WorkspaceRole,
  WorkspaceRow,
  WorkspacesRepository,
} from '@sentri/db';
import { ROLES } from '../auth/access.js';
import type { WorkspaceScope } from '../auth/access.js';
import { normaliseEmail } from '../auth/passwords.js';

const INVALID_ROLE = `Invalid role. Must be one of: ${ROLES.slice().reverse().join(', ')}`;

/** Workspace settings and membership, always within the caller's current workspace. */
export class WorkspaceService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly users: UsersRepository,
    private readonly counters: CountersRepository,
    private readonly clock: Clock,
  ) {}

  async list(userId: string) {
    const memberships = await this.workspaces.membershipsOf(userId);
    return memberships.map((membership) => ({
      id: membership.workspaceId,
      name: membership.name,
      slug: membership.slug,
      role: membership.role,
      isOwner: membership.ownerId === userId,
      createdAt: membership.createdAt,
    }));
  }

  async current(scope: WorkspaceScope): Promise<WorkspaceRow> {
    const workspace = await this.workspaces.findById(scope.id);
    if (!workspace) throw new AppError('WORKSPACE_NOT_FOUND');
    return workspace;
  }

  async update(scope: WorkspaceScope, input: { name?: unknown; slug?: unknown }): Promise<WorkspaceRow> {
    const changes: { name?: string; slug?: string } = {};
    if (typeof input.name === 'string' && input.name.trim()) changes.name = input.name.trim().slice(0, 100);
    if (typeof input.slug === 'string' && input.slug) {
      const slug = input.slug
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-/, '')
        .replace(/-$/, '')
        .slice(0, 50);
      if (!slug) throw new AppError('REQUEST_VALIDATION_FAILED', 'Invalid slug.', { field: 'body.slug' });
      const holder = await this.workspaces.findBySlug(slug);
      if (holder && holder.id !== scope.id) throw new AppError('WORKSPACE_SLUG_TAKEN');
      changes.slug = slug;
    }
    if (changes.name === undefined && changes.slug === undefined) {
      throw new AppError('REQUEST_VALIDATION_FAILED', 'No valid fields to update.', { field: 'body' });
    }
    return this.workspaces.update(scope.id, changes, this.clock.now().toISOString());
  }

  members(scope: WorkspaceScope): Promise<MemberView[]> {
    return this.workspaces.members(scope.id);
  }

  async addMember(scope: WorkspaceScope, input: { email?: unknown; role?: unknown }): Promise<MemberView> {
    if (typeof input.email !== 'string' || !input.email.trim()) {
      throw new AppError('REQUEST_VALIDATION_FAILED', 'Email is required.', { field: 'body.email' });
    }
    const role = this.parseRole(input.role ?? 'viewer');
    const email = normaliseEmail(input.email) ?? input.email.trim().toLowerCase();
    const user = await this.users.findByEmail(email);
    if (!user) throw new AppError('WORKSPACE_USER_UNKNOWN');
    if (await this.workspaces.roleOf(user.id, scope.id)) throw new AppError('WORKSPACE_MEMBER_EXISTS');
    const id = await this.counters.nextId('workspace_member');
    try {
      await this.workspaces.addMember({
        id,
        workspaceId: scope.id,
        userId: user.id,
        role,
        at: this.clock.now().toISOString(),
      });
    } catch (error) {
      // Added concurrently by another admin: the unique index decides.
      if (await this.workspaces.roleOf(user.id, scope.id)) throw new AppError('WORKSPACE_MEMBER_EXISTS');
      throw error;
    }
    const added = (await this.workspaces.members(scope.id)).find((member) => member.userId === user.id);
    if (!added) throw new AppError('WORKSPACE_MEMBER_NOT_FOUND');
    return added;
  }

  async setRole(
    scope: WorkspaceScope,
    userId: string,
    roleInput: unknown,
  ): Promise<{ userId: string; role: WorkspaceRole; updated: true }> {
    const role = this.parseRole(roleInput);
    const outcome = await this.workspaces.setRole(scope.id, userId, role);
    if (outcome === 'not_member') throw new AppError('WORKSPACE_MEMBER_NOT_FOUND');
    if (outcome === 'last_admin') throw new AppError('WORKSPACE_LAST_ADMIN');
    return { userId, role, updated: true };
  }

  async removeMember(scope: WorkspaceScope, userId: string): Promise<{ userId: string; removed: true }> {
    const outcome = await this.workspaces.removeMember(scope.id, userId);
    if (outcome === 'not_member') throw new AppError('WORKSPACE_MEMBER_NOT_FOUND');
    if (outcome === 'last_admin') {
      throw new AppError('WORKSPACE_LAST_ADMIN', 'Cannot remove the last admin. Transfer ownership first.');
    }
    return { userId, removed: true };
  }

  private parseRole(value: unknown): WorkspaceRole {
    if (typeof value === 'string' && (ROLES as string[]).includes(value)) return value as WorkspaceRole;
    throw new AppError('REQUEST_VALIDATION_FAILED', INVALID_ROLE, { field: 'body.role' });
  }
}
