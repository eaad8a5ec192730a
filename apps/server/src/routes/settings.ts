import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const tags = ['settings'];
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

const SettingsView = Type.Object({
  activeProvider: Nullable(Type.String()),
  anthropic: Type.String(),
  openai: Type.String(),
  google: Type.String(),
  ollamaBaseUrl: Type.String(),
  ollamaModel: Type.String(),
  ollamaConfigured: Type.Boolean(),
});
const ConfigView = Type.Object({
  provider: Nullable(Type.String()),
  providerName: Type.String(),
  model: Nullable(Type.String()),
  color: Nullable(Type.String()),
  hasProvider: Type.Boolean(),
  supportedProviders: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), model: Type.String(), docsUrl: Type.String() }),
  ),
  demoMode: Type.Boolean(),
});
const SaveBody = Type.Object({
  provider: Type.Optional(Type.Unknown()),
  apiKey: Type.Optional(Type.Unknown()),
  baseUrl: Type.Optional(Type.Unknown()),
  model: Type.Optional(Type.Unknown()),
});
const SaveResult = Type.Object({
  ok: Type.Literal(true),
  provider: Type.String(),
  providerName: Type.String(),
  message: Type.String(),
});

const ProviderCheck = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    provider: Type.String(),
    model: Type.String(),
    latencyMs: Type.Integer({ description: 'How long the provider took to answer.' }),
  }),
  Type.Object({
    ok: Type.Literal(false),
    provider: Type.String(),
    model: Type.String(),
    latencyMs: Type.Integer(),
    error: Type.String({ description: "The provider's refusal, with the key removed." }),
    category: Type.String({
      description: 'auth, rate_limit, timeout, unreachable, provider_overload, request_rejected, malformed_reply …',
    }),
  }),
]);

/** AI provider settings of the current workspace (API.md §4.16, scoped per workspace). */
export async function settingsRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { aiSettings } = container.services;

  app.get(
    '/config',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Which AI provider this workspace uses (no secrets)',
        response: { 200: ConfigView, ...ERROR_RESPONSES },
      },
    },
    async (request) => aiSettings.config(workspaceOf(request)),
  );

  app.get(
    '/settings',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'AI provider settings, keys masked',
        response: { 200: SettingsView, ...ERROR_RESPONSES },
      },
    },
    async (request) => aiSettings.view(workspaceOf(request)),
  );

  app.post(
    '/settings',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Save an AI provider key or Ollama settings and make it active',
        body: SaveBody,
        response: { 200: SaveResult, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      aiSettings.save(principalOf(request), workspaceOf(request), request.body as Record<string, unknown>),
  );

  app.delete(
    '/settings/:provider',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Forget an AI provider key (or disable Ollama)',
        params: Type.Object({ provider: Type.String() }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      aiSettings.remove(principalOf(request), workspaceOf(request), (request.params as { provider: string }).provider),
  );

  app.post(
    '/settings/:provider/test',
    {
      // A real call to the vendor, on the workspace's key: counted like AI generation.
      config: memberRoute('admin', 'ai'),
      schema: {
        tags,
        summary: 'Try a provider with its saved settings (one tiny request)',
        params: Type.Object({ provider: Type.String() }),
        response: { 200: ProviderCheck, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      container.services.aiProviderCheck.test(workspaceOf(request), (request.params as { provider: string }).provider),
  );

  app.get(
    '/ollama/status',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Whether the Ollama server answers and has the configured model',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            model: Type.Optional(Type.String()),
            baseUrl: Type.Optional(Type.String()),
            error: Type.Optional(Type.String()),
            availableModels: Type.Optional(Type.Array(Type.String())),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => aiSettings.ollamaStatus(workspaceOf(request)),
  );
}
