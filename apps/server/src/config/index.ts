export { loadConfig, ConfigError, type Config, type Role, type BrowserEngine, type LogLevel } from './load-config.js';
export { renderEnvExample } from './env-example.js';
export { VARIABLES } from './variables.js';
