import { AppError, checkOutboundUrl, type Clock } from '@sentri/core';
import type {
  CountersRepository,
  NotificationDeliveryRow,
  NotificationSettingsRow,
  NotificationsRepository,
  ProjectsRepository,
} from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import { roleAllows, type Principal, type WorkspaceScope } from '../auth/access.js';
import type { SecretBox } from '../infra/secret-box.js';
import type { NotificationTargets } from './dispatch.js';
import { redactUrl } from './outbound-post.js';

const URL_CHANNELS = ['teamsWebhookUrl', 'slackWebhookUrl', 'webhookUrl'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type NotificationBody = Partial<Record<(typeof URL_CHANNELS)[number] | 'emailRecipients' | 'enabled', unknown>>;

interface NotificationSettingsDeps {
  projects: ProjectsRepository;
  notifications: NotificationsRepository;
  counters: CountersRepository;
  activity: ActivityLog;
  box: SecretBox;
  clock: Clock;
  allowPrivateUrls: boolean;
}

/**
 * Where a project's failure notifications go. Webhook URLs carry their own secret (anyone with a
 * Slack or Teams webhook URL can post to the channel), so they are sealed at rest and only roles
 * that may change them see them whole.
 */
export class NotificationSettingsService {
  constructor(private readonly deps: NotificationSettingsDeps) {}

  async get(scope: WorkspaceScope, projectId: string) {
    await this.project(scope, projectId);
    const row = await this.deps.notifications.find(projectId);
    return { notifications: row ? this.view(row, roleAllows(scope.role, 'qa_lead')) : null };
  }

  /** Full replace: a channel left out of the body is switched off. */
  async set(actor: Principal, scope: WorkspaceScope, projectId: string, body: NotificationBody) {
    const project = await this.project(scope, projectId);
    const channels = {
      teamsWebhookUrl: channelValue(body, 'teamsWebhookUrl'),
      slackWebhookUrl: channelValue(body, 'slackWebhookUrl'),
      webhookUrl: channelValue(body, 'webhookUrl'),
      emailRecipients: channelValue(body, 'emailRecipients'),
    };
    if (Object.values(channels).every((value) => value === null)) throw new AppError('NOTIFICATIONS_NO_CHANNEL');
    for (const field of URL_CHANNELS) {
      const url = channels[field];
      if (url === null) continue;
      const check = await checkOutboundUrl(url, { allowPrivate: this.deps.allowPrivateUrls });
      if (!check.ok) throw new AppError('URL_REFUSED', `${field}: ${check.reason}`, { field });
    }
    const emails = channels.emailRecipients === null ? null : normaliseEmails(channels.emailRecipients);
    const existing = await this.deps.notifications.find(projectId);
    const now = this.deps.clock.now().toISOString();
    const seal = (value: string | null) => (value === null ? null : this.deps.box.seal(value));
    const row = await this.deps.notifications.upsert(
      {
        id: existing?.id ?? (await this.deps.counters.nextId('notification_setting')),
        projectId,
        teamsWebhookUrl: seal(channels.teamsWebhookUrl),
        slackWebhookUrl: seal(channels.slackWebhookUrl),
        webhookUrl: seal(channels.webhookUrl),
        emailRecipients: emails,
        enabled: body.enabled === undefined ? 1 : body.enabled ? 1 : 0,
        createdAt: existing?.createdAt ?? now,
      },
      now,
    );
    const configured = Object.entries(channels).filter(([, value]) => value !== null);
    await this.deps.activity.record(actor, {
      type: 'notifications.update',
      workspaceId: scope.id,
      projectId,
      projectName: project.name,
      detail: `Channels: ${configured.map(([name]) => name.replace(/WebhookUrl|Url|Recipients/, '')).join(', ')}`,
    });
    return { ok: true as const, notifications: this.view(row, true) };
  }

  async remove(actor: Principal, scope: WorkspaceScope, projectId: string) {
    const project = await this.project(scope, projectId);
    if (!(await this.deps.notifications.remove(projectId))) throw new AppError('NOTIFICATIONS_NOT_FOUND');
    await this.deps.activity.record(actor, {
      type: 'notifications.delete',
      workspaceId: scope.id,
      projectId,
      projectName: project.name,
    });
    return { ok: true as const };
  }

  /** Every recorded delivery attempt, newest first, so "why did nobody hear about it?" has an answer. */
  async deliveries(scope: WorkspaceScope, projectId: string, query: { runId?: string; limit?: number }) {
    await this.project(scope, projectId);
    const rows = await this.deps.notifications.deliveries(projectId, query);
    return { deliveries: rows.map(toDeliveryView) };
  }

  /** The plaintext targets of an enabled project, for the dispatcher; undefined when nothing should be sent. */
  async targetsOf(projectId: string): Promise<NotificationTargets | undefined> {
    const row = await this.deps.notifications.find(projectId);
    if (!row || row.enabled !== 1) return undefined;
    const open = (value: string | null) => (value === null ? null : this.deps.box.open(value));
    return {
      teamsWebhookUrl: open(row.teamsWebhookUrl),
      slackWebhookUrl: open(row.slackWebhookUrl),
      webhookUrl: open(row.webhookUrl),
      emailRecipients: row.emailRecipients,
    };
  }

  private view(row: NotificationSettingsRow, whole: boolean) {
    const show = (value: string | null) => {
      if (value === null) return null;
      const url = this.deps.box.open(value);
      return whole ? url : redactUrl(url);
    };
    return {
      id: row.id,
      projectId: row.projectId,
      teamsWebhookUrl: show(row.teamsWebhookUrl),
      slackWebhookUrl: show(row.slackWebhookUrl),
      emailRecipients: row.emailRecipients,
      webhookUrl: show(row.webhookUrl),
      enabled: row.enabled === 1,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private async project(scope: WorkspaceScope, projectId: string) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', 'Project not found');
    return project;
  }
}

/** A configured channel is a non-empty string; anything else that is not absent is a client mistake. */
function channelValue(body: NotificationBody, field: keyof NotificationBody): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw new AppError('REQUEST_VALIDATION_FAILED', `${field} must be a string.`, { field });
  return value.trim() || null;
}

function normaliseEmails(list: string): string {
  const addresses = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (!EMAIL.test(address) || address.length > 254)
      throw new AppError('NOTIFICATIONS_EMAIL_INVALID', `Invalid email address: ${JSON.stringify(address)}`);
  }
  return addresses.join(', ');
}

export function toDeliveryView(row: NotificationDeliveryRow) {
  return {
    id: row.id,
    runId: row.runId,
    channel: row.channel,
    target: row.target,
    ok: row.ok === 1,
    status: row.status,
    error: row.error,
    durationMs: row.durationMs,
    createdAt: row.createdAt,
  };
}
