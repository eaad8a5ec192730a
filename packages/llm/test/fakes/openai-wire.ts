import {
  asRecord,
  sseFrame,
  tokenize,
  type RecordedRequest,
  type SuccessReply,
  type WireProtocol,
} from './wire-types.js';

/** Text of a chat message whose content is either a string or a list of typed parts. */
export function messageText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return content.map((part) => String(asRecord(part).text ?? '')).join('');
}

function messages(request: RecordedRequest): Record<string, unknown>[] {
  const list = asRecord(request.body).messages;
  return Array.isArray(list) ? list.map(asRecord) : [];
}

function usage(reply: SuccessReply) {
  return {
    prompt_tokens: reply.inputTokens,
    completion_tokens: reply.outputTokens,
    total_tokens: reply.inputTokens + reply.outputTokens,
  };
}

/** OpenAI chat completions: JSON, or SSE `chat.completion.chunk` frames ending in `[DONE]`. */
export const openAiWire: WireProtocol = {
  baseUrl: (origin) => `${origin}/v1`,
  isGenerateRoute: (method, path) => method === 'POST' && path === '/v1/chat/completions',
  facts(request) {
    const body = asRecord(request.body);
    const all = messages(request);
    const authorization = request.headers.authorization;
    return {
      model: typeof body.model === 'string' ? body.model : undefined,
      system: messageText(all.find((message) => message.role === 'system')?.content),
      prompt: messageText(all.find((message) => message.role === 'user')?.content),
      stream: body.stream === true,
      apiKey: authorization?.replace(/^Bearer /, ''),
    };
  },
  jsonReply(reply, request) {
    return {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: asRecord(request.body).model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: usage(reply),
    };
  },
  streamFrames(reply, request) {
    const model = asRecord(request.body).model;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      sseFrame({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model,
        choices,
        ...extra,
      });
    const delta = (content: Record<string, unknown>, finish: string | null = null) => ({
      index: 0,
      delta: content,
      logprobs: null,
      finish_reason: finish,
    });
    return [
      chunk([delta({ role: 'assistant', content: '' })]),
      ...tokenize(reply.text).map((token) => chunk([delta({ content: token })])),
      chunk([delta({}, 'stop')]),
      // With `stream_options.include_usage` the usage arrives in one last chunk without choices.
      chunk([], { usage: usage(reply) }),
      sseFrame('[DONE]'),
    ];
  },
  streamContentType: 'text/event-stream',
  errorBody: (status, message) => ({
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'api_error', param: null, code: null },
  }),
};
