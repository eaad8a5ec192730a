import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from '../../test/support/receivers.js';
import { createMailer, type Mailer } from '../infra/mailer.js';
import { dispatchFailure, parseRecipients, type NotificationTargets } from './dispatch.js';
import { buildRunDigest } from './run-digest.js';

const digest = buildRunDigest({
  run: { id: 'RUN-7', projectId: 'PRJ-1', status: 'completed', passed: 3, failed: 2, total: 5, duration: 42_000 },
  projectName: 'Shop',
  failedTestNames: ['Checkout works', 'Login works'],
  appUrl: 'http://localhost:3000',
  now: new Date('2025-03-04T05:06:07.000Z'),
});

const noTargets: NotificationTargets = {
  teamsWebhookUrl: null,
  slackWebhookUrl: null,
  webhookUrl: null,
  emailRecipients: null,
};

const neverMails = { send: () => Promise.reject(new Error('no e-mail expected')) };

describe('dispatchFailure over real HTTP and SMTP', () => {
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let mailer: Mailer;

  beforeEach(async () => {
    [http, smtp] = await Promise.all([startHttpReceiver(), startSmtpReceiver()]);
    mailer = createMailer(
      { from: 'Sentri <noreply@sentri.test>', smtp: { host: smtp.host, port: smtp.port, secure: false } },
      pino({ level: 'silent' }),
    );
  });
  afterEach(async () => {
    mailer.close();
    await Promise.all([http.close(), smtp.close()]);
  });

  it('sends each channel its own format and one e-mail per recipient', async () => {
    const records = await dispatchFailure(
      digest,
      {
        teamsWebhookUrl: `${http.url}/teams/T0/secret-teams`,
        slackWebhookUrl: ` ${http.url}/slack/T0/B0/secret-slack `,
        webhookUrl: `${http.url}/hook`,
        emailRecipients: 'ada@example.com, grace@example.com ,, ',
      },
      { mailer, allowPrivate: true },
    );

    expect(records.map(({ channel, target, ok, status, error }) => ({ channel, target, ok, status, error }))).toEqual([
      { channel: 'teams', target: `${http.url}/teams/…`, ok: true, status: 200, error: null },
      { channel: 'slack', target: `${http.url}/slack/…`, ok: true, status: 200, error: null },
      { channel: 'webhook', target: `${http.url}/hook`, ok: true, status: 200, error: null },
      { channel: 'email', target: 'ada@example.com', ok: true, status: null, error: null },
      { channel: 'email', target: 'grace@example.com', ok: true, status: null, error: null },
    ]);

    const requests = await http.waitFor(3);
    const byPath = new Map(requests.map((request) => [request.path, request.body]));
    expect(byPath.get('/teams/T0/secret-teams')).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }],
    });
    expect(byPath.get('/slack/T0/B0/secret-slack')).toMatchObject({
      text: '🔴 Test run failed — Shop: 2 of 5 tests failed',
      blocks: expect.arrayContaining([expect.objectContaining({ type: 'header' })]),
    });
    expect(byPath.get('/hook')).toStrictEqual({
      event: 'run.failed',
      runId: 'RUN-7',
      projectId: 'PRJ-1',
      projectName: 'Shop',
      status: 'completed',
      passed: 3,
      failed: 2,
      total: 5,
      duration: 42_000,
      failingTests: ['Checkout works', 'Login works'],
      detailUrl: 'http://localhost:3000/runs/RUN-7',
      timestamp: '2025-03-04T05:06:07.000Z',
    });

    const messages = await smtp.waitFor(2);
    expect(messages.map((message) => message.to)).toEqual(
      expect.arrayContaining([['ada@example.com'], ['grace@example.com']]),
    );
    for (const message of messages) {
      expect(message.from).toBe('noreply@sentri.test');
      expect(message.subject).toBe('[Sentri] ❌ 2 test(s) failed — Shop');
      expect(message.text).toContain('View run details: http://localhost:3000/runs/RUN-7');
      expect(message.html).toContain('<a href="http://localhost:3000/runs/RUN-7"');
      expect(message.html).toContain('Checkout works');
    }
  });

  it('still delivers the other channels when one answers 500, and records that failure', async () => {
    const broken = await startHttpReceiver({ status: 500, body: 'teams is down' });
    try {
      const records = await dispatchFailure(
        digest,
        {
          teamsWebhookUrl: `${broken.url}/teams/secret`,
          slackWebhookUrl: `${http.url}/slack/secret`,
          webhookUrl: `${http.url}/hook`,
          emailRecipients: 'ada@example.com',
        },
        { mailer, allowPrivate: true },
      );
      expect(records.find((record) => record.channel === 'teams')).toMatchObject({
        ok: false,
        status: 500,
        error: 'HTTP 500: teams is down',
      });
      expect(records.filter((record) => record.channel !== 'teams').every((record) => record.ok)).toBe(true);
      expect((await http.waitFor(2)).map((request) => request.path).sort()).toEqual(['/hook', '/slack/secret']);
      expect(await smtp.waitFor(1)).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('refuses loopback targets when private URLs are not allowed, without sending', async () => {
    const records = await dispatchFailure(
      digest,
      { ...noTargets, webhookUrl: `${http.url}/hook` },
      { mailer: neverMails, allowPrivate: false },
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ channel: 'webhook', ok: false, status: null });
    expect(records[0]!.error).toMatch(/private or loopback/);
    expect(http.requests).toHaveLength(0);
  });

  it('records an unreachable SMTP relay as a failed e-mail', async () => {
    const deadMailer = createMailer(
      { from: 'Sentri <noreply@sentri.test>', smtp: { host: '127.0.0.1', port: 9, secure: false } },
      pino({ level: 'silent' }),
    );
    try {
      const records = await dispatchFailure(
        digest,
        { ...noTargets, webhookUrl: `${http.url}/hook`, emailRecipients: 'ada@example.com' },
        { mailer: deadMailer, allowPrivate: true },
      );
      expect(records.find((record) => record.channel === 'webhook')?.ok).toBe(true);
      const email = records.find((record) => record.channel === 'email');
      expect(email).toMatchObject({ ok: false, status: null, target: 'ada@example.com' });
      expect(email!.error).toMatch(/Could not send e-mail/);
    } finally {
      deadMailer.close();
    }
  });
});

describe('dispatchFailure with stand-in mailers', () => {
  it('sends nothing when no channel is configured', async () => {
    const blank = { teamsWebhookUrl: '  ', slackWebhookUrl: '', webhookUrl: null, emailRecipients: ' , ' };
    expect(await dispatchFailure(digest, blank, { mailer: neverMails, allowPrivate: true })).toEqual([]);
  });

  it('turns a rejected send into a failed record and keeps the other recipients', async () => {
    const sent: string[] = [];
    const mailer = {
      async send(message: { to: string }) {
        if (message.to === 'bad@example.com') throw new Error('mailbox unavailable');
        sent.push(message.to);
      },
    };
    const records = await dispatchFailure(
      digest,
      { ...noTargets, emailRecipients: 'bad@example.com,ok@example.com' },
      { mailer, allowPrivate: true },
    );
    expect(records).toMatchObject([
      { channel: 'email', target: 'bad@example.com', ok: false, error: 'mailbox unavailable' },
      { channel: 'email', target: 'ok@example.com', ok: true, error: null },
    ]);
    expect(sent).toEqual(['ok@example.com']);
  });

  it('cuts a hanging send at the timeout', async () => {
    const mailer = { send: () => new Promise<void>(() => {}) };
    const startedAt = Date.now();
    const records = await dispatchFailure(
      digest,
      { ...noTargets, emailRecipients: 'slow@example.com' },
      { mailer, allowPrivate: true, timeoutMs: 200 },
    );
    expect(Date.now() - startedAt).toBeLessThan(1500);
    expect(records).toMatchObject([{ channel: 'email', ok: false, error: 'timed out after 0.2 s' }]);
  });

  it('measures e-mail time with the injected clock', async () => {
    let clock = 1000;
    const mailer = {
      async send() {
        clock += 250;
      },
    };
    const records = await dispatchFailure(
      digest,
      { ...noTargets, emailRecipients: 'ada@example.com' },
      { mailer, allowPrivate: true, now: () => clock },
    );
    expect(records[0]?.durationMs).toBe(250);
  });
});

describe('parseRecipients', () => {
  it('trims, drops empty entries and sends to each address once', () => {
    expect(parseRecipients(' a@x.test ,, b@x.test,A@x.test , ')).toEqual(['a@x.test', 'b@x.test']);
    expect(parseRecipients(null)).toEqual([]);
  });
});
