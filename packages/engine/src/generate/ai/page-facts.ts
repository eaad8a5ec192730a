import type { ElementInfo, Journey, Observation, ObservedAction, PageSnapshot } from '../../discovery/types.js';
import type { ClassifiedPage } from '../classify.js';
import type { ModelTier } from './json-model.js';
import { clean, quoted, usableLocator } from './untrusted.js';

/** How much of a page each tier gets: small local models lose the thread in long element lists. */
export const TIER_LIMITS = {
  cloud: { elements: 30, journeyElements: 12, headings: 8, textLines: 12, observations: 6 },
  local: { elements: 15, journeyElements: 6, headings: 4, textLines: 6, observations: 3 },
} as const;

/** Path and query of a URL: generated tests navigate relative to the base URL the runner sets. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

const SECRET_FIELD = /pass(?:word|code|phrase)?|secret|token|otp|pin\b|card|cvv|cvc/i;

/** A typed value as shown to the model; secrets are never sent to it. */
function shownValue(action: ObservedAction): string {
  if (action.value === undefined) return '';
  const secret = SECRET_FIELD.test(`${action.label} ${action.locator}`);
  return secret ? ' with a valid secret value (not shown)' : ` with ${quoted(action.value, 80)}`;
}

export function actionLine(action: ObservedAction): string {
  const locator = usableLocator(action.locator) ?? '(no reusable locator)';
  const verb = action.kind === 'press' ? `press ${quoted(action.value ?? 'Enter', 20)} in` : action.kind;
  const value = action.kind === 'press' ? '' : shownValue(action);
  return `${verb} ${locator}${value} — ${quoted(action.label, 60)}`;
}

function outcomeLine(observation: Observation): string {
  const { outcome } = observation;
  const seen: string[] = [];
  if (outcome.urlAfter) seen.push(`address became ${quoted(pathOf(outcome.urlAfter))}`);
  if (outcome.titleAfter) seen.push(`title became ${quoted(outcome.titleAfter)}`);
  if (outcome.appearedText.length)
    seen.push(
      `appeared: ${outcome.appearedText
        .slice(0, 5)
        .map((t) => quoted(t))
        .join(', ')}`,
    );
  if (outcome.disappearedText.length) {
    seen.push(
      `disappeared: ${outcome.disappearedText
        .slice(0, 3)
        .map((t) => quoted(t))
        .join(', ')}`,
    );
  }
  if (outcome.list) {
    const where = usableLocator(outcome.list.locator) ?? 'a list';
    seen.push(`${where} went from ${outcome.list.before} to ${outcome.list.after} items`);
  }
  if (outcome.checkedAfter) {
    const where = usableLocator(outcome.checkedAfter.locator) ?? 'a checkbox';
    seen.push(`${where} became ${outcome.checkedAfter.checked ? 'checked' : 'unchecked'}`);
  }
  if (outcome.blockedByValidation) seen.push('the browser blocked the submit (invalid fields)');
  return seen.length ? seen.join('; ') : 'no visible change';
}

/** What the explorer did on a page and what it saw happen, one entry per action group. */
export function observationLines(observations: Observation[], max: number): string[] {
  return observations
    .slice(0, max)
    .flatMap((observation, index) => [
      `${index + 1}. ${observation.kind} on ${quoted(pathOf(observation.pageUrl))}:`,
      ...observation.actions.map((action) => `   - ${actionLine(action)}`),
      `   result: ${outcomeLine(observation)}`,
    ]);
}

function elementLine(el: ElementInfo): string {
  const locator = usableLocator(el.locator) ?? '(no unique locator: do not target)';
  const name = el.accessibleName || el.text || el.label || el.placeholder || el.ariaLabel;
  const facts = [
    el.type && `type ${clean(el.type, 20)}`,
    el.required && 'required',
    el.disabled && 'disabled',
    el.href && `href ${quoted(pathOf(el.href), 100)}`,
  ].filter(Boolean);
  return `- ${locator} | ${clean(el.role || el.tag, 20)} ${quoted(name, 80)}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

/** Elements with a verified locator first: those are the ones a test can use as written. */
export function elementLines(elements: ElementInfo[], max: number): string[] {
  const ordered = [
    ...elements.filter((el) => usableLocator(el.locator)),
    ...elements.filter((el) => !usableLocator(el.locator)),
  ];
  return ordered.slice(0, max).map(elementLine);
}

function formLines(snapshot: PageSnapshot): string[] {
  return snapshot.forms.flatMap((form) => [
    `form ${quoted(form.id, 40)} (${clean(form.method, 10) || 'get'}):`,
    ...form.fields.map((field) => {
      const options = field.options?.length
        ? `; options ${field.options
            .slice(0, 8)
            .map((o) => quoted(o, 40))
            .join(', ')}`
        : '';
      const locator = usableLocator(field.locator) ?? '(no unique locator)';
      const name = field.label || field.placeholder || field.nameAttr;
      return `   - ${locator} | ${clean(field.tag, 10)} ${quoted(name, 60)} type ${clean(field.type, 20) || 'text'}${field.required ? ', required' : ''}${options}`;
    }),
    `   submit: ${usableLocator(form.submitLocator) ?? '(no unique locator)'} ${quoted(form.submitText, 60)}`,
  ]);
}

/** The untrusted facts about one page, as data-block lines. */
export function pageFactLines(page: ClassifiedPage, snapshot: PageSnapshot | undefined, tier: ModelTier): string[] {
  const limits = TIER_LIMITS[tier];
  const lines = [
    `address: ${quoted(pathOf(page.url))}`,
    `title: ${quoted(page.title)}`,
    `main purpose: ${page.dominantIntent}`,
  ];
  if (snapshot?.h1) lines.push(`h1: ${quoted(snapshot.h1)}`);
  if (snapshot?.metaDescription) lines.push(`description: ${quoted(snapshot.metaDescription)}`);
  const headings = snapshot?.headings.slice(0, limits.headings) ?? [];
  if (headings.length) {
    lines.push(
      'headings:',
      ...headings.map((h) => `- h${h.level} ${quoted(h.text, 120)} ${usableLocator(h.locator) ?? ''}`.trimEnd()),
    );
  }
  if (snapshot?.forms.length) lines.push('forms:', ...formLines(snapshot));
  const elements = page.classifiedElements.map((classified) => classified.element);
  lines.push('elements (locator | role "name"):', ...elementLines(elements, limits.elements));
  const text = snapshot?.textSample.slice(0, limits.textLines) ?? [];
  if (text.length) lines.push('visible text:', ...text.map((line) => `- ${quoted(line, 120)}`));
  return lines;
}

/** The untrusted facts about a journey: its pages (per-state snapshots when known) and elements. */
export function journeyFactLines(
  journey: Journey,
  pageOf: (url: string, fingerprint?: string) => { page?: ClassifiedPage; snapshot?: PageSnapshot },
  tier: ModelTier,
): string[] {
  const limits = TIER_LIMITS[tier];
  const lines = [
    `journey: ${quoted(journey.name, 100)} (type ${journey.type}, found by ${journey.discoveredBy})`,
    `description: ${quoted(journey.description)}`,
  ];
  journey.pages.forEach((step, index) => {
    const { page, snapshot } = pageOf(step.url, step.fingerprint);
    lines.push(
      `page ${index + 1}: ${quoted(pathOf(step.url))} title ${quoted(step.title || snapshot?.title || '')}${page ? ` purpose ${page.dominantIntent}` : ''}`,
    );
    const elements = page?.classifiedElements.map((c) => c.element) ?? snapshot?.elements ?? [];
    lines.push(...elementLines(elements, limits.journeyElements).map((line) => `  ${line}`));
  });
  return lines;
}
