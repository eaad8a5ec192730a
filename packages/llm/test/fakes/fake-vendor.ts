import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicWire } from './anthropic-wire.js';
import { googleWire } from './google-wire.js';
import { ollamaWire } from './ollama-wire.js';
import { openAiWire } from './openai-wire.js';
import type { RecordedRequest, RequestFacts, ScriptedReply, WireProtocol } from './wire-types.js';

export type { RecordedRequest, RequestFacts, ScriptedReply } from './wire-types.js';

export type Vendor = 'openai' | 'anthropic' | 'google' | 'ollama';

const PROTOCOLS: Record<Vendor, WireProtocol> = {
  openai: openAiWire,
  anthropic: anthropicWire,
  google: googleWire,
  ollama: ollamaWire,
};

export interface FakeVendor {
  readonly vendor: Vendor;
  /** What to put in ProviderConfig.baseUrl to reach this fake. */
  readonly baseUrl: string;
  readonly origin: string;
  /** Every generation request received, in order (`/api/tags` is not recorded). */
  readonly requests: RecordedRequest[];
  /** Queues replies; each generation request consumes one. */
  reply(...replies: ScriptedReply[]): void;
  /** The common facts (model, system prompt, API key…) of request number `index`. */
  facts(index: number): RequestFacts;
  /** Models listed by Ollama's `GET /api/tags`. */
  setInstalledModels(names: string[]): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Starts a loopback server that speaks `vendor`'s real wire protocol, scripted reply by reply. */
export async function startFakeVendor(vendor: Vendor): Promise<FakeVendor> {
  const protocol = PROTOCOLS[vendor];
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  let installedModels: string[] = [];

  async function answer(scripted: ScriptedReply, recorded: RecordedRequest, response: ServerResponse) {
    if ('rawBody' in scripted) {
      response.writeHead(scripted.status ?? 200, { 'content-type': scripted.contentType ?? 'application/json' });
      response.end(scripted.rawBody);
      return;
    }
    if ('status' in scripted) {
      const body = protocol.errorBody(scripted.status, scripted.message ?? `fake ${vendor} error ${scripted.status}`);
      sendJson(response, scripted.status, body, scripted.headers);
      return;
    }
    if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (response.destroyed) return;
    const reply = {
      text: scripted.text,
      inputTokens: scripted.inputTokens ?? 10,
      outputTokens: scripted.outputTokens ?? 5,
    };
    if (!protocol.facts(recorded).stream) {
      sendJson(response, 200, protocol.jsonReply(reply, recorded));
      return;
    }
    response.writeHead(200, { 'content-type': protocol.streamContentType, 'cache-control': 'no-cache' });
    const frames = protocol.streamFrames(reply, recorded);
    for (const frame of frames.slice(0, scripted.breakAfterFrames ?? frames.length)) response.write(frame);
    if (scripted.breakAfterFrames !== undefined) response.write(protocol.streamErrorFrame?.('Overloaded') ?? '');
    response.end();
  }

  const server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      if (vendor === 'ollama' && method === 'GET' && path === '/api/tags') {
        const models = installedModels.map((name) => ({ name, model: name, size: 4_000_000_000 }));
        sendJson(response, 200, { models });
        return;
      }
      const recorded: RecordedRequest = { method, url, headers: request.headers, body: await readBody(request) };
      if (!protocol.isGenerateRoute(method, path)) {
        sendJson(response, 404, protocol.errorBody(404, `fake ${vendor}: no route ${method} ${path}`));
        return;
      }
      requests.push(recorded);
      const scripted = queue.shift();
      if (!scripted) {
        sendJson(response, 500, protocol.errorBody(500, `fake ${vendor}: no reply scripted for this request`));
        return;
      }
      await answer(scripted, recorded, response);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    vendor,
    origin,
    baseUrl: protocol.baseUrl(origin),
    requests,
    reply: (...replies) => queue.push(...replies),
    facts(index) {
      const request = requests[index];
      if (!request) throw new Error(`fake ${vendor} received no request #${index} (got ${requests.length})`);
      return protocol.facts(request);
    },
    setInstalledModels(names) {
      installedModels = names;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
