import { createHash } from 'node:crypto';
import type { CandidateTest, GeneratedStep } from '../discovery/types.js';
import { scoreTest } from './quality.js';

const FUZZY_THRESHOLD = 0.8;
const SEMANTIC_THRESHOLD = 0.65;
/** Short names ("Login test") are too alike by nature to say anything about the tests behind them. */
const MIN_NAME_LENGTH = 15;

/** Words every test description shares; they would make all tests look alike. */
const STOP_WORDS = new Set(
  (
    'the and for with that this from into are was were has have had not but you your all any can will should ' +
    'when then than its our out also been being does did test tests testing verify verifies check checks ensure ' +
    'ensures user users page pages click clicks clicking fill fills enter enters submit submits navigate navigates ' +
    'go goes open opens visit visits see sees should able displayed display shows show'
  ).split(' '),
);

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const stepText = (step: GeneratedStep) =>
  typeof step === 'string'
    ? step
    : [step.action, step.selector, step.url, step.value, step.expected, step.description].filter(Boolean).join(' ');

/** The parts of a test that dedupe compares; `ExistingTest` rows have the same shape. */
export interface Comparable {
  name: string;
  description: string;
  steps: GeneratedStep[];
  playwrightCode: string | null;
  sourceUrl: string;
}

/** An already stored test of the project. */
export interface ExistingTest extends Comparable {
  reviewStatus: string;
}

/**
 * What the test does, independent of formatting and naming: its normalised action and
 * assertion lines (or steps, or name) plus its description.
 */
export function structuralHash(test: Comparable): string {
  const actions = (test.playwrightCode ?? '')
    .split('\n')
    .filter((line) => /await (?:page\.|expect\(|sentri\.)/.test(line))
    .map(normalise)
    .filter(Boolean);
  const steps = test.steps.map((step) => normalise(stepText(step))).filter(Boolean);
  const body = actions.length > 0 ? actions.join('|') : steps.length > 0 ? steps.join('|') : normalise(test.name);
  return createHash('sha256')
    .update(`${body}||${normalise(test.description)}`)
    .digest('hex')
    .slice(0, 16);
}

/** Levenshtein similarity `1 − distance / longer length`, two rows of memory. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return 1 - (previous[b.length] as number) / longer;
}

interface Fingerprint {
  hash: string;
  name: string;
  sourceUrl: string;
  terms: Map<string, number>;
  magnitude: number;
}

function fingerprint(test: Comparable): Fingerprint {
  const terms = new Map<string, number>();
  const text = [test.name, test.description, ...test.steps.map(stepText)].join(' ');
  for (const term of normalise(text).split(' ')) {
    if (term.length > 2 && !STOP_WORDS.has(term)) terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  const magnitude = Math.sqrt([...terms.values()].reduce((sum, n) => sum + n * n, 0));
  return { hash: structuralHash(test), name: normalise(test.name), sourceUrl: test.sourceUrl, terms, magnitude };
}

function cosine(a: Fingerprint, b: Fingerprint): number {
  if (a.magnitude === 0 || b.magnitude === 0) return 0;
  let dot = 0;
  for (const [term, n] of a.terms) dot += n * (b.terms.get(term) ?? 0);
  return dot / (a.magnitude * b.magnitude);
}

/** Same page, names long enough to mean something, and alike by spelling or by vocabulary. */
function looksAlike(candidate: Fingerprint, other: Fingerprint): boolean {
  if (!candidate.sourceUrl || candidate.sourceUrl !== other.sourceUrl) return false;
  if (candidate.name.length < MIN_NAME_LENGTH) return false;
  return (
    nameSimilarity(candidate.name, other.name) >= FUZZY_THRESHOLD || cosine(candidate, other) >= SEMANTIC_THRESHOLD
  );
}

export interface DedupeStats {
  total: number;
  unique: number;
  duplicatesRemoved: number;
  averageQuality: number;
}

interface Slot {
  test: CandidateTest;
  quality: number;
  print: Fingerprint;
}

/**
 * Removes duplicates within one generation batch, keeping the higher-quality test of each pair.
 * Every test leaves with its `qualityScore`; the result is sorted best first.
 */
export function dedupeBatch(tests: CandidateTest[]): { tests: CandidateTest[]; stats: DedupeStats } {
  const slots: Slot[] = [];
  // A replaced test's hash keeps pointing at its slot, so later copies of it are still caught in O(1).
  const slotByHash = new Map<string, number>();
  for (const test of tests) {
    const quality = test.qualityScore ?? scoreTest(test);
    const print = fingerprint(test);
    let index = slotByHash.get(print.hash);
    if (index === undefined) {
      const alike = slots.findIndex((slot) => looksAlike(print, slot.print));
      index = alike === -1 ? undefined : alike;
    }
    if (index === undefined) {
      slotByHash.set(print.hash, slots.length);
      slots.push({ test: { ...test, qualityScore: quality }, quality, print });
      continue;
    }
    slotByHash.set(print.hash, index);
    const slot = slots[index] as Slot;
    if (quality > slot.quality) slots[index] = { test: { ...test, qualityScore: quality }, quality, print };
  }
  const kept = slots.sort((a, b) => b.quality - a.quality).map((slot) => slot.test);
  const total = kept.reduce((sum, test) => sum + (test.qualityScore ?? 0), 0);
  return {
    tests: kept,
    stats: {
      total: tests.length,
      unique: kept.length,
      duplicatesRemoved: tests.length - kept.length,
      averageQuality: kept.length > 0 ? Math.round(total / kept.length) : 0,
    },
  };
}

/**
 * Drops new tests that repeat a stored one: same structure, the same long name on the same
 * page, or a near-identical name or vocabulary on the same page.
 *
 * Only approved and draft tests count. A rejected test is a reviewer saying "not like this";
 * letting it block look-alikes would stop the project from ever getting a better version.
 */
export function dedupeAgainstExisting(tests: CandidateTest[], existing: ExistingTest[]): CandidateTest[] {
  const live = existing.filter((test) => test.reviewStatus === 'approved' || test.reviewStatus === 'draft');
  const prints = live.map(fingerprint);
  const hashes = new Set(prints.map((print) => print.hash));
  return tests.filter((test) => {
    const print = fingerprint(test);
    if (hashes.has(print.hash)) return false;
    return !prints.some((other) => looksAlike(print, other));
  });
}
