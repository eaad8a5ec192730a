export { openDatabase, databaseOptionsFrom, type DatabaseHandle, type DatabaseOptions } from './connect.js';
export { isDatabaseUnavailable } from './unavailable.js';
export { migrateToLatest, MigrationError, MIGRATION_NAMES, type Dialect } from './migrations/index.js';
export { CountersRepository } from './repositories/counters.js';
export {
  ProjectsRepository,
  type ProjectRow,
  type NewProject,
  type Page,
  type SoftDeleteOutcome,
} from './repositories/projects.js';
export { ActivitiesRepository, type ActivityRow, type NewActivity } from './repositories/activities.js';
export type * from './tables/index.js';
export { UsersRepository, type UserRow, type NewUser } from './repositories/users.js';
export { UserTokensRepository, type UserTokenKind } from './repositories/user-tokens.js';
export { RevokedTokensRepository } from './repositories/revoked-tokens.js';
export {
  WorkspacesRepository,
  type WorkspaceRow,
  type WorkspaceRole,
  type Membership,
  type MemberView,
} from './repositories/workspaces.js';
export { AccountDataRepository } from './repositories/account-data.js';
export { SettingsRepository } from './repositories/settings.js';
export {
  TestsRepository,
  type TestRow,
  type NewTest,
  type NewGeneratedTest,
  type TestChanges,
  type TestFilters,
  type TestCounts,
} from './repositories/tests.js';
export { RecycleBinRepository, type BinType } from './repositories/recycle-bin.js';
export {
  RunsRepository,
  type RunRow,
  type RunResultRow,
  type RunEventRow,
  type NewRun,
  type NewRunEvent,
  type NewRunResult,
  type RunChanges,
  type StartOutcome,
  type TestHistoryRow,
} from './repositories/runs.js';
export { WorkspaceDataRepository } from './repositories/workspace-data.js';
export { DashboardRepository } from './repositories/dashboard.js';
export { HealingRepository, type HealingRow, type HealingOutcome } from './repositories/healing.js';
export { BaselinesRepository, type BaselineRow } from './repositories/baselines.js';
export { SchedulesRepository, type ScheduleRow, type JobTickRow, type DueSchedule } from './repositories/schedules.js';
export {
  NotificationsRepository,
  type NotificationSettingsRow,
  type NotificationDeliveryRow,
  type NewNotificationDelivery,
} from './repositories/notifications.js';
export { TriggerTokensRepository, type TriggerTokenRow } from './repositories/trigger-tokens.js';
