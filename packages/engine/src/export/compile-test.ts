/** A step as stored: readable text, or a structured action the compiler turns into code. */
export type Step =
  string | { action: string; selector?: string; url?: string; value?: string; expected?: string; description?: string };

export interface CompilableTest {
  name: string;
  steps: Step[];
  playwrightCode: string | null;
}

const lit = (text: string) => JSON.stringify(text);

/** One structured step as a call to the runtime helpers; plain text steps become comments. */
export function compileStep(step: Step): string {
  if (typeof step === 'string') return `// ${step.replace(/\n/g, ' ')}`;
  const selector = lit(step.selector ?? 'body');
  switch (step.action) {
    case 'navigate':
      return `await sentri.navigate(page, ${lit(step.url ?? step.value ?? '/')});`;
    case 'click':
    case 'check':
    case 'uncheck':
    case 'hover':
      return `await sentri.${step.action}(page, ${selector});`;
    case 'fill':
    case 'select':
      return `await sentri.${step.action}(page, ${selector}, ${lit(step.value ?? '')});`;
    case 'press':
      return `await sentri.press(page, ${lit(step.value ?? 'Enter')}${step.selector ? `, ${selector}` : ''});`;
    case 'assert':
      return `await sentri.expectVisible(page, ${step.selector ? selector : 'undefined'}${step.expected ? `, ${lit(step.expected)}` : ''});`;
    case 'wait':
      return `await sentri.waitFor(page${step.selector ? `, ${selector}` : ''});`;
    default:
      return `// Unsupported step: ${lit(step.action)}`;
  }
}

/** Stored code in one of three shapes: a whole spec file, one `test(...)` call, or a bare body. */
export function codeShape(code: string): 'spec' | 'test-call' | 'body' {
  if (/^\s*import\s/m.test(code) && /\btest\s*\(/.test(code)) return 'spec';
  if (/^\s*test(\.\w+)?\s*\(/m.test(code)) return 'test-call';
  return 'body';
}

/** The body of an `async ({ page }) => { … }` arrow, or the code itself when it is plain statements. */
function bodyOf(code: string): string {
  const arrow = /^\s*async\s*\(\s*\{[^}]*\}\s*\)\s*=>\s*\{([\s\S]*)\}\s*;?\s*$/.exec(code);
  return (arrow?.[1] ?? code).trim();
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.trim() ? `  ${line}` : ''))
    .join('\n');

/**
 * A complete spec file for one test, deterministic for the same input. Code a person wrote or
 * edited wins over steps; steps with actions compile to runtime helper calls; a test with
 * neither is exported as `test.fixme` so the suite still runs and says what is missing.
 */
export function toSpecFile(test: CompilableTest, runtimeImport: string): string {
  const header = `import { test, expect } from '@playwright/test';\nimport { sentri } from ${lit(runtimeImport)};\n\n`;
  const code = test.playwrightCode?.trim();
  if (code) {
    const shape = codeShape(code);
    if (shape === 'spec') return `${code}\n`;
    if (shape === 'test-call') return `${header}${code}\n`;
    return `${header}test(${lit(test.name)}, async ({ page }) => {\n${indent(bodyOf(code))}\n});\n`;
  }
  const executable = test.steps.some((step) => typeof step !== 'string');
  const lines = test.steps.map(compileStep).join('\n');
  if (!executable) {
    return `${header}test.fixme(${lit(test.name)}, async ({ page }) => {\n${indent(lines || '// No steps yet.')}\n  void page;\n});\n`;
  }
  return `${header}test(${lit(test.name)}, async ({ page }) => {\n${indent(lines)}\n});\n`;
}

/** Code a test compiles to from its structured steps, in canonical form; undefined when no step is an action. */
export function codeFromSteps(name: string, steps: Step[]): string | undefined {
  if (!steps.some((step) => typeof step !== 'string')) return undefined;
  return `test(${lit(name)}, async ({ page }) => {\n${indent(steps.map(compileStep).join('\n'))}\n});\n`;
}

/**
 * One stored form for hand-written code, whatever shape it arrived in: a single
 * `test(...)` call. A spec that imports only Playwright loses the import; a bare body is wrapped.
 */
export function canonicalCode(name: string, code: string): string {
  const trimmed = code.trim();
  const shape = codeShape(trimmed);
  if (shape === 'body') return `test(${lit(name)}, async ({ page }) => {\n${indent(bodyOf(trimmed))}\n});\n`;
  if (shape === 'spec') {
    // Only Playwright's own import is implied by the canonical form; a spec importing anything
    // else is kept whole so it still runs.
    const imports = trimmed.match(/^\s*import\s[^;]*;?\s*$/gm) ?? [];
    if (!imports.every((line) => /['"]@playwright\/test['"]/.test(line))) return `${trimmed}\n`;
    return `${trimmed.replace(/^\s*import\s[^;]*;?\s*$/gm, '').trim()}\n`;
  }
  return `${trimmed}\n`;
}
