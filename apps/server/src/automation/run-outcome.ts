import type { Clock } from '@sentri/core';
import type {
  NewNotificationDelivery,
  NotificationsRepository,
  ProjectsRepository,
  RunRow,
  RunsRepository,
  SchedulesRepository,
} from '@sentri/db';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Mailer } from '../infra/mailer.js';
import { dispatchFailure, type DeliveryRecord } from '../notifications/dispatch.js';
import type { NotificationSettingsService } from '../notifications/notification-settings-service.js';
import { postJson, redactUrl } from '../notifications/outbound-post.js';
import { buildRunDigest } from '../notifications/run-digest.js';

/** A notification channel's delivery, or the CI caller's callback. */
export type Delivery = Omit<DeliveryRecord, 'channel'> & { channel: DeliveryRecord['channel'] | 'callback' };

interface RunOutcomeDeps {
  runs: RunsRepository;
  projects: ProjectsRepository;
  schedules: SchedulesRepository;
  notifications: NotificationsRepository;
  settings: Pick<NotificationSettingsService, 'targetsOf'>;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  config: Config;
}

/** Origins whose failures are announced; a reviewer trying out one test is not news. */
const NOTIFYING_ORIGINS = new Set(['user', 'schedule', 'ci']);

/**
 * What happens once a test run has ended, whatever the ending: a schedule notes when it last
 * ran, failures go out on the project's channels, and a CI caller's callback hears the outcome.
 * Every delivery attempt is stored; none of it can fail the run.
 */
export class RunOutcomeHandler {
  constructor(private readonly deps: RunOutcomeDeps) {}

  async afterRun(runId: string): Promise<Delivery[]> {
    const run = await this.deps.runs.findById(runId);
    if (!run || run.type !== 'test_run') return [];
    const now = this.deps.clock.now();
    if (run.origin === 'schedule') await this.deps.schedules.markRan(run.projectId, now.toISOString());
    const records: Delivery[] = [];
    if ((run.failed ?? 0) > 0 && NOTIFYING_ORIGINS.has(run.origin ?? ''))
      records.push(...(await this.notify(run, now)));
    if (run.callbackUrl) records.push(await this.callBack(run, run.callbackUrl));
    await this.deps.notifications.recordDeliveries(records.map((record) => this.row(run, record, now)));
    for (const record of records.filter((item) => !item.ok)) {
      this.deps.logger.warn({ runId, channel: record.channel, error: record.error }, 'notification not delivered');
    }
    return records;
  }

  private async notify(run: RunRow, now: Date): Promise<DeliveryRecord[]> {
    const targets = await this.deps.settings.targetsOf(run.projectId);
    if (!targets) return [];
    const project = await this.deps.projects.findLiveById(run.projectId);
    const failing = (await this.deps.runs.results(run.id)).filter((result) => result.status === 'failed');
    const digest = buildRunDigest({
      run,
      projectName: project?.name ?? run.projectId,
      failedTestNames: failing.map((result) => result.testName),
      appUrl: this.deps.config.appUrl,
      now,
    });
    return dispatchFailure(digest, targets, {
      mailer: this.deps.mailer,
      allowPrivate: this.deps.config.crawl.allowPrivateUrls,
      timeoutMs: this.deps.config.automation.notificationTimeoutMs,
    });
  }

  private async callBack(run: RunRow, url: string): Promise<Delivery> {
    const outcome = await postJson(
      url,
      {
        runId: run.id,
        status: run.status,
        passed: run.passed ?? 0,
        failed: run.failed ?? 0,
        total: run.total ?? 0,
        error: run.error,
      },
      {
        allowPrivate: this.deps.config.crawl.allowPrivateUrls,
        timeoutMs: this.deps.config.automation.notificationTimeoutMs,
      },
    );
    return { ...outcome, channel: 'callback', target: redactUrl(url) };
  }

  private row(run: RunRow, record: Delivery, now: Date): NewNotificationDelivery {
    return {
      runId: run.id,
      projectId: run.projectId,
      channel: record.channel,
      target: record.target,
      ok: record.ok ? 1 : 0,
      status: record.status,
      error: record.error,
      durationMs: Math.round(record.durationMs),
      createdAt: now.toISOString(),
    };
  }
}
