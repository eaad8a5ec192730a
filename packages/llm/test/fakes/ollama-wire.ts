import { messageText } from './openai-wire.js';
import { asRecord, tokenize, type WireProtocol } from './wire-types.js';

const CREATED_AT = '2025-01-01T00:00:00.000Z';

/** Ollama `/api/chat`: one JSON object, or NDJSON lines of which the last has `done: true`. */
export const ollamaWire: WireProtocol = {
  baseUrl: (origin) => origin,
  isGenerateRoute: (method, path) => method === 'POST' && path === '/api/chat',
  facts(request) {
    const body = asRecord(request.body);
    const messages = Array.isArray(body.messages) ? body.messages.map(asRecord) : [];
    const authorization = request.headers.authorization;
    return {
      model: typeof body.model === 'string' ? body.model : undefined,
      system: messageText(messages.find((message) => message.role === 'system')?.content),
      prompt: messageText(messages.find((message) => message.role === 'user')?.content),
      stream: body.stream === true,
      apiKey: authorization?.replace(/^Bearer /, ''),
    };
  },
  jsonReply: (reply, request) => ({
    model: asRecord(request.body).model,
    created_at: CREATED_AT,
    message: { role: 'assistant', content: reply.text },
    done: true,
    done_reason: 'stop',
    total_duration: 1_000_000,
    prompt_eval_count: reply.inputTokens,
    eval_count: reply.outputTokens,
  }),
  streamFrames(reply, request) {
    const model = asRecord(request.body).model;
    const line = (value: unknown) => `${JSON.stringify(value)}\n`;
    return [
      ...tokenize(reply.text).map((token) =>
        line({ model, created_at: CREATED_AT, message: { role: 'assistant', content: token }, done: false }),
      ),
      line({
        model,
        created_at: CREATED_AT,
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: reply.inputTokens,
        eval_count: reply.outputTokens,
      }),
    ];
  },
  streamContentType: 'application/x-ndjson',
  errorBody: (_status, message) => ({ error: message }),
};
