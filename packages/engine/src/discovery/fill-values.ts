import type { FormField, FormInfo, ObservedAction } from './types.js';

/** Controls the explorer never presses: they destroy data or end the crawl's session. */
export const DESTRUCTIVE =
  /\b(delete|remove|destroy|reset|clear all|unsubscribe|deactivate|close account|sign out|log ?out)\b/i;
const SEARCHY = /search|find|filter|query|look ?up/i;

/** Plausible input for a field, from its type first and then its name, label or placeholder (§1.3.1). */
export function fillValueFor(field: Pick<FormField, 'type' | 'label' | 'nameAttr' | 'placeholder'>): string {
  const type = field.type.toLowerCase();
  const hint = `${field.nameAttr} ${field.label} ${field.placeholder}`.toLowerCase();
  if (type === 'email' || /e-?mail/.test(hint)) return 'sentri-test@example.com';
  if (type === 'password' || /password/.test(hint)) return 'SentriTest123!';
  if (type === 'search' || /search|query|find|filter/.test(hint)) return '';
  if (type === 'tel' || /phone|tel\b|mobile/.test(hint)) return '+1234567890';
  if (type === 'number' || /amount|quantity|qty|age|count/.test(hint)) return '42';
  if (type === 'url' || /website|url\b/.test(hint)) return 'https://example.com';
  if (type === 'date') return '2025-01-15';
  if (/coupon|promo|voucher/.test(hint)) return 'SAVE10';
  if (/\b(user ?name|login)\b/.test(hint)) return 'sentri-user';
  if (/name|first|last|full/.test(hint)) return 'Jane Doe';
  if (/address|street/.test(hint)) return '123 Test Street';
  if (/city|town/.test(hint)) return 'Test City';
  if (/zip|postal|postcode/.test(hint)) return '12345';
  if (/company|organi[sz]ation/.test(hint)) return 'Sentri Corp';
  if (/message|comment|description|details|note|feedback/.test(hint)) return 'This is a test message from Sentri.';
  if (/task|todo|item|title/.test(hint)) return 'Sentri test item';
  return 'Sentri test input';
}

/**
 * A search term that should narrow the list: the word of the first item that the fewest other
 * items share, so searching keeps that item and hides others.
 */
export function searchTermFrom(items: string[]): string | undefined {
  const wordsOf = (item: string) =>
    item
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4 && !/^\d+$/.test(word));
  const [first, ...rest] = items;
  if (!first) return undefined;
  let best: { word: string; shared: number } | undefined;
  for (const word of wordsOf(first)) {
    const shared = rest.filter((item) => wordsOf(item).includes(word)).length;
    if (!best || shared < best.shared) best = { word, shared };
  }
  return best && best.shared < rest.length ? best.word : undefined;
}

/** A form that searches or filters: probed with a term taken from the page's own list, not filled in. */
export function isSearch(form: FormInfo): boolean {
  return (
    form.fields.some((f) => f.type === 'search' || SEARCHY.test(`${f.label} ${f.nameAttr} ${f.placeholder}`)) ||
    SEARCHY.test(form.submitText)
  );
}

export interface FormPlan {
  happy: ObservedAction[];
  submit: ObservedAction;
  searchField: ObservedAction;
}

/** The actions that fill a form with plausible values and submit it; undefined if any part has no locator. */
export function formPlan(form: FormInfo): FormPlan | undefined {
  if (!form.submitLocator || DESTRUCTIVE.test(form.submitText)) return undefined;
  const happy: ObservedAction[] = [];
  let searchField: ObservedAction | undefined;
  for (const field of form.fields) {
    if (!field.locator) return undefined;
    const label = field.label || field.placeholder || field.nameAttr;
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.required || field.type === 'checkbox') happy.push({ kind: 'check', locator: field.locator, label });
    } else if (field.tag === 'select') {
      const value = field.options?.find((v, i) => i > 0 && v) ?? field.options?.find(Boolean);
      if (value) happy.push({ kind: 'select', locator: field.locator, value, label });
    } else if (!['submit', 'button', 'reset', 'file', 'hidden', 'image'].includes(field.type)) {
      const fill: ObservedAction = { kind: 'fill', locator: field.locator, value: fillValueFor(field), label };
      searchField ??= fill;
      if (fill.value) happy.push(fill);
    }
  }
  const submit: ObservedAction = { kind: 'click', locator: form.submitLocator, label: form.submitText || 'Submit' };
  if (!searchField && !happy.length) return undefined;
  return { happy: [...happy, submit], submit, searchField: searchField ?? { kind: 'fill', locator: '', label: '' } };
}
