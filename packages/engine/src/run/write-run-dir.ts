import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devices } from '@playwright/test';
import type { RunPlan } from './run-plan.js';

const require = createRequire(import.meta.url);

/** Chromium flags for containers and CI: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The node_modules the run's specs resolve `@playwright/test` and `@sentri/runtime` from: the
 * ones this package itself uses, so a run never needs an install.
 */
function nodeModulesDir(): string {
  const playwrightPackage = require.resolve('@playwright/test/package.json');
  return path.resolve(path.dirname(playwrightPackage), '..', '..');
}

/** The reporter the Playwright process loads: compiled JavaScript, or the TypeScript source under tests. */
export function reporterPath(): string {
  const compiled = fileURLToPath(new URL('./child/reporter.js', import.meta.url));
  return fs.existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}

/**
 * A run's specs take `test` from the runtime, which adds the screencast and network fixtures;
 * everything else they import from Playwright stays Playwright's.
 */
export function runnableSpec(spec: string): string {
  return markedSteps(spec.replace(/(from\s+)(['"])@playwright\/test\2/g, '$1$2@sentri/runtime/test$2'));
}

const STEP_COMMENT = /^([ \t]*)\/\/ Step (\d+):?(.*)$/gm;

/**
 * `// Step N:` comments mark steps too: the end of step N is captured where step N+1 begins
 * (the last step's end is the final screenshot). Only when every such comment sits at the same
 * indentation — the test body's own level — because a capture inside a nested, non-async
 * function would not compile.
 */
function markedSteps(spec: string): string {
  const marks = [...spec.matchAll(STEP_COMMENT)];
  if (marks.length < 2 || new Set(marks.map((mark) => mark[1])).size !== 1) return spec;
  const body = spec.replace(STEP_COMMENT, (line, indent: string, number: string) => {
    const previous = Number(number) - 1;
    return previous >= 1
      ? `${indent}await __sentriCaptureStep(${JSON.stringify(`Step ${previous}`)}, ${previous});\n${line}`
      : line;
  });
  return `import { captureStep as __sentriCaptureStep } from '@sentri/runtime/test';\n${body}`;
}

/** Writes config, specs and healing memory into `plan.dir`; returns the config file path. */
export function writeRunDir(plan: RunPlan): string {
  const testsDir = path.join(plan.dir, 'tests');
  fs.mkdirSync(testsDir, { recursive: true });
  fs.mkdirSync(path.join(plan.dir, 'tmp'), { recursive: true });
  fs.symlinkSync(nodeModulesDir(), path.join(plan.dir, 'node_modules'), 'dir');
  for (const test of plan.tests) {
    fs.writeFileSync(path.join(testsDir, `${test.id}.spec.ts`), runnableSpec(test.spec));
  }
  if (plan.healing) fs.writeFileSync(path.join(plan.dir, 'healing.json'), JSON.stringify(plan.healing));
  const configPath = path.join(plan.dir, 'playwright.config.mjs');
  fs.writeFileSync(configPath, configSource(plan));
  return configPath;
}

function configSource(plan: RunPlan): string {
  const { context, browser } = plan;
  const use: Record<string, unknown> = {
    browserName: browser.name,
    headless: browser.headless,
    baseURL: plan.baseURL,
    viewport: context.viewport,
    ignoreHTTPSErrors: true,
    navigationTimeout: plan.navigationTimeoutMs,
    actionTimeout: 15_000,
    trace: 'on',
    screenshot: 'on',
    video: 'off',
    offline: context.network === 'offline',
    ...(context.locale ? { locale: context.locale } : {}),
    ...(context.timezoneId ? { timezoneId: context.timezoneId } : {}),
    ...(context.geolocation ? { geolocation: context.geolocation, permissions: ['geolocation'] } : {}),
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      ...(browser.name === 'chromium' ? { args: CHROMIUM_ARGS } : {}),
    },
  };
  const config = {
    testDir: './tests',
    outputDir: './output',
    timeout: plan.testTimeoutMs,
    workers: plan.workers,
    retries: plan.retries,
    fullyParallel: true,
    preserveOutput: 'always',
    reporter: [[reporterPath()]],
    use,
  };
  // The device descriptor goes first so the run's own choices win over it, except its viewport.
  const device = context.device ? `devices[${JSON.stringify(context.device)}]` : undefined;
  return [
    `import { devices } from '@playwright/test';`,
    `const config = ${JSON.stringify(config, null, 2)};`,
    device ? `config.use = { ...${device}, ...config.use, viewport: ${device}.viewport };` : '',
    `export default config;`,
    '',
  ].join('\n');
}

/** Whether Playwright has a descriptor for this device name (`iPhone 14`, `Pixel 7`, …). */
export function isKnownDevice(name: string): boolean {
  return Object.hasOwn(devices, name);
}
