import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Collects what a user never should see go wrong: console errors, uncaught exceptions, 5xx answers.
 * `expectClean()` fails the test with every one of them listed.
 */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // The console says only "status of 500"; the response says which request it was.
  page.on('response', (response) => {
    if (response.status() >= 500)
      problems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    expectClean: () => expect(problems, problems.join('\n')).toEqual([]),
  };
}

/**
 * What a reviewer and an auditor check on every main page: a screenshot to look at (ignored by
 * git) and an axe-core scan with no serious or critical violation of WCAG 2 A/AA.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size?.width}x${size?.height}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = serious.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help}\n  ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} — ${node.any[0]?.message ?? node.failureSummary ?? ''}`)
        .join('\n  ')}`,
  );
  expect(report, `${name}: accessibility violations\n${report.join('\n')}`).toEqual([]);
}
