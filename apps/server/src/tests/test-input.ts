import { AppError, refusedUrlIn } from '@sentri/core';
import { canonicalCode, checkTestCode, describeProblems } from '@sentri/engine';

/** What a structured step may do; plain strings are readable steps and are kept as written. */
export const STEP_ACTIONS = [
  'navigate',
  'click',
  'fill',
  'select',
  'check',
  'uncheck',
  'press',
  'hover',
  'assert',
  'wait',
] as const;

export type TestStep =
  | string
  | {
      action: (typeof STEP_ACTIONS)[number];
      selector?: string;
      url?: string;
      value?: string;
      expected?: string;
      description?: string;
    };

const STEP_FIELDS = ['selector', 'url', 'value', 'expected', 'description'] as const;
const PRIORITIES = ['low', 'medium', 'high'];
const MAX_STEPS = 100;
const MAX_TAGS = 20;

export const invalid = (message: string, field: string) =>
  new AppError('REQUEST_VALIDATION_FAILED', message, { field });

export function parseSteps(value: unknown): TestStep[] {
  if (!Array.isArray(value)) throw invalid('Steps must be an array.', 'body.steps');
  if (value.length > MAX_STEPS) throw invalid(`Maximum ${MAX_STEPS} steps per test.`, 'body.steps');
  return value.map((step, index) => parseStep(step, `body.steps.${index}`));
}

function parseStep(step: unknown, field: string): TestStep {
  if (typeof step === 'string') return step;
  if (typeof step !== 'object' || step === null || Array.isArray(step)) {
    throw invalid(
      'Each step must be a string or a step object ({ action, selector?, url?, value?, expected? }).',
      field,
    );
  }
  const input = step as Record<string, unknown>;
  if (typeof input.action !== 'string' || !(STEP_ACTIONS as readonly string[]).includes(input.action)) {
    throw invalid(`Step action must be one of: ${STEP_ACTIONS.join(', ')}.`, `${field}.action`);
  }
  const parsed: Record<string, string> = { action: input.action };
  for (const key of STEP_FIELDS) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== 'string') throw invalid(`Step ${key} must be a string.`, `${field}.${key}`);
    parsed[key] = input[key] as string;
  }
  return parsed as TestStep;
}

export function parsePriority(value: unknown): 'low' | 'medium' | 'high' {
  if (typeof value !== 'string' || !PRIORITIES.includes(value))
    throw invalid('Priority must be low, medium, or high.', 'body.priority');
  return value as 'low' | 'medium' | 'high';
}

/** Up to 20 tags, stringified and trimmed, empties dropped. */
export function parseTags(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('Tags must be an array.', 'body.tags');
  if (value.length > MAX_TAGS) throw invalid(`Maximum ${MAX_TAGS} tags per test.`, 'body.tags');
  return value.map((tag) => tagText(tag).trim().slice(0, 100)).filter(Boolean);
}

/** A tag as text; an object that cannot be made text (`{"toString": null}`) is the client's mistake, not a 500. */
function tagText(tag: unknown): string {
  try {
    return String(tag);
  } catch {
    throw invalid('Each tag must be text.', 'body.tags');
  }
}

const MAX_PAGE_SIZE = 200;
/** The last page whose offset is still an exact integer: a database refuses an offset like 1e23. */
const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / MAX_PAGE_SIZE);

/** `?page=&pageSize=` per API.md §1.7: present at all switches paging on; values are clamped, never refused. */
export function parsePaging(query: Record<string, unknown>): { page: number; pageSize: number } | undefined {
  if (!('page' in query) && !('pageSize' in query)) return undefined;
  const page = Number.parseInt(String(query.page ?? ''), 10);
  const pageSize = Number.parseInt(String(query.pageSize ?? ''), 10);
  return {
    page: Number.isNaN(page) ? 1 : Math.min(MAX_PAGE, Math.max(1, page)),
    pageSize: Number.isNaN(pageSize) ? 10 : Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize)),
  };
}

/** Longer than anything worth searching for, and far below SQLite's LIKE pattern limit (50 000 bytes). */
const MAX_SEARCH = 500;

/** `?search=`: a substring of a name or URL; a longer one is refused, not sent to the database to fail there. */
export function parseSearch(value: string | undefined): string | undefined {
  if (value !== undefined && value.length > MAX_SEARCH)
    throw invalid(`search must be at most ${MAX_SEARCH} characters.`, 'querystring.search');
  return value;
}

/**
 * Hand-written code in its canonical form, once it has passed the safety check. The check runs
 * on the code as submitted, so the line numbers in a refusal are the author's own.
 */
export function acceptedCode(name: string, code: string): string {
  const check = checkTestCode(code);
  if (!check.ok) {
    throw new AppError('TEST_CODE_REFUSED', `Test code refused: ${describeProblems(check.problems)}`, {
      field: 'body.playwrightCode',
    });
  }
  // Cloud metadata and link-local targets are refused whatever the deployment allows.
  const metadata = refusedUrlIn(code, { allowPrivate: true });
  if (metadata) {
    throw new AppError('TEST_CODE_REFUSED', `Test code refused: ${metadata.url} — ${metadata.reason}`, {
      field: 'body.playwrightCode',
    });
  }
  return canonicalCode(name, code);
}
