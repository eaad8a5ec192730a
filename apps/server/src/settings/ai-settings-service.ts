import { AppError, type Clock } from '@sentri/core';
import type { SettingsRepository } from '@sentri/db';
import { displayName, modelOf, ollamaStatus, resolveProvider, type ProviderConfig } from '@sentri/llm';
import type { Config } from '../config/index.js';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { SecretBox } from '../infra/secret-box.js';
import {
  AI_PROVIDERS,
  AI_PROVIDER_IDS,
  CLOUD_PROVIDERS,
  maskKey,
  ollamaUrlProblem,
  type AiProviderId,
  type CloudProviderId,
} from './ai-providers.js';

const KEY = (provider: CloudProviderId) => `ai.key.${provider}`;
const BASE_URL = (provider: CloudProviderId) => `ai.baseUrl.${provider}`;
const ACTIVE = 'ai.active';
const LOCAL = 'ai.local';
const DEFAULT_OLLAMA_URL = 'http://localhost:11434';
const INVALID_PROVIDER = `provider must be one of: ${AI_PROVIDER_IDS.join(', ')}`;

type SaveInput = { provider?: unknown; apiKey?: unknown; baseUrl?: unknown; model?: unknown };

interface LocalSettings {
  baseUrl: string;
  model: string;
  enabled: boolean;
}

/**
 * AI provider keys belong to a workspace, not to the server: each workspace's admins manage
 * their own, sealed with AES-256-GCM at rest, shown to nobody in full once saved.
 */
export class AiSettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly box: SecretBox,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
    private readonly defaults?: Config['ai'],
  ) {}

  async view(scope: WorkspaceScope) {
    const state = await this.load(scope.id);
    return {
      activeProvider: this.active(state),
      anthropic: maskKey(state.keys.anthropic),
      openai: maskKey(state.keys.openai),
      google: maskKey(state.keys.google),
      ollamaBaseUrl: state.local?.baseUrl ?? DEFAULT_OLLAMA_URL,
      ollamaModel: state.local?.model ?? AI_PROVIDERS.local.model,
      ollamaConfigured: Boolean(state.local?.enabled),
    };
  }

  /** What any member may know: which provider generates tests here, never its key. */
  async config(scope: WorkspaceScope) {
    const resolved = await this.providerConfig(scope.id);
    const details = resolved ? AI_PROVIDERS[resolved.provider] : undefined;
    return {
      provider: resolved?.provider ?? null,
      providerName: resolved ? displayName(resolved) : 'No provider configured',
      model: resolved ? modelOf(resolved) : null,
      color: details?.color ?? null,
      hasProvider: resolved !== null,
      supportedProviders: AI_PROVIDER_IDS.map((id) => ({
        id,
        name: AI_PROVIDERS[id].name,
        model: AI_PROVIDERS[id].model,
        docsUrl: AI_PROVIDERS[id].docsUrl,
      })),
      demoMode: false,
    };
  }

  /** Saves and records who changed which provider (never the key itself). */
  async save(actor: Principal, scope: WorkspaceScope, input: SaveInput) {
    const result = await this.store(scope, input);
    await this.activity.record(actor, { type: 'settings.update', workspaceId: scope.id, detail: result.message });
    return result;
  }

  private async store(scope: WorkspaceScope, input: SaveInput) {
    const provider = this.parseProvider(input.provider);
    const now = this.clock.now().toISOString();
    if (provider === 'local') {
      const baseUrl =
        typeof input.baseUrl === 'string' && input.baseUrl.trim() ? input.baseUrl.trim() : DEFAULT_OLLAMA_URL;
      const problem = ollamaUrlProblem(baseUrl);
      if (problem) throw new AppError('REQUEST_VALIDATION_FAILED', problem, { field: 'body.baseUrl' });
      const model =
        typeof input.model === 'string' && input.model.trim()
          ? input.model.trim().slice(0, 100)
          : AI_PROVIDERS.local.model;
      const local: LocalSettings = { baseUrl: baseUrl.replace(/\/+$/, ''), model, enabled: true };
      await this.settings.put(scope.id, LOCAL, JSON.stringify(local), now);
      await this.settings.put(scope.id, ACTIVE, 'local', now);
      return {
        ok: true as const,
        provider,
        providerName: `Ollama (${model})`,
        message: 'Local Ollama provider activated. Ensure Ollama is running.',
      };
    }
    if (input.apiKey === '__use_existing__') {
      const state = await this.load(scope.id);
      if (!state.keys[provider]) {
        throw new AppError(
          'REQUEST_VALIDATION_FAILED',
          `No saved key for "${provider}". Add a key in Settings first.`,
          { field: 'body.apiKey' },
        );
      }
      await this.settings.put(scope.id, ACTIVE, provider, now);
      return {
        ok: true as const,
        provider,
        providerName: AI_PROVIDERS[provider].name,
        message: `Switched to ${provider}.`,
      };
    }
    const apiKey = typeof input.apiKey === 'string' ? input.apiKey.trim() : '';
    if (apiKey.length < 10 || apiKey.length > 500) {
      throw new AppError('REQUEST_VALIDATION_FAILED', 'apiKey is required and must be at least 10 characters', {
        field: 'body.apiKey',
      });
    }
    const baseUrl = typeof input.baseUrl === 'string' ? input.baseUrl.trim().replace(/\/+$/, '') : '';
    if (baseUrl) {
      // OpenAI-compatible gateways and proxies: same rules as an Ollama address.
      const problem = ollamaUrlProblem(baseUrl)?.replace('Ollama base URL', 'Base URL');
      if (problem) throw new AppError('REQUEST_VALIDATION_FAILED', problem, { field: 'body.baseUrl' });
      await this.settings.put(scope.id, BASE_URL(provider), baseUrl, now);
    } else await this.settings.remove(scope.id, BASE_URL(provider));
    await this.settings.put(scope.id, KEY(provider), this.box.seal(apiKey), now);
    await this.settings.put(scope.id, ACTIVE, provider, now);
    return {
      ok: true as const,
      provider,
      providerName: AI_PROVIDERS[provider].name,
      message: `${provider} API key saved. Provider is now active.`,
    };
  }

  async remove(actor: Principal, scope: WorkspaceScope, providerInput: unknown): Promise<{ ok: true }> {
    const provider = this.parseProvider(providerInput);
    const state = await this.load(scope.id);
    const now = this.clock.now().toISOString();
    if (provider === 'local') {
      if (state.local)
        await this.settings.put(scope.id, LOCAL, JSON.stringify({ ...state.local, enabled: false }), now);
    } else {
      await this.settings.remove(scope.id, KEY(provider));
    }
    if (state.active === provider) await this.settings.remove(scope.id, ACTIVE);
    await this.activity.record(actor, {
      type: 'settings.update',
      workspaceId: scope.id,
      detail: `Removed the ${provider} provider settings`,
    });
    return { ok: true };
  }

  /**
   * The provider a workspace's generation calls, with its key in clear: the workspace's own
   * choice and keys first, then the server-wide defaults from the environment. Never for a response.
   */
  async providerConfig(workspaceId: string): Promise<ProviderConfig | null> {
    const state = await this.load(workspaceId);
    const env = this.defaults;
    const keys: Partial<Record<CloudProviderId, string>> = {};
    for (const id of CLOUD_PROVIDERS) {
      const value = state.keys[id] ?? env?.vendors[id].apiKey;
      if (value) keys[id] = value;
    }
    const envLocal = Boolean(env?.ollama.baseUrl || env?.ollama.model);
    const local = state.local?.enabled
      ? state.local
      : envLocal
        ? {
            baseUrl: env?.ollama.baseUrl ?? DEFAULT_OLLAMA_URL,
            model: env?.ollama.model ?? AI_PROVIDERS.local.model,
            enabled: true,
          }
        : undefined;
    const resolved = resolveProvider({
      explicit: state.active ?? env?.provider ?? null,
      keys,
      ...(env
        ? {
            models: {
              anthropic: env.vendors.anthropic.model,
              openai: env.vendors.openai.model,
              google: env.vendors.google.model,
            },
          }
        : {}),
      ...(local ? { local } : {}),
    });
    if (!resolved || resolved.provider === 'local') return resolved;
    const baseUrl = state.baseUrls[resolved.provider] ?? env?.vendors[resolved.provider].baseUrl;
    return baseUrl ? { ...resolved, baseUrl } : resolved;
  }

  /**
   * One provider's settings as generation would use them — the workspace's key (else the
   * server's), base URL and model — whether or not it is the active one; null when it has no
   * key (Ollama: no address saved). For the connection test; never for a response.
   */
  async settingsOf(workspaceId: string, providerInput: unknown): Promise<ProviderConfig | null> {
    const provider = this.parseProvider(providerInput);
    const state = await this.load(workspaceId);
    const env = this.defaults;
    if (provider === 'local') {
      const baseUrl = state.local?.baseUrl ?? env?.ollama.baseUrl;
      const model = state.local?.model ?? env?.ollama.model;
      if (!state.local && !baseUrl && !model) return null;
      return { provider, baseUrl: baseUrl ?? DEFAULT_OLLAMA_URL, model: model ?? AI_PROVIDERS.local.model };
    }
    const apiKey = state.keys[provider] ?? env?.vendors[provider].apiKey;
    if (!apiKey) return null;
    const baseUrl = state.baseUrls[provider] ?? env?.vendors[provider].baseUrl;
    const model = env?.vendors[provider].model;
    return { provider, apiKey, ...(model ? { model } : {}), ...(baseUrl ? { baseUrl } : {}) };
  }

  /** Whether the workspace's Ollama server answers and has its model (always an answer, never an error). */
  async ollamaStatus(scope: WorkspaceScope) {
    const state = await this.load(scope.id);
    const baseUrl = state.local?.baseUrl ?? this.defaults?.ollama.baseUrl ?? DEFAULT_OLLAMA_URL;
    const model = state.local?.model ?? this.defaults?.ollama.model ?? AI_PROVIDERS.local.model;
    const problem = ollamaUrlProblem(baseUrl);
    if (problem) return { ok: false as const, error: problem };
    return ollamaStatus(baseUrl, model);
  }

  /** The sealed key in clear, for the code that calls the provider; never for a response. */
  async apiKey(workspaceId: string, provider: CloudProviderId): Promise<string | undefined> {
    return (await this.load(workspaceId)).keys[provider];
  }

  private async load(workspaceId: string) {
    const stored = await this.settings.all(workspaceId);
    const keys: Partial<Record<CloudProviderId, string>> = {};
    for (const provider of CLOUD_PROVIDERS) {
      const sealed = stored.get(KEY(provider));
      if (sealed) keys[provider] = this.unseal(sealed);
    }
    const baseUrls: Partial<Record<CloudProviderId, string>> = {};
    for (const provider of CLOUD_PROVIDERS) {
      const url = stored.get(BASE_URL(provider));
      if (url) baseUrls[provider] = url;
    }
    const localRaw = stored.get(LOCAL);
    const local = localRaw ? (JSON.parse(localRaw) as LocalSettings) : undefined;
    return { keys, baseUrls, local, active: stored.get(ACTIVE) as AiProviderId | undefined };
  }

  /** The chosen provider while it is still usable, else the first cloud provider with a key, else Ollama. */
  private active(state: Awaited<ReturnType<AiSettingsService['load']>>): AiProviderId | null {
    const usable = (id: AiProviderId) => (id === 'local' ? Boolean(state.local?.enabled) : Boolean(state.keys[id]));
    if (state.active && usable(state.active)) return state.active;
    return CLOUD_PROVIDERS.find((id) => usable(id)) ?? (usable('local') ? 'local' : null);
  }

  /**
   * A key sealed under a previous CREDENTIAL_SECRET cannot be opened any more: treat it as not
   * set (the admin enters it again) rather than failing every settings request.
   */
  private unseal(sealed: string): string | undefined {
    try {
      return this.box.open(sealed);
    } catch {
      return undefined;
    }
  }

  private parseProvider(value: unknown): AiProviderId {
    if (typeof value === 'string' && (AI_PROVIDER_IDS as string[]).includes(value)) return value as AiProviderId;
    throw new AppError('REQUEST_VALIDATION_FAILED', INVALID_PROVIDER, { field: 'body.provider' });
  }
}
