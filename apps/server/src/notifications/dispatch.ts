import { failureEmail } from './email-message.js';
import { postJson, redactUrl, type DeliveryOutcome } from './outbound-post.js';
import type { RunDigest } from './run-digest.js';
import { slackPayload } from './slack-message.js';
import { teamsPayload } from './teams-card.js';
import { webhookPayload } from './webhook-payload.js';

/** A project's notification settings as stored; a channel counts when it is non-empty after trim. */
export interface NotificationTargets {
  teamsWebhookUrl: string | null;
  slackWebhookUrl: string | null;
  webhookUrl: string | null;
  /** Comma-separated addresses. */
  emailRecipients: string | null;
}

export type NotificationChannel = 'teams' | 'slack' | 'webhook' | 'email';

/** What happened on one channel, safe to store and show (URLs redacted). */
export interface DeliveryRecord extends DeliveryOutcome {
  channel: NotificationChannel;
  /** The redacted webhook URL, or the e-mail address. */
  target: string;
}

export interface DispatchDeps {
  mailer: { send(message: { to: string; subject: string; text: string; html?: string }): Promise<void> };
  allowPrivate: boolean;
  /** Per channel; the same default as every outbound call. */
  timeoutMs?: number;
  /** Monotonic milliseconds for e-mail durations; injectable for tests. */
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends one failure digest to every configured channel at once and reports each outcome. A slow or
 * broken channel never delays or prevents the others, and nothing here throws: what failed is in
 * the records, for the caller to log or store.
 */
export async function dispatchFailure(
  digest: RunDigest,
  targets: NotificationTargets,
  deps: DispatchDeps,
): Promise<DeliveryRecord[]> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = deps.now ?? (() => performance.now());
  const deliveries: { channel: NotificationChannel; target: string; deliver: () => Promise<DeliveryRecord> }[] = [];

  const webhooks: [NotificationChannel, string | null, (d: RunDigest) => unknown][] = [
    ['teams', targets.teamsWebhookUrl, teamsPayload],
    ['slack', targets.slackWebhookUrl, slackPayload],
    ['webhook', targets.webhookUrl, webhookPayload],
  ];
  for (const [channel, rawUrl, buildPayload] of webhooks) {
    const url = rawUrl?.trim();
    if (!url) continue;
    const target = redactUrl(url);
    deliveries.push({
      channel,
      target,
      deliver: async () => ({
        channel,
        target,
        ...(await postJson(url, buildPayload(digest), { allowPrivate: deps.allowPrivate, timeoutMs })),
      }),
    });
  }

  const recipients = parseRecipients(targets.emailRecipients);
  if (recipients.length > 0) {
    const message = failureEmail(digest);
    for (const to of recipients) {
      deliveries.push({
        channel: 'email',
        target: to,
        deliver: () => sendEmail(deps.mailer, { to, ...message }, timeoutMs, now),
      });
    }
  }

  // Payload builders and mailers are ours, but a bug in one must still not cost the other channels.
  const settled = await Promise.allSettled(deliveries.map((delivery) => delivery.deliver()));
  return settled.map((result, index) => {
    if (result.status === 'fulfilled') return result.value;
    const { channel, target } = deliveries[index]!;
    return { channel, target, ok: false, status: null, error: messageOf(result.reason), durationMs: 0 };
  });
}

/** Trimmed, empty entries dropped, each address once even if listed twice. */
export function parseRecipients(list: string | null): string[] {
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const entry of (list ?? '').split(',')) {
    const address = entry.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    recipients.push(address);
  }
  return recipients;
}

async function sendEmail(
  mailer: DispatchDeps['mailer'],
  message: { to: string; subject: string; text: string; html: string },
  timeoutMs: number,
  now: () => number,
): Promise<DeliveryRecord> {
  const startedAt = now();
  const record = (ok: boolean, error: string | null): DeliveryRecord => ({
    channel: 'email',
    target: message.to,
    ok,
    status: null,
    error,
    durationMs: Math.max(0, Math.round(now() - startedAt)),
  });
  let timer: NodeJS.Timeout | undefined;
  // An SMTP relay that accepts the connection and then stalls would otherwise hold the dispatch
  // for the transport's own, much longer, socket timeout. The send keeps running in the
  // background; race() has subscribed to it, so its late failure is not an unhandled rejection.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  try {
    await Promise.race([mailer.send(message), deadline]);
    return record(true, null);
  } catch (error) {
    return record(false, messageOf(error));
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
