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
