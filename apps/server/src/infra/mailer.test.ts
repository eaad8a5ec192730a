import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../../test-support/smtp-sink.js';
import { createMailer, type MailConfig } from './mailer.js';
import { closedPort } from '../../../../test-support/ports.js';

const FROM = 'Sentri <noreply@sentri.test>';
const silentLogger = pino({ level: 'silent' });

/** A verification-style link long enough to be wrapped by quoted-printable and full of `=`. */
const LINK = `http://localhost:3001/login?verify=${'a1b2c3d4'.repeat(8)}&next=%2Fprojects%3Fpage%3D2`;

describe('SMTP mailer', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  const smtpConfig = (extra: Partial<NonNullable<MailConfig['smtp']>> = {}): MailConfig => ({
    from: FROM,
    smtp: { host: '127.0.0.1', port: sink.port, secure: false, ...extra },
  });

  it('delivers a message whose link survives the transfer encoding', async () => {
    const mailer = createMailer(smtpConfig(), silentLogger);
    try {
      await mailer.send({
        to: 'ada@example.com',
        subject: 'Verify your e-mail — Sentri',
        text: `Hello Ada,\n\nConfirm your address by opening this link:\n${LINK}\n\nThe link expires in 24 hours.`,
      });
    } finally {
      mailer.close();
    }

    const message = await sink.waitForMessage((candidate) => candidate.to.includes('ada@example.com'));
    expect(message.from).toBe('noreply@sentri.test');
    expect(message.to).toEqual(['ada@example.com']);
    expect(message.subject).toBe('Verify your e-mail — Sentri');
    expect(message.text).toBe(
      `Hello Ada,\n\nConfirm your address by opening this link:\n${LINK}\n\nThe link expires in 24 hours.`,
    );
    // The link went over the wire quoted-printable encoded (wrapped, `=` as `=3D`), not verbatim.
    expect(message.raw).not.toContain(LINK);
    expect(message.raw).toMatch(/^Content-Transfer-Encoding: quoted-printable$/m);
    expect(message.raw).toMatch(/^From: Sentri <noreply@sentri\.test>$/m);
  });

  it('sends the plain-text part next to an HTML part', async () => {
    const mailer = createMailer(smtpConfig(), silentLogger);
    try {
      await mailer.send({
        to: 'grace@example.com',
        subject: 'Reset your password',
        text: `Reset it here: ${LINK}`,
        html: `<p>Reset it <a href="${LINK}">here</a>.</p>`,
      });
    } finally {
      mailer.close();
    }

    const message = await sink.waitForMessage((candidate) => candidate.to.includes('grace@example.com'));
    expect(message.raw).toMatch(/multipart\/alternative/);
    expect(message.text).toBe(`Reset it here: ${LINK}`);
  });

  it('authenticates when a user is configured', async () => {
    const mailer = createMailer(smtpConfig({ user: 'mailer', pass: 'mail-password' }), silentLogger);
    try {
      await mailer.send({ to: 'auth@example.com', subject: 'With auth', text: 'hi' });
    } finally {
      mailer.close();
    }

    const message = await sink.waitForMessage((candidate) => candidate.to.includes('auth@example.com'));
    expect(message.authUser).toBe('mailer');
  });

  it('rejects with an Error when the server cannot be reached', async () => {
    const mailer = createMailer(
      { from: FROM, smtp: { host: '127.0.0.1', port: await closedPort(), secure: false } },
      silentLogger,
    );
    try {
      await expect(mailer.send({ to: 'nobody@example.com', subject: 'Lost', text: 'never arrives' })).rejects.toThrow(
        /Could not send e-mail "Lost" via 127\.0\.0\.1:\d+/,
      );
    } finally {
      mailer.close();
    }
  });
});

describe('log mailer (no SMTP configured)', () => {
  it('writes the recipient, subject and the link to the log at info level', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logger = pino({ level: 'info' }, destination);
    const mailer = createMailer({ from: FROM, smtp: undefined }, logger);

    await mailer.send({ to: 'ada@example.com', subject: 'Verify your e-mail', text: `Open ${LINK}` });
    mailer.close();

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as { level: number; msg: string; mail: Record<string, string> };
    expect(entry.level).toBe(30);
    expect(entry.mail).toEqual({ to: 'ada@example.com', subject: 'Verify your e-mail', text: `Open ${LINK}` });
    expect(entry.msg).toContain(LINK);
  });
});
