/** Which AI vendors Sentri can talk to, their default models, and how the active one is chosen. */

export type ProviderId = 'anthropic' | 'openai' | 'google' | 'local';
export type CloudProviderId = Exclude<ProviderId, 'local'>;

export interface ProviderConfig {
  provider: ProviderId;
  apiKey?: string;
  /**
   * Base URL including the API version path, as each SDK expects it (`…/v1` for OpenAI and
   * Anthropic, `…/v1beta` for Google). For Ollama it is the server root, e.g. `http://localhost:11434`.
   */
  baseUrl?: string;
  model?: string;
}

export const DEFAULT_MODELS: Readonly<Record<ProviderId, string>> = {
  anthropic: 'claude-sonnet-4-20250514',
  openai: 'gpt-4o-mini',
  google: 'gemini-2.5-flash',
  local: 'mistral:7b',
};

export const DEFAULT_OLLAMA_BASE_URL = 'http://localhost:11434';

/** Auto-detection order for cloud vendors when nothing was chosen explicitly. */
export const CLOUD_PROVIDER_ORDER: readonly CloudProviderId[] = ['anthropic', 'openai', 'google'];

const DEFAULT_DISPLAY_NAMES: Readonly<Record<CloudProviderId, string>> = {
  anthropic: 'Claude Sonnet',
  openai: 'GPT-4o-mini',
  google: 'Gemini 2.5 Flash',
};

export function modelOf(config: ProviderConfig): string {
  return config.model || DEFAULT_MODELS[config.provider];
}

/** The label shown in the UI: a friendly name for default models, the model id once it is overridden. */
export function displayName(config: ProviderConfig): string {
  const model = modelOf(config);
  if (config.provider === 'local') return `Ollama (${model})`;
  return model === DEFAULT_MODELS[config.provider] ? DEFAULT_DISPLAY_NAMES[config.provider] : model;
}

export interface LocalProviderSettings {
  baseUrl?: string;
  model?: string;
  enabled: boolean;
}

export interface ProviderResolutionInput {
  /** The provider the user picked, if any. Used only when it is usable. */
  explicit?: ProviderId | null;
  /** API keys per cloud vendor. An empty string means "disabled". */
  keys: Partial<Record<CloudProviderId, string>>;
  /** Model overrides per provider. */
  models?: Partial<Record<ProviderId, string>>;
  /** Ollama settings; Ollama is only a candidate when present and enabled. */
  local?: LocalProviderSettings;
}

function configFor(provider: ProviderId, input: ProviderResolutionInput): ProviderConfig | null {
  const model = input.models?.[provider] || DEFAULT_MODELS[provider];
  if (provider === 'local') {
    if (!input.local?.enabled) return null;
    return { provider, baseUrl: input.local.baseUrl || DEFAULT_OLLAMA_BASE_URL, model: input.local.model || model };
  }
  const apiKey = input.keys[provider];
  return apiKey ? { provider, apiKey, model } : null;
}

/**
 * Picks the provider to use: the explicit choice when it is usable, otherwise the first cloud vendor
 * with a key (anthropic → openai → google), otherwise Ollama when enabled, otherwise null.
 */
export function resolveProvider(input: ProviderResolutionInput): ProviderConfig | null {
  if (input.explicit) {
    const chosen = configFor(input.explicit, input);
    if (chosen) return chosen;
  }
  for (const provider of CLOUD_PROVIDER_ORDER) {
    const config = configFor(provider, input);
    if (config) return config;
  }
  return configFor('local', input);
}
