import { messageText } from './openai-wire.js';
import { asRecord, sseFrame, tokenize, type RecordedRequest, type WireProtocol } from './wire-types.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * The SDK asks older Claude models for JSON by offering one `json` tool and forcing tool use
 * (`tool_choice` `any` or `tool`); a real model then answers through that tool.
 */
function forcedToolName(request: RecordedRequest): string | undefined {
  const body = asRecord(request.body);
  const choice = asRecord(body.tool_choice);
  if (choice.type === 'tool' && typeof choice.name === 'string') return choice.name;
  const tools = Array.isArray(body.tools) ? body.tools.map(asRecord) : [];
  const onlyTool = tools.length === 1 ? tools[0]?.name : undefined;
  return choice.type === 'any' && typeof onlyTool === 'string' ? onlyTool : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Anthropic messages API: JSON, or SSE `message_start` … `content_block_delta` … `message_stop`. */
export const anthropicWire: WireProtocol = {
  baseUrl: (origin) => `${origin}/v1`,
  isGenerateRoute: (method, path) => method === 'POST' && path === '/v1/messages',
  facts(request) {
    const body = asRecord(request.body);
    const messages = Array.isArray(body.messages) ? body.messages.map(asRecord) : [];
    const apiKey = request.headers['x-api-key'];
    return {
      model: typeof body.model === 'string' ? body.model : undefined,
      system: messageText(body.system),
      prompt: messageText(messages.find((message) => message.role === 'user')?.content),
      stream: body.stream === true,
      apiKey: typeof apiKey === 'string' ? apiKey : undefined,
    };
  },
  jsonReply(reply, request) {
    const toolName = forcedToolName(request);
    const toolInput = toolName ? parseObject(reply.text) : undefined;
    // A model that ignores the forced tool answers in prose; imitate that for non-JSON scripts.
    const content = toolInput
      ? [{ type: 'tool_use', id: 'toolu_fake', name: toolName, input: toolInput }]
      : [{ type: 'text', text: reply.text }];
    return {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: asRecord(request.body).model,
      content,
      stop_reason: toolInput ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens },
    };
  },
  streamFrames(reply, request) {
    const message = {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: asRecord(request.body).model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: reply.inputTokens, output_tokens: 1 },
    };
    const frame = (type: string, data: Record<string, unknown>) => sseFrame({ type, ...data }, type);
    return [
      frame('message_start', { message }),
      frame('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      ...tokenize(reply.text).map((token) =>
        frame('content_block_delta', { index: 0, delta: { type: 'text_delta', text: token } }),
      ),
      frame('content_block_stop', { index: 0 }),
      frame('message_delta', {
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: reply.outputTokens },
      }),
      frame('message_stop', {}),
    ];
  },
  streamContentType: 'text/event-stream',
  errorBody: (status, message) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }),
  streamErrorFrame: (message) => sseFrame({ type: 'error', error: { type: 'overloaded_error', message } }, 'error'),
};
