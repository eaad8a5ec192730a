/** The AI providers a workspace can configure, with what the dashboard shows for each. */
export const AI_PROVIDERS = {
  anthropic: {
    name: 'Anthropic Claude',
    model: 'claude-sonnet-4-20250514',
    color: '#cd7f32',
    docsUrl: 'https://console.anthropic.com/settings/keys',
  },
  openai: { name: 'OpenAI', model: 'gpt-4o-mini', color: '#10a37f', docsUrl: 'https://platform.openai.com/api-keys' },
  google: {
    name: 'Google Gemini',
    model: 'gemini-2.5-flash',
    color: '#4285f4',
    docsUrl: 'https://aistudio.google.com/app/apikey',
  },
  local: { name: 'Ollama', model: 'mistral:7b', color: '#7c3aed', docsUrl: 'https://ollama.com/download' },
} as const;

export type AiProviderId = keyof typeof AI_PROVIDERS;
export const AI_PROVIDER_IDS = Object.keys(AI_PROVIDERS) as AiProviderId[];
export const CLOUD_PROVIDERS = ['anthropic', 'openai', 'google'] as const;
export type CloudProviderId = (typeof CLOUD_PROVIDERS)[number];

/** "sk-ant…••••••••…abcd": enough to recognise a key, never enough to use it. */
export function maskKey(key: string | undefined): string {
  if (!key) return '';
  if (key.length <= 8) return '••••••••';
  return `${key.slice(0, 6)}••••••••${key.slice(-4)}`;
}

const METADATA_HOSTS = new Set(['169.254.169.254', 'metadata.google.internal', '[fd00:ec2::254]']);

/** The reason an Ollama base URL is refused, or undefined when it is usable. */
export function ollamaUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Invalid Ollama base URL format';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Ollama base URL must use http or https protocol';
  if (METADATA_HOSTS.has(url.hostname) || url.hostname.startsWith('[fe80:')) {
    return 'Ollama base URL must not point to cloud metadata or link-local addresses';
  }
  return undefined;
}
