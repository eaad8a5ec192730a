import type * as Accounts from './accounts-projects.js';
import type * as Runs from './runs-platform.js';
import type * as Automation from './automation.js';

/** The whole schema, table by table. */
export interface Database {
  users: Accounts.UsersTable;
  oauth_ids: Accounts.OauthIdsTable;
  workspaces: Accounts.WorkspacesTable;
  workspace_members: Accounts.WorkspaceMembersTable;
  password_reset_tokens: Accounts.UserTokensTable;
  verification_tokens: Accounts.UserTokensTable;
  revoked_tokens: Accounts.RevokedTokensTable;
  projects: Accounts.ProjectsTable;
  tests: Accounts.TestsTable;
  runs: Runs.RunsTable;
  run_results: Runs.RunResultsTable;
  run_events: Runs.RunEventsTable;
  activities: Runs.ActivitiesTable;
  schedules: Runs.SchedulesTable;
  notification_settings: Runs.NotificationSettingsTable;
  webhook_tokens: Runs.WebhookTokensTable;
  baseline_screenshots: Runs.BaselineScreenshotsTable;
  healing_history: Runs.HealingHistoryTable;
  settings: Runs.SettingsTable;
  counters: Runs.CountersTable;
  job_ticks: Automation.JobTicksTable;
  notification_deliveries: Automation.NotificationDeliveriesTable;
}

export type * from './accounts-projects.js';
export type * from './runs-platform.js';
export type * from './automation.js';
