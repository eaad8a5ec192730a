import type { Generated } from 'kysely';

/**
 * Row types as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case columns).
 * Timestamps are ISO strings, JSON columns are text, booleans are 0/1 — see migrations/helpers.ts.
 */
type Timestamp = string;
type Json = string;
type Bool = number;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  passwordHash: string | null;
  role: Generated<string>;
  avatar: string | null;
  emailVerified: Generated<Bool>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OauthIdsTable {
  key: string;
  userId: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  ownerId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface WorkspaceMembersTable {
  id: string;
  workspaceId: string;
  userId: string;
  role: Generated<string>;
  joinedAt: Timestamp;
}

export interface UserTokensTable {
  token: string;
  userId: string;
  email: string | null;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface RevokedTokensTable {
  jti: string;
  /** Epoch seconds, the token's own `exp`. */
  expiresAt: number;
}

export interface ProjectsTable {
  id: string;
  workspaceId: string;
  name: string;
  url: string;
  credentials: Json | null;
  failOnVisualRegression: Generated<number>;
  status: Generated<string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export interface TestsTable {
  id: string;
  projectId: string;
  workspaceId: string;
  name: string;
  description: Generated<string>;
  steps: Generated<Json>;
  playwrightCode: string | null;
  playwrightCodePrev: string | null;
  priority: Generated<string>;
  type: Generated<string>;
  scenario: string | null;
  sourceUrl: string | null;
  pageTitle: string | null;
  reviewStatus: Generated<string>;
  reviewedAt: Timestamp | null;
  lastRunAt: Timestamp | null;
  lastResult: string | null;
  codeRegeneratedAt: Timestamp | null;
  aiFixAppliedAt: Timestamp | null;
  qualityScore: number | null;
  isJourneyTest: Generated<Bool>;
  journeyType: string | null;
  assertionEnhanced: Generated<Bool>;
  promptVersion: string | null;
  modelUsed: string | null;
  linkedIssueKey: string | null;
  tags: Generated<Json>;
  generatedFrom: string | null;
  isApiTest: Bool | null;
  codeVersion: Generated<number>;
  isStale: Generated<Bool>;
  flakyScore: Generated<number>;
  preconditions: Json | null;
  testData: Json | null;
  revisionOf: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}
