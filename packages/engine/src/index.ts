export {
  findBrowserExecutable,
  CHROMIUM_CANDIDATES,
  type BrowserEngine,
  type BrowserLocation,
} from './browser/find-executable.js';
export {
  canonicalCode,
  codeFromSteps,
  codeShape,
  compileStep,
  toSpecFile,
  type CompilableTest,
  type Step,
} from './export/compile-test.js';
export { buildPlaywrightProject, specFileNames, type ExportInput } from './export/playwright-project.js';
