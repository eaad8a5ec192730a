import type { ArtifactStore, Clock } from '@sentri/core';
import type { Logger } from 'pino';
import { ActivityLog } from './activities/activity-log.js';
import { AccountService } from './auth/account-service.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { ExportService } from './exports/export-service.js';
import { GdprService } from './auth/gdpr-service.js';
import { LoginService } from './auth/login-service.js';
import { createDecoyHash } from './auth/passwords.js';
import { SessionService } from './auth/session-service.js';
import type { SessionTokens } from './auth/session-tokens.js';
import type { Config } from './config/index.js';
import type { Mailer } from './infra/mailer.js';
import type { SecretBox } from './infra/secret-box.js';
import { AiSettingsService } from './settings/ai-settings-service.js';
import { AiProviderCheck } from './settings/provider-check.js';
import { ProjectService } from './projects/project-service.js';
import { RecycleBinService } from './recycle-bin/recycle-bin-service.js';
import type { Repositories } from './repositories.js';
import { TestCountsCache } from './tests/test-counts-cache.js';
import { TestService } from './tests/test-service.js';
import { WorkspaceService } from './workspaces/workspace-service.js';
import type { Lifecycle } from './lifecycle.js';
import { ImageComparer } from '@sentri/engine';
import { RunEventHub } from './runs/run-event-hub.js';
import { RedisRunEventHub } from './runs/redis-event-bus.js';
import { storedEvent } from './runs/sse-channel.js';
import { RunService } from './runs/run-service.js';
import { BaselineService } from './runs/baseline-service.js';
import { CrawlService } from './discovery/crawl-service.js';
import { GenerateService } from './discovery/generate-service.js';
import { FeedbackService } from './discovery/feedback-service.js';
import { NotificationSettingsService } from './notifications/notification-settings-service.js';
import { RunOutcomeHandler } from './automation/run-outcome.js';
import { ScheduleService } from './automation/schedule-service.js';
import { Scheduler } from './automation/scheduler.js';
import { TriggerService } from './automation/trigger-service.js';
import { instanceId } from './automation/instance-id.js';
import { ConnectionCheck } from './system/connection-check.js';
import { SystemInfoService } from './system/system-info.js';
import { TestHistoryService } from './runs/test-history.js';

interface ServiceDeps {
  config: Config;
  repositories: Repositories;
  sessionTokens: SessionTokens;
  mailer: Mailer;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
  artifacts: ArtifactStore;
  lifecycle: Lifecycle;
}

/** The application's use cases, wired once per container. */
export function createServices({
  config,
  repositories: r,
  sessionTokens,
  mailer,
  secretBox,
  clock,
  logger,
  artifacts,
  lifecycle,
}: ServiceDeps) {
  const sessions = new SessionService(sessionTokens, r.revokedTokens, r.workspaces, r.users, clock);
  const activity = new ActivityLog(r.activities, r.counters, clock);
  const testCounts = new TestCountsCache(2000, () => clock.now().getTime());
  const instance = instanceId();
  // With Redis, a run executed by one process streams from any other (and is aborted from any).
  const runEvents = config.redis.url
    ? new RedisRunEventHub({
        url: config.redis.url,
        logger,
        instance,
        replay: async (runId, afterSeq) => (await r.runs.eventsAfter(runId, afterSeq)).map(storedEvent),
      })
    : new RunEventHub();
  const imageComparer = new ImageComparer();
  const projects = new ProjectService(
    r.projects,
    r.counters,
    activity,
    secretBox,
    testCounts,
    clock,
    config.crawl.allowPrivateUrls,
  );
  const aiSettings = new AiSettingsService(r.settings, secretBox, activity, clock, config.ai);
  const notifications = new NotificationSettingsService({
    projects: r.projects,
    notifications: r.notifications,
    counters: r.counters,
    activity,
    box: secretBox,
    clock,
    allowPrivateUrls: config.crawl.allowPrivateUrls,
  });
  const runs = new RunService({
    config,
    runs: r.runs,
    tests: r.tests,
    healing: r.healing,
    baselines: r.baselines,
    comparer: imageComparer,
    projects: r.projects,
    counters: r.counters,
    artifacts,
    hub: runEvents,
    activity,
    countsCache: testCounts,
    lifecycle,
    clock,
    logger,
    feedback: new FeedbackService({
      config,
      aiSettings,
      tests: r.tests,
      runs: r.runs,
      counters: r.counters,
      clock,
      logger,
    }),
    outcomes: new RunOutcomeHandler({
      runs: r.runs,
      projects: r.projects,
      schedules: r.schedules,
      notifications: r.notifications,
      settings: notifications,
      mailer,
      clock,
      logger,
      config,
    }),
  });
  const discoveryDeps = {
    config,
    projects: r.projects,
    runs: r.runs,
    tests: r.tests,
    counters: r.counters,
    hub: runEvents,
    activity,
    countsCache: testCounts,
    lifecycle,
    box: secretBox,
    jobs: runs.jobs,
    aiSettings,
    clock,
    logger,
  };
  return {
    sessions,
    accounts: new AccountService(r.users, r.userTokens, mailer, clock, logger, {
      appUrl: config.appUrl,
      skipEmailVerification: config.auth.skipEmailVerification,
      exposeResetTokens: config.auth.enableDevResetTokens,
    }),
    logins: new LoginService(r.users, r.workspaces, r.counters, sessions, createDecoyHash(), clock),
    workspaces: new WorkspaceService(r.workspaces, r.users, r.counters, clock),
    gdpr: new GdprService(r.users, r.accountData, sessions, clock),
    aiSettings,
    aiProviderCheck: new AiProviderCheck(aiSettings),
    activity,
    projects,
    recycleBin: new RecycleBinService(r.recycleBin, r.workspaceData, projects, activity, testCounts, artifacts),
    tests: new TestService(r.tests, r.projects, r.counters, activity, testCounts, clock),
    exports: new ExportService(r.projects, r.tests),
    dashboard: new DashboardService(r.dashboard, clock),
    runEvents,
    imageComparer,
    baselines: new BaselineService({
      config,
      tests: r.tests,
      runs: r.runs,
      baselines: r.baselines,
      artifacts,
      activity,
      clock,
    }),
    runs,
    testHistory: new TestHistoryService({ tests: r.tests, runs: r.runs }),
    notifications,
    schedules: new ScheduleService({
      projects: r.projects,
      schedules: r.schedules,
      counters: r.counters,
      activity,
      clock,
    }),
    scheduler: new Scheduler({
      schedules: r.schedules,
      tests: r.tests,
      runs,
      activity,
      countsCache: testCounts,
      clock,
      logger,
      config,
      instanceId: instance,
    }),
    triggers: new TriggerService({
      projects: r.projects,
      tokens: r.triggerTokens,
      runsRepository: r.runs,
      runs,
      counters: r.counters,
      activity,
      clock,
      allowPrivateUrls: config.crawl.allowPrivateUrls,
      appUrl: config.appUrl,
    }),
    crawls: new CrawlService(discoveryDeps),
    generate: new GenerateService(discoveryDeps),
    systemInfo: new SystemInfoService({ dashboard: r.dashboard, schedules: r.schedules, config }),
    connectionCheck: new ConnectionCheck({
      allowPrivateUrls: config.crawl.allowPrivateUrls,
      timeoutMs: config.crawl.connectionTestTimeoutMs,
    }),
  } as const;
}

export type Services = ReturnType<typeof createServices>;
