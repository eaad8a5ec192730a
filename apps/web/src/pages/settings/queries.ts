import type { ApiResult } from '../../api/types';

export type Settings = ApiResult<'/settings'>;
export type AiConfig = ApiResult<'/config'>;
export type SaveSettingsResult = ApiResult<'/settings', 'post'>;
export type ProviderCheck = ApiResult<'/settings/{provider}/test', 'post'>;
export type OllamaStatus = ApiResult<'/ollama/status'>;
export type SystemInfo = ApiResult<'/system'>;
export type RecycleBinContents = ApiResult<'/recycle-bin'>;
export type Cleared = ApiResult<'/data/runs', 'delete'>;

export const SETTINGS_KEY = ['settings'] as const;
export const CONFIG_KEY = ['config'] as const;
export const OLLAMA_STATUS_KEY = ['ollama-status'] as const;
export const SYSTEM_KEY = ['system'] as const;
export const RECYCLE_BIN_KEY = ['recycle-bin'] as const;
