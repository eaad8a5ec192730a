import { messageText } from './openai-wire.js';
import { asRecord, sseFrame, tokenize, type SuccessReply, type WireProtocol } from './wire-types.js';

const GENERATE_PATH = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function usageMetadata(reply: SuccessReply) {
  return {
    promptTokenCount: reply.inputTokens,
    candidatesTokenCount: reply.outputTokens,
    totalTokenCount: reply.inputTokens + reply.outputTokens,
  };
}

function partsText(content: unknown): string | undefined {
  return messageText(asRecord(content).parts);
}

/** Gemini generateContent (JSON) and streamGenerateContent?alt=sse (SSE of candidate chunks). */
export const googleWire: WireProtocol = {
  baseUrl: (origin) => `${origin}/v1beta`,
  isGenerateRoute: (method, path) => method === 'POST' && GENERATE_PATH.test(path),
  facts(request) {
    const body = asRecord(request.body);
    const path = request.url.split('?')[0] ?? '';
    const match = GENERATE_PATH.exec(path);
    const contents = Array.isArray(body.contents) ? body.contents.map(asRecord) : [];
    const apiKey = request.headers['x-goog-api-key'];
    return {
      model: match?.[1],
      system: partsText(body.systemInstruction),
      prompt: partsText(contents.find((content) => content.role === 'user')),
      stream: match?.[2] === 'streamGenerateContent' && request.url.includes('alt=sse'),
      apiKey: typeof apiKey === 'string' ? apiKey : undefined,
    };
  },
  jsonReply: (reply, request) => ({
    candidates: [{ content: { parts: [{ text: reply.text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usageMetadata(reply),
    modelVersion: googleWire.facts(request).model,
  }),
  streamFrames(reply) {
    const tokens = tokenize(reply.text);
    return tokens.map((token, index) => {
      const last = index === tokens.length - 1;
      const candidate = { content: { parts: [{ text: token }], role: 'model' }, index: 0 };
      return sseFrame(
        last
          ? { candidates: [{ ...candidate, finishReason: 'STOP' }], usageMetadata: usageMetadata(reply) }
          : { candidates: [candidate] },
      );
    });
  },
  streamContentType: 'text/event-stream',
  errorBody: (status, message) => ({ error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } }),
};
