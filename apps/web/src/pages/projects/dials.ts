/**
 * Test Dials (API.md §5.12, ENGINE.md §2.11): the knobs sent as `dialsConfig` with a crawl or a
 * generation. The server refuses unknown dials and values with 400, so these lists mirror its own.
 */
const options = <T extends string>(entries: [T, string][]) => entries.map(([value, label]) => ({ value, label }));

export const APPROACHES = options([
  ['full_coverage', 'Full coverage'],
  ['positive_only', 'Happy paths only'],
  ['errors_and_edges', 'Errors and edge cases'],
  ['exploratory', 'Exploratory'],
  ['stability_check', 'Stability check'],
]);
export const PERSPECTIVES = options([
  ['full_journey', 'Full user journeys'],
  ['single_component', 'Single components'],
  ['multi_role', 'Multiple roles'],
  ['first_time_user', 'First-time user'],
  ['interrupted_flows', 'Interrupted flows'],
]);
export const QUALITIES = options([
  ['accessibility', 'Accessibility'],
  ['performance', 'Performance'],
  ['security', 'Security'],
  ['data_integrity', 'Data integrity'],
  ['api_integration', 'API responses'],
  ['localization', 'Localization'],
  ['reliability', 'Reliability'],
  ['observability', 'Console errors'],
]);
export const FORMATS = options([
  ['step_by_step', 'Step by step'],
  ['checklist', 'Checklist'],
  ['gherkin', 'Gherkin'],
]);
export const LANGUAGES = options([
  ['en-US', 'English (US)'],
  ['en-GB', 'English (UK)'],
  ['es', 'Spanish'],
  ['fr', 'French'],
  ['de', 'German'],
  ['ja', 'Japanese'],
  ['zh', 'Chinese (Simplified)'],
  ['pt', 'Portuguese'],
]);
export const TEST_COUNTS = options([
  ['ai_decides', 'Let Sentri decide'],
  ['one', 'One test'],
  ['small', 'Small (3–5)'],
  ['medium', 'Medium (6–10)'],
  ['large', 'Large (10–20)'],
]);
export const OPTIONS = options([
  ['selectorHints', 'Prefer test-id and role selectors'],
  ['preconditions', 'State preconditions'],
  ['testDataExamples', 'Use concrete test data'],
  ['markPriority', 'Mark critical tests [P1]'],
]);
export type DialOption = 'selectorHints' | 'preconditions' | 'testDataExamples' | 'markPriority';

export const MAX_CUSTOM_INSTRUCTIONS = 500;

/** Integer dials with the server's clamping ranges and defaults. */
export const EXPLORE_LIMITS = {
  exploreMaxStates: { label: 'Max states', min: 5, max: 100, default: 30 },
  exploreMaxDepth: { label: 'Max depth', min: 1, max: 10, default: 3 },
  exploreMaxActions: { label: 'Max actions per state', min: 1, max: 20, default: 8 },
  exploreActionTimeout: { label: 'Action timeout (ms)', min: 1000, max: 15000, default: 5000 },
} as const;
export type ExploreLimit = keyof typeof EXPLORE_LIMITS;

export interface Dials {
  approach: string;
  perspectives: string[];
  quality: string[];
  format: string;
  language: string;
  testCount: string;
  exploreMode: 'crawl' | 'state';
  exploreMaxStates: number;
  exploreMaxDepth: number;
  exploreMaxActions: number;
  exploreActionTimeout: number;
  options: Record<DialOption, boolean>;
  customInstructions: string;
}

type PresetValues = Pick<Dials, 'approach' | 'perspectives' | 'quality' | 'format' | 'testCount'>;

export const PRESETS: { value: string; label: string; dials: PresetValues }[] = [
  {
    value: 'new_feature',
    label: 'New feature',
    dials: {
      approach: 'full_coverage',
      perspectives: ['full_journey', 'multi_role'],
      quality: ['data_integrity'],
      format: 'step_by_step',
      testCount: 'ai_decides',
    },
  },
  {
    value: 'quick_check',
    label: 'Quick check',
    dials: {
      approach: 'positive_only',
      perspectives: ['full_journey'],
      quality: [],
      format: 'checklist',
      testCount: 'small',
    },
  },
  {
    value: 'after_bugfix',
    label: 'After a bug fix',
    dials: {
      approach: 'stability_check',
      perspectives: ['full_journey'],
      quality: ['reliability'],
      format: 'checklist',
      testCount: 'small',
    },
  },
  {
    value: 'edge_hardening',
    label: 'Edge hardening',
    dials: {
      approach: 'errors_and_edges',
      perspectives: ['interrupted_flows'],
      quality: ['security', 'reliability'],
      format: 'step_by_step',
      testCount: 'medium',
    },
  },
  {
    value: 'accessibility_review',
    label: 'Accessibility review',
    dials: {
      approach: 'full_coverage',
      perspectives: ['first_time_user'],
      quality: ['accessibility'],
      format: 'step_by_step',
      testCount: 'medium',
    },
  },
  {
    value: 'api_contracts',
    label: 'API contracts',
    dials: {
      approach: 'full_coverage',
      perspectives: ['multi_role'],
      quality: ['api_integration', 'data_integrity'],
      format: 'checklist',
      testCount: 'small',
    },
  },
  {
    value: 'bdd_spec',
    label: 'BDD specification',
    dials: {
      approach: 'full_coverage',
      perspectives: ['full_journey', 'multi_role'],
      quality: [],
      format: 'gherkin',
      testCount: 'medium',
    },
  },
];

export const DEFAULT_DIALS: Dials = {
  // The "new feature" profile is the dashboard's default (ENGINE.md §2.11).
  approach: 'full_coverage',
  perspectives: ['full_journey', 'multi_role'],
  quality: ['data_integrity'],
  format: 'step_by_step',
  testCount: 'ai_decides',
  language: 'en-US',
  exploreMode: 'crawl',
  exploreMaxStates: 30,
  exploreMaxDepth: 3,
  exploreMaxActions: 8,
  exploreActionTimeout: 5000,
  options: { selectorHints: false, preconditions: false, testDataExamples: false, markPriority: false },
  customInstructions: '',
};

/** Which preset the dials currently match, if any. */
export function matchingPreset(dials: Dials): string | null {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((item) => b.includes(item));
  const found = PRESETS.find(
    ({ dials: preset }) =>
      preset.approach === dials.approach &&
      preset.format === dials.format &&
      preset.testCount === dials.testCount &&
      same(preset.perspectives, dials.perspectives) &&
      same(preset.quality, dials.quality),
  );
  return found?.value ?? null;
}

const STORAGE_KEY = 'sentri:test-dials';
const known = (list: { value: string }[], value: unknown) => list.some((entry) => entry.value === value);

/** The last dials used in this browser (ENGINE.md §2.11: the config is kept in localStorage), checked. */
export function loadDials(): Dials {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Dials> | null;
    if (!saved || typeof saved !== 'object') return DEFAULT_DIALS;
    const dials = { ...DEFAULT_DIALS, ...saved, options: { ...DEFAULT_DIALS.options, ...saved.options } };
    const valid =
      known(APPROACHES, dials.approach) &&
      known(FORMATS, dials.format) &&
      known(LANGUAGES, dials.language) &&
      known(TEST_COUNTS, dials.testCount) &&
      (dials.exploreMode === 'crawl' || dials.exploreMode === 'state') &&
      dials.perspectives.every((value) => known(PERSPECTIVES, value)) &&
      dials.quality.every((value) => known(QUALITIES, value));
    return valid ? dials : DEFAULT_DIALS;
  } catch {
    return DEFAULT_DIALS;
  }
}

export function saveDials(dials: Dials): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(dials));
  } catch {
    // Private mode or a full quota: the dials simply are not remembered.
  }
}

/** The `dialsConfig` for a generation (explore limits only matter to a crawl in state mode). */
export function toDialsConfig(dials: Dials, forCrawl: boolean): Record<string, unknown> {
  const { exploreMode, exploreMaxStates, exploreMaxDepth, exploreMaxActions, exploreActionTimeout, ...prompt } = dials;
  const config: Record<string, unknown> = { ...prompt, customInstructions: prompt.customInstructions.trim() };
  if (forCrawl) {
    config.exploreMode = exploreMode;
    if (exploreMode === 'state')
      Object.assign(config, { exploreMaxStates, exploreMaxDepth, exploreMaxActions, exploreActionTimeout });
  }
  return config;
}
