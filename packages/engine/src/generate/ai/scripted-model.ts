import type { JsonModel } from './json-model.js';

/** Test support: a model that plays back canned replies in order and records every request. */

export type ScriptedReply = unknown | Error | string;

export interface ScriptedModel extends JsonModel {
  requests: { system: string; prompt: string }[];
}

export function llmError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

export function scriptedModel(replies: ScriptedReply[]): ScriptedModel {
  const queue = [...replies];
  const requests: ScriptedModel['requests'] = [];
  const next = () => {
    if (queue.length === 0) throw new Error('the scripted model has no reply left');
    const reply = queue.shift();
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return {
    requests,
    async generateJson({ system, prompt, schema }) {
      requests.push({ system, prompt });
      const checked = schema.safeParse(next());
      // The real client reports an unusable structured reply the same way.
      if (!checked.success) throw llmError('LLM_MALFORMED_REPLY', 'the reply does not match the expected shape');
      return checked.data;
    },
    async streamText({ system, prompt, onToken }) {
      requests.push({ system, prompt });
      const reply = next();
      const text = typeof reply === 'string' ? reply : JSON.stringify(reply);
      // Tokens of a few characters, as a streaming provider delivers them.
      for (let i = 0; i < text.length; i += 7) onToken(text.slice(i, i + 7));
      return text;
    },
  };
}
