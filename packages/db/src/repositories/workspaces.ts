import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, WorkspacesTable } from '../tables/index.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type WorkspaceRole = 'admin' | 'qa_lead' | 'viewer';

export interface Membership {
  workspaceId: string;
  name: string;
  slug: string;
  ownerId: string;
  role: WorkspaceRole;
  createdAt: string;
}

export interface MemberView {
  id: string;
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  joinedAt: string;
  name: string;
  email: string;
  avatar: string | null;
}

/** Workspaces and who belongs to them with which role. */
export class WorkspacesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a workspace with its owner as the first admin, atomically. */
  async createWithOwner(input: {
    id: string;
    memberId: string;
    name: string;
    slug: string;
    ownerId: string;
    at: string;
  }): Promise<WorkspaceRow> {
    return this.db.transaction().execute(async (trx) => {
      const workspace = await trx
        .insertInto('workspaces')
        .values({
          id: input.id,
          name: input.name,
          slug: input.slug,
          ownerId: input.ownerId,
          createdAt: input.at,
          updatedAt: input.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('workspace_members')
        .values({ id: input.memberId, workspaceId: input.id, userId: input.ownerId, role: 'admin', joinedAt: input.at })
        .execute();
      return workspace;
    });
  }

  findById(id: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findBySlug(slug: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** The user's workspaces, owned ones first, then oldest first: the order workspace resolution uses. */
  async membershipsOf(userId: string): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom('workspace_members as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspaceId')
      .select(['w.id as workspaceId', 'w.name', 'w.slug', 'w.ownerId', 'm.role', 'w.createdAt'])
      .where('m.userId', '=', userId)
      .orderBy(sql`case when ${sql.ref('w.ownerId')} = ${userId} then 0 else 1 end`)
      .orderBy('w.createdAt')
      .orderBy('w.id')
      .execute();
    return rows as Membership[];
  }

  roleOf(userId: string, workspaceId: string): Promise<WorkspaceRole | undefined> {
    return this.roleIn(this.db, userId, workspaceId);
  }

  async update(id: string, changes: { name?: string; slug?: string }, at: string): Promise<WorkspaceRow> {
    return this.db
      .updateTable('workspaces')
      .set({ ...changes, updatedAt: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async members(workspaceId: string): Promise<MemberView[]> {
    const rows = await this.db
      .selectFrom('workspace_members as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select(['m.id', 'm.workspaceId', 'm.userId', 'm.role', 'm.joinedAt', 'u.name', 'u.email', 'u.avatar'])
      .where('m.workspaceId', '=', workspaceId)
      .orderBy('m.joinedAt')
      .orderBy('m.id')
      .execute();
    return rows as MemberView[];
  }

  async addMember(input: {
    id: string;
    workspaceId: string;
    userId: string;
    role: WorkspaceRole;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('workspace_members')
      .values({
        id: input.id,
        workspaceId: input.workspaceId,
        userId: input.userId,
        role: input.role,
        joinedAt: input.at,
      })
      .execute();
  }

  /** Changes a member's role unless that would leave the workspace without an admin. */
  async setRole(
    workspaceId: string,
    userId: string,
    role: WorkspaceRole,
  ): Promise<'updated' | 'not_member' | 'last_admin'> {
    return this.lockingWorkspace(workspaceId, async (trx) => {
      const current = await this.roleIn(trx, userId, workspaceId);
      if (!current) return 'not_member';
      if (current === 'admin' && role !== 'admin' && (await this.otherAdmins(trx, workspaceId, userId)) === 0)
        return 'last_admin';
      await trx
        .updateTable('workspace_members')
        .set({ role })
        .where('workspaceId', '=', workspaceId)
        .where('userId', '=', userId)
        .execute();
      return 'updated';
    });
  }

  /** Removes a member unless they are the last admin. */
  async removeMember(workspaceId: string, userId: string): Promise<'removed' | 'not_member' | 'last_admin'> {
    return this.lockingWorkspace(workspaceId, async (trx) => {
      const current = await this.roleIn(trx, userId, workspaceId);
      if (!current) return 'not_member';
      if (current === 'admin' && (await this.otherAdmins(trx, workspaceId, userId)) === 0) return 'last_admin';
      await trx
        .deleteFrom('workspace_members')
        .where('workspaceId', '=', workspaceId)
        .where('userId', '=', userId)
        .execute();
      return 'removed';
    });
  }

  /**
   * Runs membership changes one workspace at a time: the no-op update takes the workspace row's
   * write lock (PostgreSQL) or the database write lock (SQLite) before anything is read, so two
   * admins demoting each other at once cannot both succeed.
   */
  private lockingWorkspace<T>(workspaceId: string, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('workspaces')
        .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
        .where('id', '=', workspaceId)
        .execute();
      return work(trx);
    });
  }

  private async roleIn(db: Kysely<Database>, userId: string, workspaceId: string): Promise<WorkspaceRole | undefined> {
    const row = await db
      .selectFrom('workspace_members')
      .select('role')
      .where('userId', '=', userId)
      .where('workspaceId', '=', workspaceId)
      .executeTakeFirst();
    return row?.role as WorkspaceRole | undefined;
  }

  private async otherAdmins(db: Kysely<Database>, workspaceId: string, userId: string): Promise<number> {
    const row = await db
      .selectFrom('workspace_members')
      .select((eb) => eb.fn.countAll<number>().as('admins'))
      .where('workspaceId', '=', workspaceId)
      .where('role', '=', 'admin')
      .where('userId', '!=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.admins);
  }
}
