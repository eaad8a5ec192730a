import type { ElementInfo, IntentName, PageSnapshot } from '../discovery/types.js';

interface IntentRule {
  intent: IntentName;
  weight: number;
  keywords: string[];
  inputTypes?: string[];
  weakInputTypes?: string[];
}

const list = (keywords: string) => keywords.split(',').map((keyword) => keyword.trim());

/** Table order is also the tie-break order: the more specific intent wins a tie. */
const INTENT_RULES: IntentRule[] = [
  {
    intent: 'AUTH',
    weight: 100,
    keywords: list(
      'login, log in, sign in, signin, register, sign up, signup, forgot password, reset password, logout, ' +
        'log out, sign out, password, username, authenticate',
    ),
    inputTypes: ['password'],
    weakInputTypes: ['email'],
  },
  {
    intent: 'CHECKOUT',
    weight: 95,
    keywords: list(
      'checkout, buy, purchase, add to cart, place order, pay, payment, billing, shipping, credit card, cart, order',
    ),
  },
  { intent: 'SEARCH', weight: 85, keywords: list('search, find, filter, query, look up'), inputTypes: ['search'] },
  {
    intent: 'FORM_SUBMISSION',
    weight: 80,
    keywords: list(
      'submit, send, contact, subscribe, newsletter, feedback, apply, request, book, reserve, schedule, upload',
    ),
  },
  {
    intent: 'CRUD',
    weight: 75,
    keywords: list('create, new, add, edit, update, save, delete, remove, publish, draft, archive, manage'),
  },
  {
    intent: 'NAVIGATION',
    weight: 50,
    keywords: list(
      'home, about, docs, blog, pricing, features, faq, help, support, dashboard, profile, settings, account, ' +
        'back, next, previous, menu',
    ),
  },
  { intent: 'CONTENT', weight: 30, keywords: list('read more, learn more, view, see all, show, expand, details') },
];

export const INTENTS: IntentName[] = INTENT_RULES.map((rule) => rule.intent);
export const HIGH_PRIORITY_INTENTS: ReadonlySet<IntentName> = new Set([
  'AUTH',
  'CHECKOUT',
  'SEARCH',
  'FORM_SUBMISSION',
  'CRUD',
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words (plus a plural s) so that "add" does not fire on "address" nor "new" on "news". */
const TEXT_MATCHERS = new Map(
  INTENT_RULES.flatMap((rule) => rule.keywords).map((kw) => [kw, new RegExp(`\\b${escape(kw)}s?\\b`, 'i')] as const),
);

export interface ClassifiedElement {
  element: ElementInfo;
  intent: IntentName;
  confidence: number;
}

export interface ClassifiedPage {
  url: string;
  title: string;
  dominantIntent: IntentName;
  intentBreakdown: Record<IntentName, number>;
  classifiedElements: ClassifiedElement[];
  isHighPriority: boolean;
  intentConfidence: number;
}

/** What a user reads on the element: its text, or for fields the name they are announced by. */
const visibleName = (el: ElementInfo) => el.text || el.accessibleName || el.ariaLabel || el.placeholder || el.label;

/** Identifiers are compared with separators removed: `user_password`, `signInBtn`, `search-query`. */
const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function textMultiplier(el: ElementInfo): number {
  const tag = el.tag.toLowerCase();
  if (tag === 'button' || tag === 'input' || el.role === 'button') return 1.2;
  if (tag === 'a') return 0.6;
  return 1;
}

/** The intent one element most likely serves, with a 0–100 confidence (ENGINE.md §2.2). */
export function classifyElement(el: ElementInfo): ClassifiedElement {
  const text = visibleName(el);
  const identifiers = `${compact(el.nameAttr)} ${compact(el.id)}`;
  const type = el.type.toLowerCase();
  const multiplier = textMultiplier(el);
  let best: IntentName = 'NAVIGATION';
  let bestScore = 0;
  for (const rule of INTENT_RULES) {
    let score = 0;
    for (const keyword of rule.keywords) {
      if (text && TEXT_MATCHERS.get(keyword)?.test(text)) score += rule.weight * multiplier;
      if (identifiers.trim() && identifiers.includes(compact(keyword))) score += rule.weight * 0.5;
    }
    if (type && rule.inputTypes?.includes(type)) score += rule.weight * 2;
    if (type && rule.weakInputTypes?.includes(type)) score += rule.weight * 0.8;
    if (score > bestScore) {
      best = rule.intent;
      bestScore = score;
    }
  }
  return { element: el, intent: best, confidence: Math.min(100, Math.round(bestScore)) };
}

function emptyBreakdown(): Record<IntentName, number> {
  return Object.fromEntries(INTENTS.map((intent) => [intent, 0])) as Record<IntentName, number>;
}

function hasPasswordField(snapshot: PageSnapshot, elements: ElementInfo[]): boolean {
  return (
    elements.some((el) => el.type.toLowerCase() === 'password') ||
    snapshot.forms.some((form) => form.fields.some((field) => field.type.toLowerCase() === 'password'))
  );
}

/**
 * The page's dominant intent from its (filtered) elements plus page-level bonuses: a password
 * field means sign-in, any other form means a form to submit, and the title/h1 can name the purpose.
 */
export function classifyPage(snapshot: PageSnapshot, elements: ElementInfo[]): ClassifiedPage {
  const classifiedElements = elements.map(classifyElement);
  const breakdown = emptyBreakdown();
  for (const { element, intent, confidence } of classifiedElements) {
    breakdown[intent] += confidence + (element.score ?? 0);
  }

  if (hasPasswordField(snapshot, elements)) breakdown.AUTH += 300;
  else if (snapshot.forms.length > 0) breakdown.FORM_SUBMISSION += 50;

  const heading = `${snapshot.title} ${snapshot.h1}`.toLowerCase();
  if (/\b(log ?in|sign ?in)\b/.test(heading)) breakdown.AUTH += 200;
  if (/\b(checkout|cart)\b/.test(heading)) breakdown.CHECKOUT += 200;
  if (/\bsearch\b/.test(heading)) breakdown.SEARCH += 100;

  let dominantIntent: IntentName = 'NAVIGATION';
  let best = 0;
  for (const intent of INTENTS) {
    if (breakdown[intent] > best) {
      dominantIntent = intent;
      best = breakdown[intent];
    }
  }
  return {
    url: snapshot.url,
    title: snapshot.title,
    dominantIntent,
    intentBreakdown: breakdown,
    classifiedElements,
    isHighPriority: HIGH_PRIORITY_INTENTS.has(dominantIntent),
    intentConfidence: Math.min(100, Math.round(best)),
  };
}
