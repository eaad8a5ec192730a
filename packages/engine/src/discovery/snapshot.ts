import type { Frame, Page } from '@playwright/test';
import { resolveSelector } from '@sentri/runtime';
import { collectPage, inPageSource, type RawElement, type RawPage } from './page-collector.js';
import { componentFlags, fingerprintState, formSignature } from './state-fingerprint.js';
import type { ElementInfo, FormInfo, PageFlags, PageSnapshot } from './types.js';

export interface SnapshotOptions {
  /** How long to wait for the network to go quiet before reading the page. */
  networkIdleMs: number;
  /** Interactive elements kept per page. */
  maxElements?: number;
}

/**
 * The first candidate selector that matches exactly one element, resolved the way the runtime
 * helpers resolve it when the generated test runs, so a generated locator is known to be unique.
 */
async function firstUnique(scope: Page | Frame, candidates: string[]): Promise<string | null> {
  for (const candidate of candidates) {
    try {
      const count = await resolveSelector(scope, candidate).count();
      if (count === 1) return candidate;
    } catch {
      // A candidate Playwright cannot parse is simply not used.
    }
  }
  return null;
}

function toElement(raw: RawElement, locator: string | null, frameUrl?: string): ElementInfo {
  return {
    tag: raw.tag,
    type: raw.type,
    text: raw.text,
    role: raw.role,
    accessibleName: raw.accessibleName,
    id: raw.id,
    nameAttr: raw.nameAttr,
    href: raw.href,
    ariaLabel: raw.ariaLabel,
    placeholder: raw.placeholder,
    label: raw.label,
    testId: raw.testId,
    visible: true,
    disabled: raw.disabled,
    required: raw.required,
    formId: raw.formId,
    locator,
    ...(raw.fromShadow ? { fromShadow: true } : {}),
    ...(frameUrl ? { frameUrl } : {}),
  };
}

function formsOf(raw: RawPage, elements: ElementInfo[]): FormInfo[] {
  return raw.forms
    .filter((form) => form.fieldKeys.length > 0 || form.submitKey !== null)
    .map((form) => ({
      id: form.id,
      action: form.action,
      method: form.method,
      fields: form.fieldKeys.flatMap((key) => {
        const el = raw.elements[key];
        const info = elements[key];
        if (!el || !info) return [];
        return [
          {
            tag: el.tag,
            type: el.type,
            label: el.label || el.accessibleName || el.placeholder || el.nameAttr,
            nameAttr: el.nameAttr,
            placeholder: el.placeholder,
            required: el.required,
            testId: el.testId,
            ...(el.pattern ? { pattern: el.pattern } : {}),
            ...(el.minLength ? { minLength: el.minLength } : {}),
            ...(el.options.length ? { options: el.options } : {}),
            locator: info.locator,
          },
        ];
      }),
      submitText: form.submitText,
      submitLocator: form.submitKey === null ? null : (elements[form.submitKey]?.locator ?? null),
    }));
}

/** What a frame shows, when it is on the page's own origin (cross-origin frames are not explored). */
async function collectSameOrigin(frame: Frame, origin: string, maxElements: number): Promise<RawPage | undefined> {
  try {
    if (new URL(frame.url()).origin !== origin) return undefined;
  } catch {
    return undefined;
  }
  return frame.evaluate<RawPage>(inPageSource(collectPage, maxElements)).catch(() => undefined);
}

/** Elements of same-origin iframes, with locators verified inside their frame. */
async function frameElements(page: Page, maxElements: number): Promise<ElementInfo[]> {
  const origin = new URL(page.url()).origin;
  const found: ElementInfo[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const raw = await collectSameOrigin(frame, origin, maxElements);
    if (!raw) continue;
    for (const el of raw.elements) found.push(toElement(el, await firstUnique(frame, el.candidates), frame.url()));
  }
  return found;
}

/**
 * Joins an iframe's selector to a selector inside it: Playwright's own step into a frame, so one
 * selector string reaches an element in a same-origin iframe through the runtime helpers.
 */
export const ENTER_FRAME = ' >> internal:control=enter-frame >> ';

/** A same-origin iframe as the explorer works with it: its forms and controls, their locators page-level. */
export interface FrameView {
  /** Page-level selector of the iframe element, unique on the page. */
  selector: string;
  url: string;
  forms: FormInfo[];
  elements: ElementInfo[];
}

/**
 * The selector of a frame's iframe element, by what names it to a user first (its title, as
 * assistive technology announces it), then by its name or the document it shows; undefined when
 * none is unique on the page.
 */
async function iframeSelector(page: Page, frame: Frame): Promise<string | undefined> {
  const element = await frame.frameElement().catch(() => undefined);
  if (!element) return undefined;
  const attrs = await element
    .evaluate((el) => ['title', 'aria-label', 'name', 'src'].map((name) => (el as Element).getAttribute(name) ?? ''))
    .catch(() => [] as string[]);
  const [title, ariaLabel, name, src] = attrs.map((value) => value.trim());
  const css = (attr: string, value: string) => `iframe[${attr}=${JSON.stringify(value)}]`;
  const candidates = [
    ...(title ? [`title=${JSON.stringify(title)}`] : []),
    ...(ariaLabel ? [css('aria-label', ariaLabel)] : []),
    ...(name ? [css('name', name)] : []),
    ...(src ? [css('src', src)] : []),
  ];
  return (await firstUnique(page, candidates)) ?? undefined;
}

/** The same-origin iframes directly on the page, with locators that reach into them from the page. */
export async function frameViews(page: Page, maxElements = 100): Promise<FrameView[]> {
  const origin = new URL(page.url()).origin;
  const views: FrameView[] = [];
  for (const frame of page.mainFrame().childFrames()) {
    const raw = await collectSameOrigin(frame, origin, maxElements);
    if (!raw) continue;
    const selector = await iframeSelector(page, frame);
    if (!selector) continue;
    const elements: ElementInfo[] = [];
    for (const el of raw.elements) {
      const inner = await firstUnique(frame, el.candidates);
      elements.push(toElement(el, inner && `${selector}${ENTER_FRAME}${inner}`, frame.url()));
    }
    views.push({ selector, url: frame.url(), forms: formsOf(raw, elements), elements });
  }
  return views;
}

/** Everything a generator needs to know about the page as it is now (ENGINE.md §1.8). */
export async function takeSnapshot(page: Page, options: SnapshotOptions): Promise<PageSnapshot> {
  await page.waitForLoadState('networkidle', { timeout: options.networkIdleMs }).catch(() => undefined);
  const maxElements = options.maxElements ?? 100;
  const raw = await page.evaluate<RawPage>(inPageSource(collectPage, maxElements));
  const locators = await Promise.all(raw.elements.map((el) => firstUnique(page, el.candidates)));
  const elements = raw.elements.map((el, index) => toElement(el, locators[index] ?? null));
  const headings = await Promise.all(
    raw.headings.map(async (h) => ({ level: h.level, text: h.text, locator: await firstUnique(page, h.candidates) })),
  );
  const flags = raw.flags as unknown as PageFlags;
  const forms = formsOf(raw, elements);
  const fingerprint = fingerprintState({
    url: raw.url,
    elements: raw.elements.map((el) => ({ tag: el.tag, type: el.type })),
    structuralTexts: raw.structuralTexts,
    components: componentFlags(flags),
    formSignatures: forms.map(formSignature),
    title: raw.title,
    formsCount: forms.length,
    hasH1: Boolean(raw.h1),
  });
  const inFrames = raw.frames.length ? await frameElements(page, maxElements) : [];
  return {
    url: raw.url,
    title: raw.title,
    h1: raw.h1,
    metaDescription: raw.metaDescription,
    headings,
    forms,
    landmarks: raw.landmarks,
    elements: [...elements, ...inFrames],
    flags,
    outboundLinks: raw.links,
    fingerprint,
    textSample: raw.textSample,
    ...(raw.frames.length ? { frames: raw.frames } : {}),
  };
}
