import type { Membership, UserRow } from '@sentri/db';
import { pickWorkspace } from './session-service.js';

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: string;
  avatar: string | null;
  hasPassword: boolean;
  emailVerified: boolean;
  workspaceId?: string;
  workspaceName?: string;
  workspaceRole?: string;
  workspaces?: Array<{ id: string; name: string; role: string; isOwner: boolean }>;
  createdAt?: string;
}

/**
 * What a client learns about the signed-in user: never the password hash. The `workspace*`
 * fields describe the current workspace; the list appears when there is a choice to make.
 */
export function toUserView(user: UserRow, memberships: Membership[], hint: string | undefined): UserView {
  const current = pickWorkspace(memberships, hint);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    avatar: user.avatar,
    hasPassword: user.passwordHash !== null,
    emailVerified: user.emailVerified === 1,
    ...(current ? { workspaceId: current.workspaceId, workspaceName: current.name, workspaceRole: current.role } : {}),
    ...(memberships.length >= 2
      ? {
          workspaces: memberships.map((membership) => ({
            id: membership.workspaceId,
            name: membership.name,
            role: membership.role,
            isOwner: membership.ownerId === user.id,
          })),
        }
      : {}),
  };
}
