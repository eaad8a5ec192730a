/**
 * The knobs of the runtime helpers. The helpers run inside Playwright worker processes (Sentri's
 * own runs and exported projects alike); the environment is the only channel either has into
 * them, so this is the one place the runtime reads it. Values are read on every call, so a test
 * (or a `test.use`-style env override) takes effect immediately; a bad value falls back to the
 * default instead of failing a test over a typo in an env var.
 */

const env = (): NodeJS.ProcessEnv => process.env;

export interface RuntimeSettings {
  /** Attempts of one resolve-and-act cycle (`HEALING_RETRY_COUNT`, spec default 3). */
  retryCount: number;
  /** Pause between attempts (`HEALING_RETRY_DELAY`, 400 ms). */
  retryDelayMs: number;
  /** How long one lookup waits for an element to appear, and one action's timeout (`HEALING_ELEMENT_TIMEOUT`, 5000 ms). */
  elementTimeoutMs: number;
  /**
   * Hard cap on one helper call, every attempt included (`SENTRI_STEP_BUDGET`, default twice the
   * element timeout): a missing element fails in ~elementTimeout + the scroll pass, never in minutes.
   */
  stepBudgetMs: number;
  /** Lowest similarity a fingerprint heal accepts (`SENTRI_HEAL_THRESHOLD`, 0.6; see fingerprint.ts). */
  healThreshold: number;
  /** How far the best candidate must lead the runner-up (`SENTRI_HEAL_MARGIN`, 0.1). */
  healMargin: number;
  /** JSON file with remembered strategies and fingerprints (`SENTRI_HEALING_FILE`). */
  healingFile: string | undefined;
  /** Test id used outside a Playwright test (`SENTRI_TEST_ID`, else `adhoc`). */
  fallbackTestId: string;
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = env()[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

export function settings(): RuntimeSettings {
  const elementTimeoutMs = numberFrom('HEALING_ELEMENT_TIMEOUT', 5000, 100, 120_000);
  return {
    retryCount: Math.round(numberFrom('HEALING_RETRY_COUNT', 3, 1, 10)),
    retryDelayMs: numberFrom('HEALING_RETRY_DELAY', 400, 0, 10_000),
    elementTimeoutMs,
    stepBudgetMs: numberFrom('SENTRI_STEP_BUDGET', elementTimeoutMs * 2, 100, 600_000),
    healThreshold: numberFrom('SENTRI_HEAL_THRESHOLD', 0.6, 0, 1),
    healMargin: numberFrom('SENTRI_HEAL_MARGIN', 0.1, 0, 1),
    healingFile: env().SENTRI_HEALING_FILE || undefined,
    fallbackTestId: env().SENTRI_TEST_ID || 'adhoc',
  };
}
