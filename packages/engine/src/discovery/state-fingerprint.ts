/**
 * Page-state fingerprints (ENGINE.md §1.3): two visits of the same UI state hash the same even when
 * counters, prices, clocks or ids differ, so the explorer does not mistake "4 items left" for a new
 * state; a different layout, route, form or component set hashes differently.
 */
import { createHash } from 'node:crypto';
import type { FormInfo, PageFlags } from './types.js';
import { normalisePathIds, significantQuery } from './url-rules.js';

const DYNAMIC_TEXT: [RegExp, string][] = [
  [/#\d+/g, '#N'],
  [/[$€£]\s?\d[\d,]*(?:\.\d+)?/g, '$N'],
  [/\d[\d,.]*\s?[$€£]/g, '$N'],
  [/\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\w:])/gi, 'TIME'],
  [/\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g, 'DATE'],
  [/\b\d+\s+items?\b/gi, 'N items'],
  [/\(\d+\)/g, '(N)'],
  [/\b\d+\s+new\b/gi, 'N new'],
  [/\d{4,}/g, 'N'],
];

/** Replaces counters, prices, times, dates and long numbers with placeholders; collapses whitespace. */
export function normaliseDynamicText(text: string): string {
  let result = text;
  for (const [pattern, placeholder] of DYNAMIC_TEXT) result = result.replace(pattern, placeholder);
  return result.replace(/\s+/g, ' ').trim();
}

/** A short stable hash (first 64 bits of SHA-1, base 36); collisions would merge distinct states. */
export function hashString(text: string): string {
  return BigInt(`0x${createHash('sha1').update(text).digest('hex').slice(0, 16)}`).toString(36);
}

export interface StructureInput {
  elements: { tag: string; type: string }[];
  /** Number of forms on the page. */
  forms: number;
  hasH1: boolean;
}

/** The sorted `tag:type` inventory, form count and h1 presence. */
export function structureSignature(input: StructureInput): string {
  const inventory = input.elements.map((element) => `${element.tag.toLowerCase()}:${element.type}`).sort();
  return `${inventory.join(',')}|forms:${input.forms}|h1:${input.hasH1 ? 1 : 0}`;
}

/** Hash of the page's layout, ignoring all text. */
export function fingerprintStructure(input: StructureInput): string {
  return hashString(structureSignature(input));
}

/** Component flags (§1.3) in sorted order; empty when the page has none. */
export function componentFlags(flags: PageFlags): string[] {
  const names: [keyof PageFlags, string][] = [
    ['hasModals', 'modal'],
    ['hasTabs', 'tabs'],
    ['hasTable', 'table'],
    ['hasSidebar', 'sidebar'],
    ['hasDropdown', 'dropdown'],
    ['hasToast', 'toast'],
    ['hasAccordion', 'accordion'],
    ['hasLoginForm', 'login'],
    ['hasSpinner', 'loading'],
    ['hasErrorState', 'error'],
    ['hasEmptyState', 'empty'],
  ];
  const present = names.filter(([flag]) => flags[flag] === true).map(([, name]) => name);
  if (flags.spaFramework) present.push(`spa:${flags.spaFramework}`);
  return present.sort();
}

/** `id[tag:type:req|opt,…]` for one form. */
export function formSignature(form: Pick<FormInfo, 'id' | 'fields'>): string {
  const fields = form.fields.map((field) => `${field.tag}:${field.type}:${field.required ? 'req' : 'opt'}`);
  return `${form.id}[${fields.join(',')}]`;
}

export interface StateInput {
  url: string;
  elements: { tag: string; type: string }[];
  /** Texts of visible buttons, links, h1–h3 and labels (and button/link/tab/menuitem roles). */
  structuralTexts: string[];
  /** Component flags, e.g. from `componentFlags`. */
  components: string[];
  /** Per-form signatures, e.g. from `formSignature`. */
  formSignatures: string[];
  title: string;
  formsCount: number;
  hasH1: boolean;
}

/** hostname + path (ids generalised) + hash route + sorted significant params. */
export function stateRoute(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const hash = parsed.hash.length > 1 ? `#${normalisePathIds(parsed.hash.slice(1))}` : '';
  const query = significantQuery(parsed.searchParams);
  return `${parsed.hostname.toLowerCase()}${normalisePathIds(parsed.pathname)}${hash}${query ? `?${query}` : ''}`;
}

export function fingerprintState(input: StateInput): string {
  const texts = input.structuralTexts
    .map((text) => normaliseDynamicText(text.slice(0, 30).toLowerCase()))
    .filter((text) => text.length > 2);
  const parts = [
    stateRoute(input.url),
    fingerprintStructure({ elements: input.elements, forms: input.formsCount, hasH1: input.hasH1 }),
    hashString(texts.join('|')),
    input.components.length ? [...input.components].sort().join(',') : 'none',
    input.formSignatures.length ? input.formSignatures.join('|') : 'no_forms',
    normaliseDynamicText(input.title).slice(0, 60),
  ];
  return hashString(parts.join('||'));
}

/**
 * How many states one URL may hold: 3, or more (up to 8) while every state captured there so far
 * is structurally different, since then the URL is hosting genuinely different screens.
 * Each entry is one captured state's `tag:type` list plus its component flags.
 */
export function perUrlStateCap(existingStructures: string[][]): number {
  const keys = new Set(existingStructures.map((structure) => [...structure].sort().join(',')));
  const allDistinct = keys.size === existingStructures.length;
  return allDistinct ? Math.min(existingStructures.length + 3, 8) : 3;
}
