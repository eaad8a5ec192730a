import type { Generated } from 'kysely';

type Timestamp = string;
type Json = string;
type Bool = number;

export interface RunsTable {
  id: string;
  projectId: string;
  workspaceId: string;
  type: string;
  status: string;
  triggeredBy: string | null;
  startedAt: Timestamp;
  finishedAt: Timestamp | null;
  duration: number | null;
  error: string | null;
  errorCategory: string | null;
  passed: number | null;
  failed: number | null;
  total: number | null;
  pagesFound: number | null;
  pages: Generated<Json>;
  tests: Generated<Json>;
  testQueue: Json | null;
  parallelWorkers: number | null;
  browser: string | null;
  networkCondition: string | null;
  options: Json | null;
  retryCount: Generated<number>;
  failedAfterRetry: Generated<number>;
  tracePath: string | null;
  videoPath: string | null;
  videoSegments: Generated<Json>;
  generateInput: Json | null;
  promptAudit: Json | null;
  pipelineStats: Json | null;
  feedbackLoop: Json | null;
  qualityAnalytics: Json | null;
  currentStep: Generated<number>;
  rateLimitError: string | null;
  /** Who started a test run: `user`, `schedule` or `ci`; null for crawls and generation. */
  origin: string | null;
  /** Where a CI-triggered run reports its outcome. */
  callbackUrl: string | null;
  siteGraph: Json | null;
  tokenUsage: Json | null;
  workerId: string | null;
  heartbeatAt: Timestamp | null;
  deletedAt: Timestamp | null;
}

export interface RunResultsTable {
  id: Generated<number>;
  runId: string;
  position: number;
  testId: string;
  testName: string;
  status: string;
  durationMs: number | null;
  error: string | null;
  failureCategory: string | null;
  retryCount: Generated<number>;
  browser: string | null;
  startedAt: number | null;
  detail: Generated<Json>;
}

export interface RunEventsTable {
  id: Generated<number>;
  runId: string;
  seq: number;
  type: string;
  level: string | null;
  message: string | null;
  data: Json | null;
  createdAt: Timestamp;
}

export interface ActivitiesTable {
  id: string;
  workspaceId: string | null;
  type: string;
  projectId: string | null;
  projectName: string | null;
  testId: string | null;
  testName: string | null;
  detail: string | null;
  status: Generated<string>;
  userId: string | null;
  userName: string | null;
  createdAt: Timestamp;
}

export interface SchedulesTable {
  id: string;
  projectId: string;
  cronExpr: string;
  timezone: Generated<string>;
  enabled: Generated<Bool>;
  lastRunAt: Timestamp | null;
  nextRunAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NotificationSettingsTable {
  id: string;
  projectId: string;
  teamsWebhookUrl: string | null;
  slackWebhookUrl: string | null;
  emailRecipients: string | null;
  webhookUrl: string | null;
  enabled: Generated<Bool>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface WebhookTokensTable {
  id: string;
  projectId: string;
  tokenHash: string;
  label: string | null;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
}

export interface BaselineScreenshotsTable {
  testId: string;
  stepNumber: number;
  browser: Generated<string>;
  imagePath: string;
  width: number;
  height: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface HealingHistoryTable {
  key: string;
  testId: string;
  strategyIndex: Generated<number>;
  strategyVersion: string | null;
  strategy: string | null;
  succeededAt: Timestamp | null;
  failCount: Generated<number>;
  evidence: Json | null;
  updatedAt: Timestamp;
}

export interface SettingsTable {
  scope: string;
  key: string;
  value: Json;
  updatedAt: Timestamp;
}

export interface CountersTable {
  name: string;
  value: number;
}
