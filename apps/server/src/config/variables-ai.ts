import { v } from './variable-spec.js';

const key = (vendor: string) =>
  v({
    kind: 'string',
    group: 'AI providers',
    doc: `${vendor} API key used by every workspace that has not saved its own.`,
  });
const model = (vendor: string, fallback: string) =>
  v({ kind: 'string', group: 'AI providers', default: fallback, doc: `${vendor} model.` });
const base = (vendor: string) =>
  v({
    kind: 'url',
    group: 'AI providers',
    schemes: ['http', 'https'],
    doc: `${vendor} API base URL including its version path, for gateways and proxies (default: the vendor's own).`,
  });

/** Server-wide AI defaults: a workspace's own saved keys and choices take precedence. */
export const AI_VARIABLES = {
  AI_PROVIDER: v({
    kind: 'enum',
    group: 'AI providers',
    values: ['anthropic', 'openai', 'google', 'local'],
    doc: 'Provider to use when a workspace has not chosen one (default: the first with a key).',
  }),
  ANTHROPIC_API_KEY: key('Anthropic'),
  ANTHROPIC_MODEL: model('Anthropic', 'claude-sonnet-4-20250514'),
  ANTHROPIC_BASE_URL: base('Anthropic'),
  OPENAI_API_KEY: key('OpenAI'),
  OPENAI_MODEL: model('OpenAI', 'gpt-4o-mini'),
  OPENAI_BASE_URL: base('OpenAI (or any OpenAI-compatible gateway)'),
  GOOGLE_API_KEY: key('Google Gemini'),
  GOOGLE_MODEL: model('Google Gemini', 'gemini-2.5-flash'),
  GOOGLE_BASE_URL: base('Google Gemini'),
  OLLAMA_BASE_URL: v({
    kind: 'url',
    group: 'AI providers',
    schemes: ['http', 'https'],
    doc: 'Ollama server; setting it (or OLLAMA_MODEL) enables the local provider for workspaces without a key.',
  }),
  OLLAMA_MODEL: v({ kind: 'string', group: 'AI providers', doc: 'Ollama model (default `mistral:7b`).' }),
  LLM_MAX_RETRIES: v({
    kind: 'integer',
    group: 'AI providers',
    default: '3',
    min: 0,
    max: 10,
    doc: 'Retries of a call answered 429/529/5xx.',
  }),
  LLM_BASE_DELAY_MS: v({
    kind: 'integer',
    group: 'AI providers',
    default: '2000',
    min: 0,
    max: 60_000,
    doc: 'First retry delay; doubles each attempt.',
  }),
  LLM_MAX_BACKOFF_MS: v({
    kind: 'integer',
    group: 'AI providers',
    default: '30000',
    min: 0,
    max: 300_000,
    doc: 'Longest retry delay.',
  }),
  LLM_MAX_TOKENS: v({
    kind: 'integer',
    group: 'AI providers',
    default: '16384',
    min: 256,
    max: 200_000,
    doc: 'Output token cap per call.',
  }),
  LLM_TIMEOUT_MS: v({
    kind: 'integer',
    group: 'AI providers',
    default: '120000',
    min: 1000,
    max: 600_000,
    doc: 'Time one call may take.',
  }),
  LLM_RUN_TOKEN_BUDGET: v({
    kind: 'integer',
    group: 'AI providers',
    default: '400000',
    min: 1000,
    max: 100_000_000,
    doc: 'Tokens (in + out) one crawl or generation may spend; generation stops cleanly when it is reached.',
  }),
};
