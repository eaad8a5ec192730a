import { AppError } from '@sentri/core';
import { probeProvider, type LlmError, type ProviderConfig } from '@sentri/llm';
import type { WorkspaceScope } from '../auth/access.js';
import { ERROR_CATEGORIES } from '../discovery/generate-service.js';
import type { AiSettingsService } from './ai-settings-service.js';
import type { AiProviderId } from './ai-providers.js';

/** Long enough for a cold cloud model, short enough that the admin is still looking at the card. */
const PROBE_TIMEOUT_MS = 15_000;
/** A vendor's refusal can be a whole HTML page from a proxy; the start says what happened. */
const ERROR_CHARS = 500;

export type ProviderCheckResult =
  | { ok: true; provider: string; model: string; latencyMs: number }
  | { ok: false; provider: string; model: string; latencyMs: number; error: string; category: string };

export interface ProviderCheckOptions {
  timeoutMs?: number;
}

/**
 * `POST /settings/:provider/test`: one tiny request with a provider's saved settings, so an admin
 * learns that a key is wrong now rather than when the next crawl fails. A vendor's refusal is an
 * answer (200, `ok: false`) in the run error categories; only our own preconditions are errors.
 */
export class AiProviderCheck {
  constructor(
    private readonly settings: Pick<AiSettingsService, 'settingsOf'>,
    private readonly options: ProviderCheckOptions = {},
  ) {}

  async test(scope: WorkspaceScope, providerInput: unknown): Promise<ProviderCheckResult> {
    const config = await this.settings.settingsOf(scope.id, providerInput);
    if (!config) throw missing(providerInput as AiProviderId);
    const result = await probeProvider(config, { timeoutMs: this.options.timeoutMs ?? PROBE_TIMEOUT_MS });
    const { provider, model, latencyMs } = result;
    if (result.ok) return { ok: true, provider, model, latencyMs };
    return {
      ok: false,
      provider,
      model,
      latencyMs,
      error: safeMessage(result.error, config),
      category: category(result.error),
    };
  }
}

function missing(provider: AiProviderId): AppError {
  const message =
    provider === 'local'
      ? 'Ollama is not configured. Save its server address in Settings first.'
      : `No saved key for "${provider}". Add a key in Settings first.`;
  return new AppError('AI_PROVIDER_KEY_MISSING', message, { provider });
}

/** Run error categories (API.md §5.5), plus `unreachable` for a vendor that never answered. */
function category(error: LlmError): string {
  if (error.code === 'LLM_UNAVAILABLE' && error.status === undefined) return 'unreachable';
  return ERROR_CATEGORIES[error.code] ?? 'unknown';
}

/** Vendors quote the key they refused ("Incorrect API key provided: sk-…"); it must not come back. */
function safeMessage(error: LlmError, config: ProviderConfig): string {
  let message = error.message.replace(/\s+/g, ' ').trim() || error.code;
  if (config.apiKey) message = message.split(config.apiKey).join('[redacted]');
  return message.length > ERROR_CHARS ? `${message.slice(0, ERROR_CHARS - 1)}…` : message;
}
