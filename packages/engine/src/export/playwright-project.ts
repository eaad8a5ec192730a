import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toSpecFile, type CompilableTest } from './compile-test.js';

const require = createRequire(import.meta.url);
const RUNTIME_DIR = 'sentri-runtime';

export interface ExportInput {
  projectName: string;
  baseUrl: string;
  tests: CompilableTest[];
}

/** File-system-safe, unique spec names: `checkout-works.spec.ts`, `checkout-works-2.spec.ts`, … */
export function specFileNames(names: string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name, index) => {
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80) || `test-${index + 1}`;
    const seen = (used.get(slug) ?? 0) + 1;
    used.set(slug, seen);
    return `${seen === 1 ? slug : `${slug}-${seen}`}.spec.ts`;
  });
}

/** The runtime helpers as TypeScript source, shipped next to the specs so the export needs nothing of ours. */
function runtimeFiles(): Record<string, string> {
  const root = path.dirname(require.resolve('@sentri/runtime/package.json'));
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(path.join(root, 'src'))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    files[`${RUNTIME_DIR}/${file}`] = fs.readFileSync(path.join(root, 'src', file), 'utf8');
  }
  return files;
}

/**
 * A standalone Playwright project: `npm install && npx playwright test` runs exactly the tests
 * Sentri runs, against the project's URL. Returned as path → content.
 */
export function buildPlaywrightProject(input: ExportInput): Record<string, string> {
  const playwrightVersion = (require('@playwright/test/package.json') as { version: string }).version;
  const names = specFileNames(input.tests.map((test) => test.name));
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: 'sentri-playwright-export',
        private: true,
        scripts: { test: 'playwright test' },
        devDependencies: { '@playwright/test': `^${playwrightVersion}` },
      },
      null,
      2,
    )}\n`,
    'playwright.config.ts': configFile(input.baseUrl),
    'README.md': readme(input.projectName, input.baseUrl, names.length),
    ...runtimeFiles(),
  };
  input.tests.forEach((test, index) => {
    files[`tests/${names[index]}`] = toSpecFile(test, `../${RUNTIME_DIR}/index`);
  });
  return files;
}

function configFile(baseUrl: string): string {
  return `import { defineConfig, devices } from '@playwright/test';

// Exported from Sentri. SENTRI_BASE_URL overrides the address of the app under test;
// PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH runs an installed Chromium instead of Playwright's own.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;

export default defineConfig({
  testDir: './tests',
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: process.env.SENTRI_BASE_URL || ${JSON.stringify(baseUrl)},
    trace: 'on-first-retry',
    ...(executablePath ? { launchOptions: { executablePath } } : {}),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
`;
}

function readme(projectName: string, baseUrl: string, count: number): string {
  return `# ${projectName} — Playwright tests exported from Sentri

${count} approved test(s), run against ${baseUrl}.

\`\`\`bash
npm install
npx playwright install chromium   # once, unless PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH points at a Chromium
npx playwright test
\`\`\`

\`SENTRI_BASE_URL=https://staging.example.com npx playwright test\` runs them against another address.
The helpers the tests call (\`sentri.click\`, \`sentri.fill\`, …) are in \`sentri-runtime/\`; they only use
Playwright's own API.
`;
}
