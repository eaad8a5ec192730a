import type { ApiResult, WorkspaceRole } from '../../api/types';

export type Workspace = ApiResult<'/workspaces/current'>;
export type Member = ApiResult<'/workspaces/current/members'>[number];

export const WORKSPACE_KEY = ['workspace', 'current'] as const;
export const MEMBERS_KEY = ['workspace', 'members'] as const;

export const ROLES: { value: WorkspaceRole; label: string; description: string }[] = [
  { value: 'viewer', label: 'Viewer', description: 'Sees everything, changes nothing' },
  { value: 'qa_lead', label: 'QA lead', description: 'Creates projects, crawls, runs and reviews tests' },
  { value: 'admin', label: 'Admin', description: 'Also manages members, settings and deletions' },
];

export const roleLabel = (role: string) => ROLES.find((entry) => entry.value === role)?.label ?? role;
