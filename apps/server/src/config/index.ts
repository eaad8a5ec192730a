export {
  loadConfig,
  ConfigError,
  type Config,
  type Role,
  type BrowserEngine,
  type LogLevel,
  type OAuthClient,
  type RateLimitTier,
} from './load-config.js';
export type { RateLimit } from './parse-variable.js';
export { renderEnvExample } from './env-example.js';
export { VARIABLES } from './variables.js';
