import { AppError } from '@sentri/core';

/**
 * Test Dials: the structured knobs a user turns before a crawl or a generation. They are validated
 * here, on the server, because they end up in LLM prompts and in explorer limits. Unlike the
 * original service, which silently dropped anything it did not know, an unknown dial or value is a
 * 400 that names it: a typo should not quietly run a different configuration.
 */

const APPROACH_TEXT = {
  positive_only: 'Approach: cover the main happy paths only; every test uses valid input and expects success.',
  errors_and_edges:
    'Approach: focus on failures and boundaries: invalid and missing input, limits, empty states and error messages.',
  full_coverage: 'Approach: cover happy paths first, then the most important negative and edge cases.',
  exploratory: 'Approach: explore unusual but realistic user behaviour that a scripted test plan would miss.',
  stability_check: 'Approach: re-check existing behaviour end to end so a fix has not broken anything around it.',
} as const;

const PERSPECTIVE_TEXT = {
  full_journey: 'Test complete user journeys from start to finish.',
  single_component: 'Test individual components in isolation.',
  multi_role: 'Consider users with different roles and permissions.',
  first_time_user: 'Take the view of a first-time user with no prior data or knowledge.',
  interrupted_flows: 'Include interrupted flows: reloads, back navigation, abandoned and resumed forms.',
} as const;

const QUALITY_TEXT = {
  accessibility: 'Accessibility: check accessible names, keyboard use and visible focus.',
  performance: 'Performance: check that key pages and actions respond promptly.',
  security: 'Security: check input handling, access control and that errors do not leak details.',
  data_integrity: 'Data integrity: check that saved data reads back exactly as entered.',
  api_integration: 'API responses: check status codes and response shapes of the calls the UI makes.',
  localization: 'Localization: check dates, numbers and text for the user locale.',
  reliability: 'Reliability: check behaviour on retries, slow responses and repeated actions.',
  observability: 'Console errors: fail when the page logs errors to the console.',
} as const;

const FORMAT_TEXT = {
  step_by_step: 'Format: write steps as numbered, plain-English actions, each with its expected result.',
  checklist: 'Format: write steps as a short checklist of things to verify.',
  gherkin: 'Format: write steps in Gherkin (Given / When / Then).',
} as const;

const LANGUAGE_LABEL = {
  'en-US': 'English (US)',
  'en-GB': 'English (UK)',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  ja: 'Japanese',
  zh: 'Chinese (Simplified)',
  pt: 'Portuguese',
} as const;

const COUNT_LABEL = { one: '1', small: '3-5', medium: '6-10', large: '10-20', ai_decides: '' } as const;

const OPTION_TEXT = {
  selectorHints: 'Prefer data-testid and role-based selectors, and mention them in the steps.',
  preconditions: 'State the preconditions of each test.',
  testDataExamples: 'Use concrete example data values rather than placeholders.',
  markPriority: 'Prefix the name of each critical test with [P1].',
} as const;

export type Approach = keyof typeof APPROACH_TEXT;
export type Perspective = keyof typeof PERSPECTIVE_TEXT;
export type Quality = keyof typeof QUALITY_TEXT;
export type TestFormat = keyof typeof FORMAT_TEXT;
export type OutputLanguage = keyof typeof LANGUAGE_LABEL;
export type TestCount = keyof typeof COUNT_LABEL;
export type ExploreMode = 'crawl' | 'state';
export type DialOptionName = keyof typeof OPTION_TEXT;

const keysOf = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];
export const APPROACHES = keysOf(APPROACH_TEXT);
export const PERSPECTIVES = keysOf(PERSPECTIVE_TEXT);
export const QUALITIES = keysOf(QUALITY_TEXT);
export const FORMATS = keysOf(FORMAT_TEXT);
export const LANGUAGES = keysOf(LANGUAGE_LABEL);
export const TEST_COUNTS = keysOf(COUNT_LABEL);
export const EXPLORE_MODES: ExploreMode[] = ['crawl', 'state'];
export const OPTION_NAMES = keysOf(OPTION_TEXT);

export interface Dials {
  approach: Approach;
  perspectives: Perspective[];
  quality: Quality[];
  format: TestFormat;
  language: OutputLanguage;
  testCount: TestCount;
  exploreMode: ExploreMode;
  exploreMaxStates: number;
  exploreMaxDepth: number;
  exploreMaxActions: number;
  /** Milliseconds. */
  exploreActionTimeout: number;
  parallelWorkers: number;
  options: Record<DialOptionName, boolean>;
  customInstructions: string;
}

export const DIAL_DEFAULTS: Readonly<Dials> = Object.freeze({
  approach: 'full_coverage',
  perspectives: [],
  quality: [],
  format: 'step_by_step',
  language: 'en-US',
  testCount: 'ai_decides',
  exploreMode: 'crawl',
  exploreMaxStates: 30,
  exploreMaxDepth: 3,
  exploreMaxActions: 8,
  exploreActionTimeout: 5000,
  parallelWorkers: 1,
  options: { selectorHints: false, preconditions: false, testDataExamples: false, markPriority: false },
  customInstructions: '',
});

type PresetValues = Pick<Dials, 'approach' | 'perspectives' | 'quality' | 'format' | 'testCount'>;

/** The dashboard's profiles; a preset fills these values before the request's own keys override them. */
export const DIAL_PRESETS = {
  new_feature: {
    approach: 'full_coverage',
    perspectives: ['full_journey', 'multi_role'],
    quality: ['data_integrity'],
    format: 'step_by_step',
    testCount: 'ai_decides',
  },
  quick_check: {
    approach: 'positive_only',
    perspectives: ['full_journey'],
    quality: [],
    format: 'checklist',
    testCount: 'small',
  },
  after_bugfix: {
    approach: 'stability_check',
    perspectives: ['full_journey'],
    quality: ['reliability'],
    format: 'checklist',
    testCount: 'small',
  },
  edge_hardening: {
    approach: 'errors_and_edges',
    perspectives: ['interrupted_flows'],
    quality: ['security', 'reliability'],
    format: 'step_by_step',
    testCount: 'medium',
  },
  accessibility_review: {
    approach: 'full_coverage',
    perspectives: ['first_time_user'],
    quality: ['accessibility'],
    format: 'step_by_step',
    testCount: 'medium',
  },
  api_contracts: {
    approach: 'full_coverage',
    perspectives: ['multi_role'],
    quality: ['api_integration', 'data_integrity'],
    format: 'checklist',
    testCount: 'small',
  },
  bdd_spec: {
    approach: 'full_coverage',
    perspectives: ['full_journey', 'multi_role'],
    quality: [],
    format: 'gherkin',
    testCount: 'medium',
  },
} as const satisfies Record<string, Readonly<PresetValues>>;

export type PresetName = keyof typeof DIAL_PRESETS;
export const PRESET_NAMES = keysOf(DIAL_PRESETS);

const INTEGER_RANGES = {
  exploreMaxStates: [5, 100],
  exploreMaxDepth: [1, 10],
  exploreMaxActions: [1, 20],
  exploreActionTimeout: [1000, 15000],
  parallelWorkers: [1, 10],
} as const;

const ENUM_DIALS = {
  approach: APPROACHES,
  format: FORMATS,
  language: LANGUAGES,
  testCount: TEST_COUNTS,
  exploreMode: EXPLORE_MODES,
} as const;

const LIST_DIALS = { perspectives: PERSPECTIVES, quality: QUALITIES } as const;

export const MAX_CUSTOM_INSTRUCTIONS = 500;

const KNOWN_KEYS = [
  'preset',
  ...Object.keys(ENUM_DIALS),
  ...Object.keys(LIST_DIALS),
  ...Object.keys(INTEGER_RANGES),
  'options',
  'customInstructions',
];

const ROLE_PREFIX = /^[ \t]*(?:SYSTEM|ASSISTANT|USER|HUMAN|AI)[ \t]*:[ \t]*/gim;

/**
 * Removes the markers people use to smuggle instructions into a prompt: a line-leading role label
 * (`SYSTEM:`, `assistant:` …) and triple back-ticks. Repeated until stable, because removing one
 * marker can expose another (```` ```SYSTEM: ```` or six back-ticks in a row).
 */
export function sanitisePromptText(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/```/g, '').replace(ROLE_PREFIX, '');
    if (next === current) return next;
    current = next;
  }
}

/** A client's key or value as quoted back in an error, cut short so an error stays readable. */
const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

const refuse = (message: string, key: string): never => {
  throw new AppError('REQUEST_VALIDATION_FAILED', message, { field: `body.dialsConfig.${key}` });
};

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function enumValue<T extends string>(key: string, values: readonly T[], value: unknown): T {
  if (isOneOf(values, value)) return value;
  return refuse(`dialsConfig.${key} must be one of: ${values.join(', ')}.`, key);
}

function listValue<T extends string>(key: string, values: readonly T[], value: unknown): T[] {
  if (!Array.isArray(value)) return refuse(`dialsConfig.${key} must be a list of: ${values.join(', ')}.`, key);
  for (const item of value) {
    if (!isOneOf(values, item)) {
      refuse(`dialsConfig.${key} contains "${shown(item)}"; allowed values: ${values.join(', ')}.`, key);
    }
  }
  return [...new Set(value as T[])];
}

function integerValue(key: keyof typeof INTEGER_RANGES, value: unknown): number {
  const [min, max] = INTEGER_RANGES[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return refuse(`dialsConfig.${key} must be a whole number (it is kept between ${min} and ${max}).`, key);
  }
  return Math.min(max, Math.max(min, value));
}

function optionsValue(value: unknown): Dials['options'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(`dialsConfig.options must be an object of booleans: ${OPTION_NAMES.join(', ')}.`, 'options');
  }
  const options = { ...DIAL_DEFAULTS.options };
  for (const [name, flag] of Object.entries(value)) {
    if (!isOneOf(OPTION_NAMES, name)) {
      refuse(`Unknown dial option "${shown(name)}". Known options: ${OPTION_NAMES.join(', ')}.`, `options.${name}`);
    } else if (typeof flag !== 'boolean') {
      refuse(`dialsConfig.options.${name} must be true or false.`, `options.${name}`);
    } else {
      options[name] = flag;
    }
  }
  return options;
}

function customInstructionsValue(value: unknown): string {
  if (typeof value !== 'string') return refuse('dialsConfig.customInstructions must be text.', 'customInstructions');
  const trimmed = value.trim();
  if (trimmed.length > MAX_CUSTOM_INSTRUCTIONS) {
    refuse(
      `dialsConfig.customInstructions is ${trimmed.length} characters; the limit is ${MAX_CUSTOM_INSTRUCTIONS}.`,
      'customInstructions',
    );
  }
  return sanitisePromptText(trimmed).trim();
}

/**
 * Validates a request's `dialsConfig`. Absent (undefined or null) gives the defaults; a null key
 * keeps that dial's default. Integers outside their range are clamped, everything else that is not
 * a known dial with a known value is refused with AppError REQUEST_VALIDATION_FAILED naming the field.
 */
export function parseDials(input: unknown): Dials {
  const dials: Dials = structuredClone(DIAL_DEFAULTS) as Dials;
  if (input === undefined || input === null) return dials;
  // The original service ignored a string dialsConfig without a word, so a client that sent
  // JSON.stringify(dials) ran with defaults and never knew; it is refused so the mistake shows.
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError(
      'REQUEST_VALIDATION_FAILED',
      `dialsConfig must be an object, not ${Array.isArray(input) ? 'a list' : `a ${typeof input}`}.`,
      { field: 'body.dialsConfig' },
    );
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) refuse(`Unknown dial "${shown(key)}". Known dials: ${KNOWN_KEYS.join(', ')}.`, key);
  }
  const entries = Object.entries(input).filter(([, value]) => value !== undefined && value !== null);
  const preset = entries.find(([key]) => key === 'preset');
  if (preset) Object.assign(dials, structuredClone(DIAL_PRESETS[enumValue('preset', PRESET_NAMES, preset[1])]));

  const target = dials as unknown as Record<string, unknown>;
  for (const [key, value] of entries) {
    if (key in ENUM_DIALS) target[key] = enumValue(key, ENUM_DIALS[key as keyof typeof ENUM_DIALS], value);
    else if (key in LIST_DIALS) target[key] = listValue(key, LIST_DIALS[key as keyof typeof LIST_DIALS], value);
    else if (key in INTEGER_RANGES) target[key] = integerValue(key as keyof typeof INTEGER_RANGES, value);
    else if (key === 'options') dials.options = optionsValue(value);
    else if (key === 'customInstructions') dials.customInstructions = customInstructionsValue(value);
  }
  return dials;
}

/** The limits the state explorer runs with. */
export function explorerTuning(dials: Dials): {
  mode: ExploreMode;
  maxStates: number;
  maxDepth: number;
  maxActions: number;
  actionTimeoutMs: number;
} {
  return {
    mode: dials.exploreMode,
    maxStates: dials.exploreMaxStates,
    maxDepth: dials.exploreMaxDepth,
    maxActions: dials.exploreMaxActions,
    actionTimeoutMs: dials.exploreActionTimeout,
  };
}

/** True when nothing that reaches a prompt differs from the defaults. */
function promptIsDefault(dials: Dials): boolean {
  return (
    dials.approach === DIAL_DEFAULTS.approach &&
    dials.perspectives.length === 0 &&
    dials.quality.length === 0 &&
    dials.format === DIAL_DEFAULTS.format &&
    dials.language === DIAL_DEFAULTS.language &&
    dials.testCount === DIAL_DEFAULTS.testCount &&
    !OPTION_NAMES.some((name) => dials.options[name]) &&
    dials.customInstructions === ''
  );
}

/**
 * The prompt fragment for the dials, inserted into the user message. Explore and worker dials are
 * for the crawler and runner only and never appear; an all-default configuration gives "".
 */
export function buildDialsPrompt(dials: Dials): string {
  if (promptIsDefault(dials)) return '';
  const lines = ['TEST GENERATION CONFIGURATION:', APPROACH_TEXT[dials.approach]];
  if (dials.testCount !== 'ai_decides') {
    lines.push(`Number of tests: ${COUNT_LABEL[dials.testCount]} — generate exactly this many.`);
  }
  if (dials.perspectives.length > 0) {
    lines.push('Perspectives:', ...dials.perspectives.map((id) => `- ${PERSPECTIVE_TEXT[id]}`));
  }
  if (dials.quality.length > 0) lines.push('Quality checks:', ...dials.quality.map((id) => `- ${QUALITY_TEXT[id]}`));
  lines.push(FORMAT_TEXT[dials.format]);
  if (dials.language !== 'en-US') lines.push(`Output language: ${LANGUAGE_LABEL[dials.language]}.`);
  for (const name of OPTION_NAMES) if (dials.options[name]) lines.push(OPTION_TEXT[name]);
  if (dials.customInstructions) lines.push(`Additional instructions from the user: ${dials.customInstructions}`);
  return lines.join('\n');
}
