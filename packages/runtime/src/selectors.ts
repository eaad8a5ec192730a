import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';

/** Where a helper looks for elements: a page, a frame, a `safeSelectFrame(...)` result or a container locator. */
export type Scope = Page | Frame | FrameLocator | Locator;

export const isLocator = (scope: Scope): scope is Locator => typeof (scope as Locator).and === 'function';

/** HTML tag names a `tag.class` / `tag#id` selector may start with (so `index.html` stays text). */
const TAGS = new Set(
  (
    'a abbr address article aside audio b blockquote body button canvas caption code col dd details dialog div dl dt ' +
    'em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html i iframe img input label legend li ' +
    'main mark menu nav ol optgroup option output p picture pre progress section select small span strong sub ' +
    'summary sup svg table tbody td textarea tfoot th thead time tr u ul video'
  ).split(' '),
);

/** Engine prefixes Playwright understands natively, plus the recorder's own `label=` & co. */
const ENGINE_PREFIX =
  /^(css|xpath|text|role|id|data-testid|data-test-id|data-test|label|placeholder|alt|title|nth|internal:[a-z-]+)=/i;

/**
 * "Looks like a selector" (ENGINE.md §5.3), extended so that everything the recorder writes
 * (§10) counts: engine-prefixed forms (`text=`, `data-testid=`, `label=`, `placeholder=`, `alt=`,
 * `title=`, `role=`), `tag.class`, `tag#id` and `>>` chains. Anything else is accessible-name text.
 */
export function looksLikeSelector(value: string): boolean {
  const text = value.trim();
  if (!text) return false;
  if (/^(#|\.|\[|\/|\(+\/)/.test(text)) return true;
  if (ENGINE_PREFIX.test(text)) return true;
  if (/\s>>\s/.test(text)) return true;
  if (/[\w\])*"'-]\s+[>~+]\s+[\w.#[*:]/.test(text)) return true;
  if (/[A-Za-z][\w-]*\[[^\]]*\]/.test(text)) return true;
  if (
    /:(nth-child|nth-last-child|nth-of-type|nth-last-of-type|first-child|last-child|has|is|not|where|has-text|text|text-is|nth-match)\(/.test(
      text,
    )
  )
    return true;
  const tagged = /^([a-z][a-z0-9]*)((?:[.#][A-Za-z_-][\w-]*)+)$/.exec(text);
  return Boolean(tagged?.[1] && TAGS.has(tagged[1]));
}

/** A bare lowercase tag name (`body`, `form`): the step helpers (`sentri.*`) take those as CSS. */
export function isBareTag(value: string): boolean {
  return TAGS.has(value.trim());
}

export type SelectorEngine =
  'css' | 'xpath' | 'text' | 'role' | 'testid' | 'label' | 'placeholder' | 'alt' | 'title' | 'chain';

export interface ParsedSelector {
  /** What the first segment is; `chain` when several segments are chained with `>>`. */
  engine: SelectorEngine;
  /**
   * The accessible text a single-segment semantic selector names (`text="Sign in"` → `Sign in`,
   * `role=button[name="Buy"]` → `Buy`), used to fall back to the text waterfall.
   */
  name?: string;
  /** The role of a `role=…` selector. */
  role?: string;
  build(scope: Scope): Locator;
}

interface Quoted {
  value: string;
  exact: boolean;
}

/** `"x"` / `'x'` / `"x"s` → exact; `"x"i` or bare `x` → substring, case-insensitive (Playwright's text rules). */
function unquote(raw: string): Quoted {
  const text = raw.trim();
  const quoted = /^(["'])([\s\S]*)\1([is]?)$/.exec(text);
  if (!quoted) return { value: text, exact: false };
  const [, quote, body = '', flag] = quoted;
  let value: string;
  try {
    value = quote === '"' ? (JSON.parse(`"${body}"`) as string) : body.replace(/\\(.)/g, '$1');
  } catch {
    value = body.replace(/\\(.)/g, '$1');
  }
  return { value, exact: flag !== 'i' };
}

/** Splits `a >> b >> nth=1` at top-level `>>` (not inside quotes or brackets). */
function splitChain(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === '>' && selector[i + 1] === '>') {
      parts.push(selector.slice(start, i).trim());
      start = i + 2;
      i++;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts.filter(Boolean);
}

type Step = (current: Scope) => Locator;

function segmentStep(segment: string): { step: Step; engine: SelectorEngine; name?: string; role?: string } {
  const engine = /^([a-z-]+)=([\s\S]*)$/i.exec(segment);
  if (engine) {
    const kind = (engine[1] ?? '').toLowerCase();
    const { value, exact } = unquote(engine[2] ?? '');
    switch (kind) {
      case 'label':
        return { engine: 'label', name: value, step: (s) => s.getByLabel(value, { exact }) };
      case 'placeholder':
        return { engine: 'placeholder', name: value, step: (s) => s.getByPlaceholder(value, { exact }) };
      case 'alt':
        return { engine: 'alt', name: value, step: (s) => s.getByAltText(value, { exact }) };
      case 'title':
        return { engine: 'title', name: value, step: (s) => s.getByTitle(value, { exact }) };
      case 'data-testid':
        return { engine: 'testid', step: (s) => s.getByTestId(value) };
      case 'data-test-id':
      case 'data-test':
      case 'id':
        return { engine: 'css', step: (s) => s.locator(`[${kind}=${cssString(value)}]`) };
      case 'nth': {
        const index = Number(value);
        // `nth` only means something after another segment; alone it is left to Playwright.
        return { engine: 'css', step: (s) => (isLocator(s) ? s.nth(index) : s.locator(segment)) };
      }
      case 'text':
        return { engine: 'text', name: value, step: (s) => s.locator(segment) };
      case 'role': {
        const named = /\[\s*name\s*=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\]\s]+)\s*[is]?\s*\]/.exec(segment);
        const name = named?.[1] ? unquote(named[1]).value : undefined;
        const role = /^role=([a-z]+)/i.exec(segment)?.[1]?.toLowerCase();
        return {
          engine: 'role',
          ...(name ? { name } : {}),
          ...(role ? { role } : {}),
          step: (s) => s.locator(segment),
        };
      }
      case 'xpath':
        return { engine: 'xpath', step: (s) => s.locator(segment) };
      default:
        return { engine: 'css', step: (s) => s.locator(segment) };
    }
  }
  if (/^\(+\/\//.test(segment)) return { engine: 'xpath', step: (s) => s.locator(`xpath=${segment}`) };
  if (/^(\/|\.\.)/.test(segment)) return { engine: 'xpath', step: (s) => s.locator(segment) };
  return { engine: 'css', step: (s) => s.locator(segment) };
}

/**
 * A Playwright selector, including the recorder's forms that are not Playwright engines
 * (`label=`, `placeholder=`, `alt=`, `title=` → `getByLabel` & co., `data-testid=` → `getByTestId`),
 * as a locator builder. Building never throws; an invalid selector fails when it is queried.
 */
export function parseSelector(selector: string): ParsedSelector {
  const segments = splitChain(selector.trim());
  const steps = segments.map(segmentStep);
  const first = steps[0] ?? segmentStep(selector.trim());
  const build = (scope: Scope): Locator => {
    let current: Scope = scope;
    for (const { step } of steps.length ? steps : [first]) current = step(current);
    return current as Locator;
  };
  if (steps.length > 1) return { engine: 'chain', build };
  return {
    engine: first.engine,
    ...(first.name ? { name: first.name } : {}),
    ...(first.role ? { role: first.role } : {}),
    build,
  };
}

/** The locator a selector string means, recorder forms included (`sentri.target`). */
export function resolveSelector(scope: Scope, selector: string): Locator {
  return parseSelector(selector).build(scope);
}

/** A string as a CSS attribute value (`[aria-label*=…]`). */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}
