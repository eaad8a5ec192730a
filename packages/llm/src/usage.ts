import type { ProviderId } from './providers.js';

/** USD per one million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

export type PricingTable = Readonly<Record<string, ModelPrice>>;

/** List prices of the default models; models not listed here are counted at zero cost. */
export const DEFAULT_PRICING: PricingTable = {
  'claude-sonnet-4-20250514': { inputPerMillion: 3, outputPerMillion: 15 },
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gemini-2.5-flash': { inputPerMillion: 0.3, outputPerMillion: 2.5 },
};

const FREE: ModelPrice = { inputPerMillion: 0, outputPerMillion: 0 };

export function priceFor(provider: ProviderId, model: string, table: PricingTable = DEFAULT_PRICING): ModelPrice {
  // Ollama runs on the user's own hardware; there is no bill whatever the model.
  if (provider === 'local') return FREE;
  return table[model] ?? FREE;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
  /** Vendor replies received (each one billed), not counting failed attempts. */
  calls: number;
}

/** Token counts as the SDK reports them; vendors may omit any of them. */
export interface ReportedUsage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
}

export interface UsageMeter {
  record(reported: ReportedUsage | undefined): void;
  snapshot(): LlmUsage;
}

export function createUsageMeter(price: ModelPrice): UsageMeter {
  const totals: LlmUsage = { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0, calls: 0 };
  return {
    record(reported) {
      const input = reported?.inputTokens ?? 0;
      const output = reported?.outputTokens ?? 0;
      totals.inputTokens += input;
      totals.outputTokens += output;
      totals.totalTokens += reported?.totalTokens ?? input + output;
      totals.costUsd += (input * price.inputPerMillion + output * price.outputPerMillion) / 1_000_000;
      totals.calls += 1;
    },
    snapshot: () => ({ ...totals }),
  };
}
