import type { ElementFingerprint } from './channel.js';

/** How much an element that is on the page now resembles the one a test remembered. */
/**
 * How much each attribute counts when comparing a remembered fingerprint with a candidate. An
 * attribute only counts when the remembered element had it (a missing value is no evidence); the
 * score is the weighted mean of the per-attribute similarities, 0–1.
 *
 * Why these numbers: what a *person* perceives (accessible name, visible text, role) and what
 * exists for tests or for the server (data-testid, the form field's `name`) survive refactors; ids,
 * tags and classes are exactly what refactors rewrite (and usually what broke the selector);
 * structure and geometry only tell near-identical twins apart. The identity group (name + text +
 * role = 4.5) outweighs everything structural (id + tag + type + classes + path + index +
 * position + size = 3.25), so:
 *  - an element that kept its name, text and role but changed id, class, tag and place still scores
 *    ≥ 4.5 / 7.75 ≈ 0.58 before any partial structural credit, and in practice 0.65–0.75;
 *  - an element with a different name and text scores at most ≈ 0.45 even when its tag, classes,
 *    path and position are identical (the "Cancel" button next to a vanished "Place order").
 * The default threshold 0.6 sits between the two; the runner-up margin (0.1) turns "two equally
 * good candidates" into a clean failure instead of a coin toss.
 */
export const SIMILARITY_WEIGHTS = {
  name: 2,
  text: 1.5,
  testId: 1.5,
  fieldName: 1,
  role: 1,
  placeholder: 1,
  id: 1,
  type: 0.5,
  href: 0.5,
  otherAttributes: 0.5,
  tag: 0.5,
  classes: 0.25,
  path: 0.25,
  index: 0.25,
  position: 0.25,
  size: 0.25,
} as const;

type Weighted = keyof typeof SIMILARITY_WEIGHTS;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice over character bigrams, case- and whitespace-insensitive: 1 for equal strings. */
export function textSimilarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  for (const [gram, count] of gx) common += Math.min(count, gy.get(gram) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

function jaccard(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (!x.size && !y.size) return 1;
  let common = 0;
  for (const item of x) if (y.has(item)) common++;
  return common / (x.size + y.size - common);
}

function editSimilarity(a: string[], b: string[]): number {
  const longest = Math.max(a.length, b.length);
  if (!longest) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return 1 - (previous[b.length] ?? longest) / longest;
}

const ROLE_FAMILIES = [
  ['button', 'link', 'menuitem', 'tab', 'option', 'treeitem'],
  ['textbox', 'searchbox', 'combobox', 'spinbutton'],
  ['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio'],
];

function roleSimilarity(a: string, b: string | null): number {
  if (!b) return 0;
  if (a === b) return 1;
  return ROLE_FAMILIES.some((family) => family.includes(a) && family.includes(b)) ? 0.5 : 0;
}

const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test'];
const SCORED_ELSEWHERE = new Set(['name', 'type', 'placeholder', 'href', 'role', ...TEST_ID_ATTRIBUTES]);

/** Per-attribute similarities that apply (the remembered element had the attribute), 0–1 each. */
export function attributeSimilarities(
  before: ElementFingerprint,
  after: ElementFingerprint,
): Partial<Record<Weighted, number>> {
  const out: Partial<Record<Weighted, number>> = {};
  const ba = before.attributes ?? {};
  const aa = after.attributes ?? {};
  const text = (key: Weighted, x: string | null | undefined, y: string | null | undefined) => {
    if (x) out[key] = y ? textSimilarity(x, y) : 0;
  };
  const exact = (key: Weighted, x: string | null | undefined, y: string | null | undefined) => {
    if (x) out[key] = x === y ? 1 : 0;
  };
  text('name', before.name, after.name);
  text('text', before.text, after.text);
  const testId = TEST_ID_ATTRIBUTES.map((name) => ba[name]).find(Boolean);
  text('testId', testId, TEST_ID_ATTRIBUTES.map((name) => aa[name]).find(Boolean));
  exact('fieldName', ba.name, aa.name);
  if (before.role) out.role = roleSimilarity(before.role, after.role);
  text('placeholder', ba.placeholder, aa.placeholder);
  text('id', before.id, after.id);
  exact('type', ba.type?.toLowerCase(), aa.type?.toLowerCase());
  text('href', ba.href, aa.href);
  const others = (attrs: Record<string, string>) =>
    Object.entries(attrs)
      .filter(([name]) => !SCORED_ELSEWHERE.has(name))
      .map(([name, value]) => `${name}=${value}`);
  const otherBefore = others(ba);
  if (otherBefore.length) out.otherAttributes = jaccard(otherBefore, others(aa));
  exact('tag', before.tag, after.tag);
  if (before.classes?.length) out.classes = jaccard(before.classes, after.classes ?? []);
  if (before.path) out.path = editSimilarity(before.path.split('>'), (after.path ?? '').split('>'));
  out.index = 1 / (1 + Math.abs((before.index ?? 0) - (after.index ?? 0)));
  if (before.box) {
    if (after.box) {
      const dx = before.box.x + before.box.width / 2 - (after.box.x + after.box.width / 2);
      const dy = before.box.y + before.box.height / 2 - (after.box.y + after.box.height / 2);
      // Within a few hundred pixels counts as "about the same place" (a banner added above).
      out.position = Math.max(0, 1 - Math.hypot(dx, dy) / 400);
      const areaBefore = before.box.width * before.box.height;
      const areaAfter = after.box.width * after.box.height;
      out.size = areaBefore && areaAfter ? Math.min(areaBefore, areaAfter) / Math.max(areaBefore, areaAfter) : 0;
    } else {
      out.position = 0;
      out.size = 0;
    }
  }
  return out;
}

/** Weighted similarity of a candidate to the remembered fingerprint, 0–1. */
export function similarity(before: ElementFingerprint, after: ElementFingerprint): number {
  let total = 0;
  let weight = 0;
  for (const [key, value] of Object.entries(attributeSimilarities(before, after)) as [Weighted, number][]) {
    total += SIMILARITY_WEIGHTS[key] * value;
    weight += SIMILARITY_WEIGHTS[key];
  }
  return weight ? total / weight : 0;
}

const quote = (text: string) => JSON.stringify(text);

/**
 * Semantic selectors for an element, best first, in the recorder's order (ENGINE.md §10): test id,
 * role + name, placeholder, alt, title, text, id. The caller keeps the first one that is unique.
 */
export function semanticSelectors(fp: ElementFingerprint): string[] {
  const out: string[] = [];
  const attrs = fp.attributes ?? {};
  if (attrs['data-testid']) out.push(`data-testid=${quote(attrs['data-testid'])}`);
  if (attrs['data-test-id']) out.push(`data-test-id=${quote(attrs['data-test-id'])}`);
  if (fp.role && fp.name && fp.role !== 'presentation') out.push(`role=${fp.role}[name=${quote(fp.name)}]`);
  if (attrs.placeholder) out.push(`placeholder=${quote(attrs.placeholder)}`);
  if (attrs.alt) out.push(`alt=${quote(attrs.alt)}`);
  if (attrs.title) out.push(`title=${quote(attrs.title)}`);
  if (fp.text && fp.text.length >= 2) out.push(`text=${quote(fp.text)}`);
  if (fp.id && /^[A-Za-z][\w-]*$/.test(fp.id)) out.push(`#${fp.id}`);
  if (attrs.name) out.push(`${fp.tag}[name=${quote(attrs.name)}]`);
  return out;
}
