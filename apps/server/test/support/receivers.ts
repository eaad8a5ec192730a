import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtpSink, type SunkMessage } from '../../../../test-support/smtp-sink.js';

/**
 * Loopback stand-ins for the places notifications go (a Teams/Slack/webhook endpoint, an SMTP
 * relay), so tests send real HTTP and real SMTP and look at what arrived. Both listen on 127.0.0.1
 * on a free port and never forward anything.
 */

export interface ReceivedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export interface HttpReceiverOptions {
  /** Status for every request until `respondWith` changes it; default 200. */
  status?: number;
  /** Response body; objects are sent as JSON. Default `{ ok: true }`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Resolves once at least `count` requests arrived (all of them), rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** How the next requests are answered, e.g. `respondWith(302, '', { location })` or `respondWith(500, 'boom')`. */
  respondWith(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Holds every following answer back for `ms`, to provoke client timeouts. */
  delay(ms: number): void;
  close(): Promise<void>;
}

export async function startHttpReceiver(options: HttpReceiverOptions = {}): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const arrivals = new Waiters();
  let answer: Reply = {
    status: options.status ?? 200,
    body: options.body === undefined ? { ok: true } : options.body,
    headers: options.headers ?? {},
  };
  let delayMs = options.delayMs ?? 0;
  const pendingTimers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: parse(text),
      });
      arrivals.wake();
      const reply = answer;
      if (delayMs <= 0) return send(response, reply);
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        send(response, reply);
      }, delayMs);
      pendingTimers.add(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor: (count, timeoutMs = 5000) =>
      arrivals
        .until(
          () => requests.length >= count,
          timeoutMs,
          () => `${count} request(s), got ${requests.length}`,
        )
        .then(() => requests),
    respondWith(status, body = '', headers = {}) {
      answer = { status, body, headers };
    },
    delay(ms) {
      delayMs = ms;
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      // Held-back and keep-alive connections would otherwise keep close() waiting.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Reply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    ...reply.headers,
  });
  response.end(payload);
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export type ReceivedMail = SunkMessage;

export interface SmtpReceiver {
  host: '127.0.0.1';
  port: number;
  /** Each with envelope `from`/`to`, decoded `subject`, `text` and `html`, and the `raw` message. */
  messages: ReceivedMail[];
  /** Resolves once at least `count` messages arrived (all of them), rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** The shared SMTP sink (also used by the mailer tests), shaped like the HTTP receiver. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const sink = await startSmtpSink();
  return {
    host: '127.0.0.1',
    port: sink.port,
    messages: sink.messages,
    // The sink waits for a message matching a predicate; "enough have arrived" is such a predicate.
    waitFor: (count, timeoutMs = 5000) =>
      sink.waitForMessage(() => sink.messages.length >= count, timeoutMs).then(() => sink.messages),
    close: () => sink.close(),
  };
}

/** Promises that settle when a condition becomes true after some event, or fail after a deadline. */
class Waiters {
  private readonly checks = new Set<() => void>();

  wake(): void {
    for (const check of [...this.checks]) check();
  }

  until(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.checks.delete(check);
      };
      this.checks.add(check);
      check();
    });
  }
}
