/** Globals that reach Node's power (processes, files, modules, code from strings) or the global object. */
export const FORBIDDEN_GLOBALS = new Set([
  'process',
  'eval',
  'Function',
  'globalThis',
  'global',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'Reflect',
  'Proxy',
  'WebAssembly',
  'Deno',
  'Bun',
]);

/** Properties that lead to constructors (and so to `Function`), prototypes, or V8 stack hooks. */
export const FORBIDDEN_PROPERTIES = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'prepareStackTrace',
]);

/** Playwright calls that start, or connect to, a browser process of the caller's choosing. */
export const LAUNCH_METHODS = new Set([
  'launch',
  'launchPersistentContext',
  'launchServer',
  'connect',
  'connectOverCDP',
  'newCDPSession',
  'newBrowserCDPSession',
]);

/** Options (fixtures, context and launch options) that choose the browser executable, its flags or its folders. */
export const LAUNCH_OPTIONS = new Set([
  'executablePath',
  'launchOptions',
  'connectOptions',
  'downloadsPath',
  'tracesDir',
  'userDataDir',
]);

/** Fixtures that hand out browser types, and with them `launch()`. */
export const FORBIDDEN_FIXTURES = new Set(['playwright', 'browserType']);

/** `_`-prefixed keys common in JSON APIs (MongoDB, HAL, CouchDB, Elasticsearch, GraphQL); never Playwright internals. */
export const DATA_UNDERSCORE_KEYS = new Set([
  '_id',
  '_links',
  '_embedded',
  '_meta',
  '_rev',
  '_key',
  '_source',
  '_index',
  '_score',
  '__typename',
]);

/** Test-runner settings that decide where snapshots and outputs are written. */
export const RUNNER_SETTINGS = new Set([
  'snapshotSuffix',
  'snapshotDir',
  'snapshotPathTemplate',
  'outputDir',
  'testDir',
  'rootDir',
  'configDir',
]);

/** `Object.*` functions that read or redefine properties, prototypes or descriptors behind the checker's back. */
export const FORBIDDEN_OBJECT_METHODS = new Set([
  'getPrototypeOf',
  'setPrototypeOf',
  'getOwnPropertyDescriptor',
  'getOwnPropertyDescriptors',
  'getOwnPropertyNames',
  'getOwnPropertySymbols',
  'defineProperty',
  'defineProperties',
]);

/** Value imports allowed from `@playwright/test`; anything else there launches browsers or reaches internals. */
export const PLAYWRIGHT_VALUE_IMPORTS = new Set(['test', 'expect', 'devices']);

/** Whether a property name is checked, and under which rule. */
export function propertyRule(name: string): { rule: string; message: string } | undefined {
  if (FORBIDDEN_PROPERTIES.has(name)) return { rule: 'property', message: `.${name} is not allowed in test code` };
  if (LAUNCH_METHODS.has(name) || LAUNCH_OPTIONS.has(name)) {
    return { rule: 'launch', message: `.${name} is not allowed in test code; Sentri starts the browser` };
  }
  if (name.startsWith('_') && !DATA_UNDERSCORE_KEYS.has(name)) {
    return { rule: 'private-member', message: `.${name} is not allowed in test code (Playwright internals)` };
  }
  return undefined;
}
