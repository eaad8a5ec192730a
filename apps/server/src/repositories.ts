import {
  AccountDataRepository,
  ActivitiesRepository,
  CountersRepository,
  BaselinesRepository,
  DashboardRepository,
  HealingRepository,
  RunsRepository,
  ProjectsRepository,
  RevokedTokensRepository,
  RecycleBinRepository,
  SettingsRepository,
  WorkspaceDataRepository,
  TestsRepository,
  UserTokensRepository,
  UsersRepository,
  WorkspacesRepository,
  SchedulesRepository,
  NotificationsRepository,
  TriggerTokensRepository,
  type DatabaseHandle,
} from '@sentri/db';

/** Every repository over one database handle. */
export function createRepositories(database: DatabaseHandle) {
  const { db } = database;
  return {
    counters: new CountersRepository(db),
    projects: new ProjectsRepository(db),
    users: new UsersRepository(db),
    userTokens: new UserTokensRepository(db),
    revokedTokens: new RevokedTokensRepository(db),
    workspaces: new WorkspacesRepository(db),
    accountData: new AccountDataRepository(db),
    settings: new SettingsRepository(db),
    activities: new ActivitiesRepository(db),
    tests: new TestsRepository(db),
    recycleBin: new RecycleBinRepository(db),
    workspaceData: new WorkspaceDataRepository(db),
    dashboard: new DashboardRepository(db),
    runs: new RunsRepository(db),
    healing: new HealingRepository(db),
    baselines: new BaselinesRepository(db),
    schedules: new SchedulesRepository(db),
    notifications: new NotificationsRepository(db),
    triggerTokens: new TriggerTokensRepository(db),
  } as const;
}

export type Repositories = ReturnType<typeof createRepositories>;
