import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const ProjectParams = Type.Object({ id: Type.String() });
const Ok = Type.Object({ ok: Type.Literal(true) });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Schedule = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  cronExpr: Type.String(),
  timezone: Type.String(),
  enabled: Type.Boolean(),
  lastRunAt: NullableString,
  nextRunAt: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Tick = Type.Object({
  dueAt: Type.String(),
  outcome: Type.String({
    description:
      'started, skipped_active, skipped_no_tests, skipped_no_project, missed, failed (or claimed while starting)',
  }),
  runId: NullableString,
  detail: NullableString,
  recordedAt: Type.String(),
});
const Notifications = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  teamsWebhookUrl: NullableString,
  slackWebhookUrl: NullableString,
  emailRecipients: NullableString,
  webhookUrl: NullableString,
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Delivery = Type.Object({
  id: Type.Integer(),
  runId: Type.String(),
  channel: Type.String({ description: 'teams, slack, email, webhook or callback' }),
  target: Type.String({ description: 'The e-mail address, or the URL with its secret path hidden.' }),
  ok: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  error: NullableString,
  durationMs: Type.Integer(),
  createdAt: Type.String(),
});

/** A project's schedule and failure notifications (API.md §4.5, §4.6). */
export async function automationRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { schedules, notifications } = container.services;
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get(
    '/projects/:id/schedule',
    {
      config: memberRoute(),
      schema: {
        tags: ['schedules'],
        summary: "A project's recurring run",
        params: ProjectParams,
        response: { 200: Type.Object({ schedule: Type.Union([Schedule, Type.Null()]) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => schedules.get(workspaceOf(request), idOf(request)),
  );

  app.patch(
    '/projects/:id/schedule',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags: ['schedules'],
        summary: 'Create or replace the schedule (5-field cron in an IANA time zone)',
        params: ProjectParams,
        body: Type.Object({
          cronExpr: Type.Optional(Type.Unknown({ description: 'e.g. "0 2 * * 1-5" (02:00 on weekdays)' })),
          timezone: Type.Optional(Type.Unknown({ description: 'IANA zone, default UTC' })),
          enabled: Type.Optional(Type.Unknown()),
        }),
        response: { 200: Type.Object({ ok: Type.Literal(true), schedule: Schedule }), ...ERROR_RESPONSES },
      },
    },
    async (request) => schedules.set(principalOf(request), workspaceOf(request), idOf(request), request.body as object),
  );

  app.delete(
    '/projects/:id/schedule',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags: ['schedules'],
        summary: 'Remove the schedule',
        params: ProjectParams,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (request) => schedules.remove(principalOf(request), workspaceOf(request), idOf(request)),
  );

  app.get(
    '/projects/:id/schedule/history',
    {
      config: memberRoute(),
      schema: {
        tags: ['schedules'],
        summary: 'What became of the latest due times: started, skipped and why, or missed while the server was down',
        params: ProjectParams,
        response: { 200: Type.Object({ ticks: Type.Array(Tick) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => schedules.history(workspaceOf(request), idOf(request)),
  );

  app.get(
    '/projects/:id/notifications',
    {
      config: memberRoute(),
      schema: {
        tags: ['notifications'],
        summary: 'Where failure notifications go (webhook URLs shown whole to QA leads and admins only)',
        params: ProjectParams,
        response: { 200: Type.Object({ notifications: Type.Union([Notifications, Type.Null()]) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => notifications.get(workspaceOf(request), idOf(request)),
  );

  app.patch(
    '/projects/:id/notifications',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags: ['notifications'],
        summary: 'Replace the notification channels (a channel left out is switched off)',
        params: ProjectParams,
        body: Type.Object({
          teamsWebhookUrl: Type.Optional(Type.Unknown()),
          slackWebhookUrl: Type.Optional(Type.Unknown()),
          emailRecipients: Type.Optional(Type.Unknown({ description: 'Comma-separated addresses' })),
          webhookUrl: Type.Optional(Type.Unknown()),
          enabled: Type.Optional(Type.Unknown()),
        }),
        response: { 200: Type.Object({ ok: Type.Literal(true), notifications: Notifications }), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      notifications.set(principalOf(request), workspaceOf(request), idOf(request), request.body as object),
  );

  app.delete(
    '/projects/:id/notifications',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags: ['notifications'],
        summary: 'Remove the notification settings',
        params: ProjectParams,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (request) => notifications.remove(principalOf(request), workspaceOf(request), idOf(request)),
  );

  app.get(
    '/projects/:id/notifications/deliveries',
    {
      config: memberRoute(),
      schema: {
        tags: ['notifications'],
        summary: 'Every attempt to deliver a notification or CI callback, newest first',
        params: ProjectParams,
        querystring: Type.Object({
          runId: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Object({ deliveries: Type.Array(Delivery) }), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      notifications.deliveries(
        workspaceOf(request),
        idOf(request),
        request.query as { runId?: string; limit?: number },
      ),
  );
}
