import type { Locator } from '@playwright/test';
import type { ElementFingerprint } from './channel.js';
import { CHECKABLE, FILE_INPUT, FILLABLE, FOCUSABLE, SELECTABLE, type ActionKind } from './strategies.js';

/**
 * Element fingerprints and the similarity heal ("Similo", Nass et al. 2021: find the element
 * that changed the least, scoring many attributes at once, instead of trusting any single one).
 *
 * The in-page code is plain JavaScript in a string, turned into a function with `new Function`:
 * whatever compiles this file (tsc, Playwright's loader in an exported project, vitest) cannot
 * inject helpers into it that would not exist in the page.
 */
const IN_PAGE = String.raw`
function norm(s) { return s == null ? '' : String(s).replace(/\s+/g, ' ').trim(); }
function cut(s, n) { s = norm(s); return s ? s.slice(0, n) : null; }
function implicitRole(el) {
  var tag = el.tagName.toLowerCase();
  var explicit = norm(el.getAttribute('role')).split(' ')[0];
  if (explicit) return explicit;
  var type = (el.getAttribute('type') || '').toLowerCase();
  switch (tag) {
    case 'a': case 'area': return el.hasAttribute('href') ? 'link' : null;
    case 'button': return 'button';
    case 'summary': return 'button';
    case 'input':
      if (['button', 'submit', 'reset', 'image'].indexOf(type) >= 0) return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'range') return 'slider';
      if (type === 'number') return 'spinbutton';
      if (type === 'search') return el.hasAttribute('list') ? 'combobox' : 'searchbox';
      if (type === 'hidden' || type === 'file' || type === 'color' || type === 'date') return null;
      return el.hasAttribute('list') ? 'combobox' : 'textbox';
    case 'textarea': return 'textbox';
    case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    case 'option': return 'option';
    case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
    case 'li': return 'listitem';
    case 'ul': case 'ol': return 'list';
    case 'nav': return 'navigation';
    case 'main': return 'main';
    case 'dialog': return 'dialog';
    case 'table': return 'table';
    case 'tr': return 'row';
    case 'td': return 'cell';
    case 'th': return 'columnheader';
    case 'progress': return 'progressbar';
    case 'form': return 'form';
    case 'article': return 'article';
    default: return null;
  }
}
function accessibleName(el) {
  var tag = el.tagName.toLowerCase();
  var aria = norm(el.getAttribute('aria-label'));
  if (aria) return aria.slice(0, 80);
  var by = el.getAttribute('aria-labelledby');
  if (by) {
    var doc = el.ownerDocument;
    var parts = by.split(/\s+/).map(function (id) { var n = doc.getElementById(id); return n ? n.textContent : ''; });
    var joined = norm(parts.join(' '));
    if (joined) return joined.slice(0, 80);
  }
  if (el.labels && el.labels.length) {
    var labels = norm(Array.prototype.map.call(el.labels, function (l) { return l.innerText || l.textContent; }).join(' '));
    if (labels) return labels.slice(0, 80);
  }
  var type = (el.getAttribute('type') || '').toLowerCase();
  if (tag === 'input' && ['button', 'submit', 'reset'].indexOf(type) >= 0) return cut(el.value, 80) || (type === 'reset' ? 'Reset' : type === 'submit' ? 'Submit' : null);
  if (tag === 'input' && type === 'image') return cut(el.getAttribute('alt'), 80);
  if (tag === 'img') return cut(el.getAttribute('alt'), 80) || cut(el.getAttribute('title'), 80);
  if (tag !== 'input' && tag !== 'textarea' && tag !== 'select') {
    var text = cut(el.innerText || el.textContent, 80);
    if (text) return text;
  }
  return cut(el.getAttribute('title'), 80) || cut(el.getAttribute('placeholder'), 80);
}
var KEPT = ['name', 'type', 'placeholder', 'href', 'data-testid', 'data-test-id', 'data-test', 'title', 'alt', 'for', 'role'];
function attributes(el) {
  var out = {};
  for (var i = 0; i < el.attributes.length; i++) {
    var a = el.attributes[i];
    var n = a.name.toLowerCase();
    if (KEPT.indexOf(n) >= 0 || n.indexOf('aria-') === 0) out[n] = String(a.value).slice(0, 200);
  }
  return out;
}
function parentOf(el) {
  if (el.parentElement) return el.parentElement;
  var root = el.getRootNode && el.getRootNode();
  return root && root.host ? root.host : null;
}
function tagPath(el) {
  var parts = [];
  for (var n = el, guard = 0; n && n.tagName && guard < 40; n = parentOf(n), guard++) {
    var t = n.tagName.toLowerCase();
    if (t === 'html') break;
    parts.push(t);
    if (t === 'body') break;
  }
  return parts.reverse().join('>');
}
function isVisible(el) {
  var r = el.getBoundingClientRect();
  if (!(r.width > 0 && r.height > 0)) return false;
  var style = el.ownerDocument.defaultView.getComputedStyle(el);
  return style.visibility !== 'hidden' && style.visibility !== 'collapse';
}
function fingerprint(el) {
  var tag = el.tagName.toLowerCase();
  var r = el.getBoundingClientRect();
  var win = el.ownerDocument.defaultView;
  var parent = el.parentElement;
  var formLike = tag === 'input' || tag === 'textarea' || tag === 'select';
  return {
    tag: tag,
    id: el.id || null,
    classes: Array.prototype.slice.call(el.classList, 0, 20),
    role: implicitRole(el),
    name: accessibleName(el),
    // A button made of an <input> shows its value: that is its visible text, as for a <button>.
    text: formLike
      ? (tag === 'input' && ['button', 'submit', 'reset'].indexOf((el.getAttribute('type') || '').toLowerCase()) >= 0 ? cut(el.value, 80) : null)
      : cut(el.innerText || el.textContent, 80),
    attributes: attributes(el),
    path: tagPath(el),
    index: parent ? Array.prototype.indexOf.call(parent.children, el) : 0,
    box: r.width > 0 || r.height > 0
      ? { x: Math.round(r.x + win.scrollX), y: Math.round(r.y + win.scrollY), width: Math.round(r.width), height: Math.round(r.height) }
      : null
  };
}
function cssPath(el) {
  var parts = [];
  for (var n = el; n && n.tagName && n.tagName.toLowerCase() !== 'html'; n = n.parentElement) {
    var tag = n.tagName.toLowerCase();
    if (n.id && /^[A-Za-z][\w-]*$/.test(n.id) && n.ownerDocument.querySelectorAll('#' + n.id).length === 1) { parts.unshift('#' + n.id); break; }
    var p = n.parentElement;
    parts.unshift(p ? tag + ':nth-child(' + (Array.prototype.indexOf.call(p.children, n) + 1) + ')' : tag);
  }
  return parts.join(' > ');
}
`;

type InPage<A, R> = (subject: A, arg: unknown) => R;
const inPage = <A, R>(body: string): InPage<A, R> =>
  new Function('subject', 'arg', `${IN_PAGE}\n${body}`) as InPage<A, R>;

const captureFn = inPage<unknown, ElementFingerprint>('return fingerprint(subject);');
const collectFn = inPage<unknown[], Candidate[]>(`
  var out = [];
  var all = new Set(subject);
  for (var i = 0; i < subject.length && out.length < arg.limit; i++) {
    var el = subject[i];
    if (arg.visibleOnly && !isVisible(el)) continue;
    // A wrapper around a single candidate showing the same text is the same thing on screen:
    // keep the inner element only, or every wrapped element would look ambiguous.
    var only = el.children.length === 1 ? el.children[0] : null;
    if (only && all.has(only) && (el.innerText || '').trim() === (only.innerText || '').trim()) continue;
    out.push({ index: i, fingerprint: fingerprint(el) });
  }
  return out;
`);
const cssPathFn = inPage<unknown, string>('return cssPath(subject);');
const sameElementFn = inPage<unknown, boolean>('return subject === arg;');

export interface Candidate {
  /** Position among the candidate locator's matches (`locator.nth(index)`). */
  index: number;
  fingerprint: ElementFingerprint;
}

/** The fingerprint of the element a locator points at (its first match). */
export async function captureFingerprint(locator: Locator, timeoutMs = 1000): Promise<ElementFingerprint | null> {
  try {
    return await locator.evaluate(captureFn, undefined, { timeout: timeoutMs });
  } catch {
    return null;
  }
}

/** Fingerprints of every (visible) element the locator matches, with their positions. */
export async function collectCandidates(
  locator: Locator,
  options: { visibleOnly: boolean; limit: number },
): Promise<Candidate[]> {
  try {
    return await locator.evaluateAll(collectFn, options);
  } catch {
    return [];
  }
}

export async function cssPathOf(locator: Locator): Promise<string | null> {
  try {
    return await locator.evaluate(cssPathFn, undefined, { timeout: 1000 });
  } catch {
    return null;
  }
}

/** Whether two locators point at the same element right now. */
export async function sameElement(a: Locator, b: Locator): Promise<boolean> {
  const handle = await b.elementHandle({ timeout: 1000 }).catch(() => null);
  if (!handle) return false;
  try {
    return await a.evaluate(sameElementFn, handle, { timeout: 1000 });
  } catch {
    return false;
  } finally {
    await handle.dispose().catch(() => undefined);
  }
}

const CLICKABLE =
  'a, button, summary, label, input[type=button], input[type=submit], input[type=reset], input[type=image], ' +
  'input[type=checkbox], input[type=radio], [role=button], [role=link], [role=menuitem], [role=menuitemcheckbox], ' +
  '[role=menuitemradio], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=option], [role=treeitem], ' +
  '[onclick], [tabindex]';

/**
 * Elements a heal may pick for an action: the kinds the action can act on, plus every element with
 * the remembered tag (a clickable `div` stays a candidate for a click).
 */
export function candidateSelector(action: ActionKind, rememberedTag: string): string {
  const TEXT_BEARING =
    '[role], h1, h2, h3, h4, h5, h6, p, img, li, td, th, label, dialog, nav, div, span, output, strong, em, small';
  const byKind: Record<ActionKind, string> = {
    click: CLICKABLE,
    dblclick: CLICKABLE,
    rightclick: `${CLICKABLE}, li, [role=listitem], [role=row]`,
    tap: CLICKABLE,
    hover: `${CLICKABLE}, img, [title]`,
    fill: FILLABLE,
    focus: FOCUSABLE,
    press: FOCUSABLE,
    select: SELECTABLE,
    check: CHECKABLE,
    uncheck: CHECKABLE,
    upload: FILE_INPUT,
    'drag-src': `${CLICKABLE}, [draggable=true], li, [role=listitem], [role=treeitem]`,
    'drag-tgt': `${CLICKABLE}, [draggable=true], li, ul, ol, [role=listitem], [role=list], [role=treeitem], section, [dropzone]`,
    // What an assertion looks at can be any element that shows text, plain containers included.
    expect: `${CLICKABLE}, ${FILLABLE}, ${TEXT_BEARING}`,
    wait: `${CLICKABLE}, ${FILLABLE}, ${TEXT_BEARING}`,
  };
  const tag = /^[a-z][a-z0-9-]*$/.test(rememberedTag) ? `, ${rememberedTag}` : '';
  // A file input is the only thing `setInputFiles` can take, whatever the old tag was.
  return action === 'upload' ? byKind.upload : `${byKind[action]}${tag}`;
}

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
