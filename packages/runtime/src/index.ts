export * as sentri from './steps.js';
export {
  safeCheck,
  safeClick,
  safeDblClick,
  safeDrag,
  safeExpect,
  safeFill,
  safeFocus,
  safeHover,
  safePress,
  safeRightClick,
  safeSelect,
  safeSelectFrame,
  safeTap,
  safeUncheck,
  safeUpload,
  type SelectValue,
  type UploadFiles,
  type VisibilityExpect,
} from './helpers.js';
export { ElementNotFoundError } from './errors.js';
export { looksLikeSelector, parseSelector, resolveSelector, type Scope } from './selectors.js';
export { selectorStrategies, waterfall, type ActionKind, type Strategy } from './strategies.js';
export { SIMILARITY_WEIGHTS, similarity, textSimilarity } from './similarity.js';
export { currentTestId, healingKey, resetHealingMemory, type HealingHint } from './memory.js';
export { settings as runtimeSettings, type RuntimeSettings } from './config.js';
export * from './channel.js';
