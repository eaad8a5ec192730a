import type { ElementInfo } from '../discovery/types.js';

/** Input types a user types into; these always matter, even when their label mentions "cookie". */
const TEXT_INPUT_TYPES = new Set(['text', 'email', 'password', 'search', 'tel', 'number', '']);

// Whole-word matches so that "Shared folders" or "Unlike" are not mistaken for social widgets.
const NOISE_TEXT =
  /©|\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|pinterest|reddit|whatsapp|copyright|privacy policy|terms of service|cookies?|advertis\w*|sponsor\w*|promo\w*|back to top|scroll to top|share|tweet|like)\b/i;

const NOISE_HREF = [
  '/cdn-cgi/',
  'javascript:void',
  '#top',
  'mailto:',
  'tel:',
  'facebook.com',
  'twitter.com',
  'x.com/',
  'instagram.com',
  'linkedin.com',
  'youtube.com',
  'tiktok.com',
  'pinterest.com',
  '//t.co/',
];

const HIGH_VALUE =
  /\b(?:log ?in|sign ?in|register|sign ?up|create account|submit|continue|next|proceed|buy|purchase|checkout|add to cart|order|search|find|go|save|update|apply|confirm|delete|remove|cancel|download|export|upload|send|post|publish|get started|try|start)\b/i;

const isButton = (el: ElementInfo) => el.tag === 'button' || el.role === 'button';

/** Same-site links are worth more than links that leave the site. */
function isInternalHref(href: string, origin: string | undefined): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//')) return true;
  return origin !== undefined && (href === origin || href.startsWith(`${origin}/`));
}

/** Relevance of one element for test generation (ENGINE.md §2.1); 0 means "drop it". */
export function scoreElement(el: ElementInfo, origin?: string): number {
  const tag = el.tag.toLowerCase();
  const text = el.text.trim();
  const href = el.href.toLowerCase();
  if (tag === 'form') return 100;
  if (tag === 'input' && TEXT_INPUT_TYPES.has(el.type.toLowerCase())) return 90;
  if (tag === 'textarea') return 80;
  if (tag === 'select') return 75;
  if (NOISE_TEXT.test(text)) return 0;
  if (href && NOISE_HREF.some((noise) => href.includes(noise))) return 0;
  if (tag === 'a' && !href) return 0;
  if (isButton(el) && HIGH_VALUE.test(text)) return 95;
  if (tag === 'a' && text.length >= 2 && text.length < 40 && isInternalHref(href, origin)) return 50;
  if (tag === 'button' && text.length > 1) return 60;
  if (tag === 'a' && text.length >= 2 && text.length < 30) return 40;
  return 10;
}

/**
 * Elements without visible text (most inputs) are told apart by what names them, so that an
 * email field and a password field never collapse into one.
 */
function identity(el: ElementInfo): string {
  const name = el.text || el.accessibleName || el.label || el.placeholder || el.nameAttr || el.id || el.locator || '';
  return `${el.tag.toLowerCase()}:${el.type.toLowerCase()}:${name.toLowerCase()}`;
}

/**
 * The most test-worthy elements of a page: scored, noise dropped, deduplicated by
 * tag:type:text, best first, at most `limit`. `pageUrl` lets same-site absolute links count as internal.
 */
export function filterElements(elements: ElementInfo[], limit = 30, pageUrl?: string): ElementInfo[] {
  let origin: string | undefined;
  try {
    origin = pageUrl ? new URL(pageUrl).origin.toLowerCase() : undefined;
  } catch {
    origin = undefined;
  }
  const seen = new Set<string>();
  const kept: ElementInfo[] = [];
  for (const el of elements) {
    const score = scoreElement(el, origin);
    if (score === 0) continue;
    const key = identity(el);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ ...el, score });
  }
  // Array.prototype.sort is stable, so equal scores keep page order.
  return kept.sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, Math.max(0, limit));
}
