export type OllamaStatus =
  | { ok: true; model: string; baseUrl: string; availableModels: string[] }
  | { ok: false; error: string; availableModels?: string[] };

export interface OllamaStatusOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface TagsBody {
  models?: { name?: unknown; model?: unknown }[];
}

/** Ollama lists `mistral` as `mistral:latest`; both spellings mean the same model. */
function sameModel(listed: string, wanted: string): boolean {
  const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return withTag(listed) === withTag(wanted);
}

function modelNames(body: TagsBody): string[] {
  const names = (body.models ?? []).map((entry) => entry.name ?? entry.model);
  return names.filter((name): name is string => typeof name === 'string');
}

/** Checks that Ollama answers at `baseUrl` and has `model` pulled (`GET <base>/api/tags`). */
export async function ollamaStatus(
  baseUrl: string,
  model: string,
  options: OllamaStatusOptions = {},
): Promise<OllamaStatus> {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/api$/, '');
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(`${root}/api/tags`, { signal: AbortSignal.timeout(options.timeoutMs ?? 4_000) });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : describe(error);
    return { ok: false, error: `Cannot reach Ollama at ${root}: ${reason}. Is \`ollama serve\` running?` };
  }
  if (!response.ok) {
    return { ok: false, error: `Ollama at ${root} answered HTTP ${response.status}.` };
  }
  let availableModels: string[];
  try {
    availableModels = modelNames((await response.json()) as TagsBody);
  } catch {
    return { ok: false, error: `Ollama at ${root} sent an unreadable model list.` };
  }
  if (!availableModels.some((listed) => sameModel(listed, model))) {
    return { ok: false, error: `Model "${model}" is not pulled. Run: ollama pull ${model}`, availableModels };
  }
  return { ok: true, model, baseUrl: root, availableModels };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message} (${cause})` : error.message;
}
