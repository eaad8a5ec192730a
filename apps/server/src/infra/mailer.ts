import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain-text body; always present so the log fallback and text-only clients show the link. */
  text: string;
  html?: string;
}

/** Outgoing e-mail. `send` rejects when the message could not be handed over; callers decide whether to swallow it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export type MailConfig = Config['mail'];
export type MailLogger = Pick<Logger, 'info'>;

/** SMTP when configured, otherwise the log, so a fresh install still shows verification links somewhere. */
export function createMailer(config: MailConfig, logger: MailLogger): Mailer {
  return config.smtp ? createSmtpMailer(config.from, config.smtp) : createLogMailer(logger);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Timeouts well below nodemailer's defaults (2 min to connect, 10 min idle) so a dead relay fails a request quickly. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

function createSmtpMailer(from: string, smtp: NonNullable<MailConfig['smtp']>): Mailer {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    // A relay on the same machine (a local postfix, a test sink) often advertises STARTTLS with a
    // self-signed certificate, which would fail the upgrade; the traffic never leaves the host.
    // Remote servers keep opportunistic STARTTLS.
    ignoreTLS: !smtp.secure && LOOPBACK_HOSTS.has(smtp.host.toLowerCase()),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });

  return {
    async send(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
        });
      } catch (error) {
        throw new Error(
          `Could not send e-mail "${message.subject}" via ${smtp.host}:${smtp.port}: ${describe(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close() {
      transport.close();
    },
  };
}

function createLogMailer(logger: MailLogger): Mailer {
  return {
    async send(message) {
      // The text carries the link (verification, reset); without SMTP the log is the only place an operator finds it.
      logger.info(
        { mail: { to: message.to, subject: message.subject, text: message.text } },
        `E-mail not sent (no SMTP configured): "${message.subject}" to ${message.to}\n${message.text}`,
      );
    },
    close() {},
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
