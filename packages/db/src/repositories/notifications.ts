import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, NotificationDeliveriesTable, NotificationSettingsTable } from '../tables/index.js';

export type NotificationSettingsRow = Selectable<NotificationSettingsTable>;
export type NotificationDeliveryRow = Selectable<NotificationDeliveriesTable>;
export type NewNotificationDelivery = Omit<Insertable<NotificationDeliveriesTable>, 'id'>;

/** Where a project's failure notifications go, and every attempt to deliver one. */
export class NotificationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(projectId: string): Promise<NotificationSettingsRow | undefined> {
    return this.db
      .selectFrom('notification_settings')
      .selectAll()
      .where('projectId', '=', projectId)
      .executeTakeFirst();
  }

  /** Full replace of the channels; the id and `createdAt` of existing settings survive. */
  async upsert(row: Omit<NotificationSettingsRow, 'updatedAt'>, at: string): Promise<NotificationSettingsRow> {
    const { teamsWebhookUrl, slackWebhookUrl, emailRecipients, webhookUrl, enabled } = row;
    await this.db
      .insertInto('notification_settings')
      .values({ ...row, updatedAt: at })
      .onConflict((conflict) =>
        conflict
          .column('projectId')
          .doUpdateSet({ teamsWebhookUrl, slackWebhookUrl, emailRecipients, webhookUrl, enabled, updatedAt: at }),
      )
      .execute();
    return (await this.find(row.projectId)) as NotificationSettingsRow;
  }

  async remove(projectId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('notification_settings')
      .where('projectId', '=', projectId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async recordDeliveries(rows: NewNotificationDelivery[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('notification_deliveries').values(rows).execute();
  }

  /** The latest delivery attempts of a project (optionally of one run), newest first. */
  deliveries(projectId: string, options: { runId?: string; limit?: number } = {}): Promise<NotificationDeliveryRow[]> {
    let query = this.db.selectFrom('notification_deliveries').selectAll().where('projectId', '=', projectId);
    if (options.runId) query = query.where('runId', '=', options.runId);
    return query
      .orderBy('id', 'desc')
      .limit(options.limit ?? 50)
      .execute();
  }
}
