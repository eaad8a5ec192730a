import { ApiError, messageOf } from '../../../api/client';

/** Query keys of the automation tabs; everything of one project sits under `['projects', id]`. */
export const automationKeys = {
  schedule: (projectId: string) => ['projects', projectId, 'schedule'] as const,
  scheduleHistory: (projectId: string) => ['projects', projectId, 'schedule', 'history'] as const,
  notifications: (projectId: string) => ['projects', projectId, 'notifications'] as const,
  deliveries: (projectId: string) => ['projects', projectId, 'notifications', 'deliveries'] as const,
  triggerTokens: (projectId: string) => ['projects', projectId, 'trigger-tokens'] as const,
};

/** `/projects/:id` with the id made safe for a URL path. */
export const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

/** A timestamp in the user's locale and zone, or the fallback when there is none. */
export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A timestamp in a given IANA zone, with the zone's short name (e.g. "CET"). */
export function formatDateIn(iso: string, timeZone: string): string {
  try {
    return new Date(iso).toLocaleString(undefined, { timeZone, timeZoneName: 'short' });
  } catch {
    return formatDate(iso);
  }
}

/** What went wrong with a form submission: the field the server named, if any, and a readable message. */
export interface FieldProblem {
  field?: string;
  code?: string;
  message: string;
}

export function problemOf(error: unknown): FieldProblem {
  if (!(error instanceof ApiError)) return { message: messageOf(error) };
  const raw = error.body.field;
  // Fastify validation names `body.x`; services name `x`.
  const field = typeof raw === 'string' ? raw.replace(/^body\./, '') : undefined;
  let message = error.message;
  // "slackWebhookUrl: must use https" reads better next to the field as "must use https".
  const prefix = field && [`body.${field}`, field].find((name) => message.startsWith(name));
  if (prefix) message = message.slice(prefix.length).replace(/^:?\s*/, '');
  message = message.charAt(0).toUpperCase() + message.slice(1);
  return { field, code: error.code, message };
}
