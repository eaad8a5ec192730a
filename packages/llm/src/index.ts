export * from './providers.js';
export * from './errors.js';
export * from './client.js';
export { DEFAULT_PRICING, priceFor, type LlmUsage, type ModelPrice, type PricingTable } from './usage.js';
export { ollamaStatus, type OllamaStatus, type OllamaStatusOptions } from './ollama-status.js';
export { parseJsonReply, type JsonReplyResult } from './json-reply.js';
export { probeProvider, type ProviderProbe, type ProbeOptions } from './probe.js';
