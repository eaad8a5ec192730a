export {
  findBrowserExecutable,
  managedBrowserPath,
  playwrightVersion,
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
export type {
  BrowserName,
  ChildMessage,
  ChildAttachment,
  ChildError,
  ChildStep,
  NetworkCondition,
  RunPlan,
} from './run/run-plan.js';
export {
  childEnvironment,
  liveFile,
  runPlaywright,
  type PlaywrightExit,
  type PlaywrightRun,
} from './run/run-playwright.js';
export { CHROMIUM_ARGS, isKnownDevice, runnableSpec } from './run/write-run-dir.js';
export { classifyFailure, type FailureCategory } from './run/classify-failure.js';
export * from './safety/check-code.js';
export {
  compareImages,
  compareImagesAsync,
  pngSize,
  DEFAULT_COMPARE_OPTIONS,
  MAX_COMPARE_PIXELS,
  type CompareOptions,
  type Region,
  type VisualResult,
} from './visual/compare-images.js';
export { ImageComparer } from './visual/image-comparer.js';
export type * from './discovery/types.js';
export { crawlSite, CrawlUnreachableError } from './discovery/crawl.js';
export type { CrawlCredentials, CrawlOptions, CrawlProgress } from './discovery/crawl-session.js';
export {
  runPipeline,
  builtinGenerator,
  type Generator,
  type GenerationContext,
  type PipelineStats,
} from './generate/pipeline.js';
export { BUILTIN_MODEL, BUILTIN_VERSION } from './generate/builtin-generator.js';
export {
  parseDials,
  buildDialsPrompt,
  explorerTuning,
  sanitisePromptText,
  DIAL_DEFAULTS,
  type Dials,
} from './generate/dials.js';
export { parseOpenApi, extractAttachedSpec } from './generate/openapi.js';
export { apiContractTests } from './generate/api-tests.js';
export { validateTest } from './generate/validate.js';
export type { ExistingTest } from './generate/dedupe.js';
export type { ClassifiedPage } from './generate/classify.js';
export { runGeneratedSuite, type SuiteOutcome } from './quality/suite-runner.js';
export { aiGenerator, type AiGeneratorOptions } from './generate/ai/ai-generator.js';
export { describeRequestTests, type DescribeRequest } from './generate/ai/describe-request.js';
export { isApiIntent, parseEndpointHints } from './generate/ai/api-intent.js';
export type { JsonModel } from './generate/ai/json-model.js';
export { proposeFix, type FailingTest } from './generate/ai/propose-fix.js';
