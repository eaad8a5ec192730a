/// <reference lib="dom" />
/**
 * The in-page half of a snapshot: one function Playwright serialises into the page, so it must
 * not reference anything outside its own body. It reads what a user can see and operate, and
 * proposes semantic selectors for each element in the order Playwright's codegen prefers them;
 * the Node side keeps the first one that matches exactly one element.
 */

export interface RawElement {
  key: number;
  tag: string;
  type: string;
  text: string;
  role: string;
  accessibleName: string;
  id: string;
  nameAttr: string;
  href: string;
  ariaLabel: string;
  placeholder: string;
  label: string;
  testId: string;
  disabled: boolean;
  required: boolean;
  formId: string;
  fromShadow: boolean;
  candidates: string[];
  pattern: string;
  minLength: number;
  options: string[];
  checked: boolean;
}

export interface RawForm {
  id: string;
  action: string;
  method: string;
  fieldKeys: number[];
  submitKey: number | null;
  submitText: string;
}

export interface RawPage {
  url: string;
  title: string;
  h1: string;
  metaDescription: string;
  headings: { level: number; text: string; candidates: string[] }[];
  landmarks: { landmark: string; name: string; headings: string[] }[];
  elements: RawElement[];
  forms: RawForm[];
  flags: Record<string, boolean | string>;
  links: string[];
  textSample: string[];
  structuralTexts: string[];
  frames: string[];
}

export function collectPage(maxElements: number): RawPage {
  const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const cut = (value: string, length: number) => (value.length > length ? value.slice(0, length) : value);
  const q = (value: string) => JSON.stringify(value);
  const visible = (el: Element) => {
    const box = (el as HTMLElement).getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };

  // Every element, shadow roots included (Playwright's role and text engines pierce open roots).
  const all: { el: Element; shadow: boolean }[] = [];
  const walk = (root: Document | ShadowRoot, shadow: boolean) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      all.push({ el, shadow });
      if (el.shadowRoot) walk(el.shadowRoot, true);
    }
  };
  walk(document, false);

  const labelOf = (el: Element): string => {
    const control = el as HTMLInputElement;
    const labels = control.labels ? Array.from(control.labels) : [];
    const fromLabel = labels.map((label) => norm((label as HTMLElement).innerText)).find(Boolean);
    if (fromLabel) return cut(fromLabel, 60);
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => norm(document.getElementById(id)?.textContent))
        .join(' ');
      if (text.trim()) return cut(text.trim(), 60);
    }
    return '';
  };

  const implicitRole = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0] ?? '';
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'a') return el.hasAttribute('href') ? 'link' : '';
    if (tag === 'button') return 'button';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'input') {
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'search') return 'searchbox';
      if (type === 'number') return 'spinbutton';
      if (type === 'range') return 'slider';
      if (['', 'text', 'email', 'tel', 'url', 'password'].includes(type)) return type === 'password' ? '' : 'textbox';
    }
    return '';
  };

  const nameOf = (el: Element, role: string): string => {
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) return aria;
    const label = labelOf(el);
    if (label) return label;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (['submit', 'button', 'reset'].includes(type)) {
        return norm((el as HTMLInputElement).value) || (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : '');
      }
      return norm(el.getAttribute('title')) || norm(el.getAttribute('placeholder'));
    }
    if (['textarea', 'select'].includes(tag)) return norm(el.getAttribute('title'));
    if (['button', 'link', 'heading', 'tab', 'menuitem', 'option', 'checkbox', 'radio', 'switch'].includes(role)) {
      return norm((el as HTMLElement).innerText || el.textContent) || norm(el.getAttribute('title'));
    }
    return '';
  };

  const INTERACTIVE =
    'a[href],button,input,select,textarea,[role=button],[role=link],[role=combobox],[role=searchbox],' +
    '[role=tab],[role=menuitem],[role=checkbox],[role=switch],[role=radio],[role=textbox]';
  const formIds = new Map<Element, string>();
  Array.from(document.forms).forEach((form, index) => formIds.set(form, form.id || `form-${index}`));

  const elements: RawElement[] = [];
  const keyOf = new Map<Element, number>();
  for (const { el, shadow } of all) {
    if (elements.length >= maxElements) break;
    if (!el.matches(INTERACTIVE)) continue;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? (tag === 'button' ? 'submit' : '')).toLowerCase();
    if (tag === 'input' && type === 'hidden') continue;
    if (!visible(el) && !(tag === 'input' && ['checkbox', 'radio'].includes(type))) continue;
    const role = implicitRole(el);
    const name = nameOf(el, role);
    const label = labelOf(el);
    const placeholder = norm(el.getAttribute('placeholder'));
    const testId = el.getAttribute('data-testid') ?? el.getAttribute('data-cy') ?? '';
    const text = cut(norm((el as HTMLElement).innerText || el.textContent), 80);
    const candidates: string[] = [];
    if (role && name) candidates.push(`role=${role}[name=${q(name)}]`);
    if (label && ['input', 'select', 'textarea'].includes(tag)) candidates.push(`label=${q(label)}`);
    if (placeholder) candidates.push(`placeholder=${q(placeholder)}`);
    if (testId) candidates.push(`data-testid=${testId}`);
    if (text && ['a', 'button'].includes(tag)) candidates.push(`text=${q(text)}`);
    const form = (el as HTMLInputElement).form ?? el.closest('form');
    const key = elements.length;
    keyOf.set(el, key);
    const select = tag === 'select' ? (el as HTMLSelectElement) : null;
    elements.push({
      key,
      tag,
      type,
      text,
      role,
      accessibleName: name,
      id: el.id,
      nameAttr: el.getAttribute('name') ?? '',
      href: tag === 'a' ? (el as HTMLAnchorElement).href : '',
      ariaLabel: norm(el.getAttribute('aria-label')),
      placeholder,
      label,
      testId,
      disabled: (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true',
      required: (el as HTMLInputElement).required === true || el.getAttribute('aria-required') === 'true',
      formId: form ? (formIds.get(form) ?? '') : '',
      fromShadow: shadow,
      candidates,
      pattern: el.getAttribute('pattern') ?? '',
      minLength: Number(el.getAttribute('minlength') ?? 0),
      options: select ? Array.from(select.options).map((option) => option.value) : [],
      checked: (el as HTMLInputElement).checked === true || el.getAttribute('aria-checked') === 'true',
    });
  }

  // Inputs outside any <form> with a button nearby behave like a form (SPA "New task" + "Add").
  const forms: RawForm[] = Array.from(document.forms).map((form) => {
    const id = formIds.get(form) ?? '';
    const fields = elements.filter(
      (e) => e.formId === id && ['input', 'select', 'textarea'].includes(e.tag) && e.role !== 'button',
    );
    const submit =
      elements.find((e) => e.formId === id && e.role === 'button' && e.type === 'submit') ??
      elements.find((e) => e.formId === id && e.role === 'button');
    return {
      id,
      action: form.getAttribute('action') ?? '',
      method: (form.getAttribute('method') ?? 'get').toLowerCase(),
      fieldKeys: fields.map((e) => e.key),
      submitKey: submit?.key ?? null,
      submitText: cut(submit?.accessibleName ?? '', 40),
    };
  });
  let group = 0;
  const grouped = new Set<number>();
  for (const { el } of all) {
    const key = keyOf.get(el);
    const entry = key === undefined ? undefined : elements[key];
    if (!entry || entry.formId || grouped.has(entry.key) || !['textbox', 'searchbox'].includes(entry.role)) continue;
    let container: Element | null = el.parentElement;
    for (let depth = 0; container && depth < 4; depth += 1, container = container.parentElement) {
      const buttons = Array.from(container.querySelectorAll('button,[role=button],input[type=submit]'))
        .map((b) => keyOf.get(b))
        .filter((k): k is number => k !== undefined);
      if (!buttons.length) continue;
      const fields = Array.from(container.querySelectorAll('input,select,textarea'))
        .map((f) => keyOf.get(f))
        .filter((k): k is number => k !== undefined && !elements[k]?.formId && elements[k]?.role !== 'button');
      const id = `group-${group++}`;
      for (const k of [...fields, ...buttons]) {
        const item = elements[k];
        if (item) item.formId = id;
        grouped.add(k);
      }
      const submitKey = buttons[0] ?? null;
      forms.push({
        id,
        action: '',
        method: '',
        fieldKeys: fields,
        submitKey,
        submitText: submitKey === null ? '' : cut(elements[submitKey]?.accessibleName ?? '', 40),
      });
      break;
    }
  }

  const headings = Array.from(document.querySelectorAll('h1,h2,h3'))
    .filter(visible)
    .slice(0, 10)
    .map((h) => {
      const text = cut(norm((h as HTMLElement).innerText), 60);
      return { level: Number(h.tagName[1]), text, candidates: text ? [`role=heading[name=${q(text)}]`] : [] };
    });
  const LANDMARKS: Record<string, string> = {
    header: 'banner',
    nav: 'navigation',
    main: 'main',
    aside: 'complementary',
    footer: 'contentinfo',
  };
  const landmarks = Array.from(
    document.querySelectorAll(
      'header,nav,main,aside,footer,[role=banner],[role=navigation],[role=main],[role=complementary],[role=contentinfo]',
    ),
  )
    .filter(visible)
    .map((el) => ({
      landmark: el.getAttribute('role') ?? LANDMARKS[el.tagName.toLowerCase()] ?? el.tagName.toLowerCase(),
      name: norm(el.getAttribute('aria-label')),
      headings: Array.from(el.querySelectorAll('h1,h2,h3'))
        .slice(0, 3)
        .map((h) => cut(norm(h.textContent), 60)),
    }));

  const origin = location.origin;
  const links = Array.from(
    new Set(
      all
        .map(({ el }) => el)
        .filter((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && Boolean(el.href))
        .map((a) => {
          try {
            const url = new URL(a.href);
            url.hash = '';
            return url.origin === origin ? url.href : '';
          } catch {
            return '';
          }
        })
        .filter(Boolean),
    ),
  );

  // Prose, not controls: blocks of text without buttons or fields inside, so a line never glues
  // a label to the button next to it ("Water the plantsDelete"). A block whose rendered text
  // differs from its text content (a card of heading + price) reads back glued ("Starter$0") to a
  // text assertion, so it is left out too.
  const main = document.querySelector('main,[role=main]') ?? document.body;
  const textSample = Array.from(
    new Set(
      Array.from(main.querySelectorAll('p,li,dd,dt,td,th,blockquote,figcaption,h4,h5,h6'))
        .filter((el) => visible(el) && !el.querySelector('button,input,select,textarea,[role=button],a'))
        .map((el) => ({ line: norm((el as HTMLElement).innerText), raw: norm(el.textContent) }))
        .filter(({ line, raw }) => line.length > 2 && line === raw)
        .map(({ line }) => line),
    ),
  )
    .slice(0, 40)
    .map((line) => cut(line, 120));
  const structuralTexts = all
    .map(({ el }) => el)
    .filter((el) => el.matches('button,a,h1,h2,h3,label,[role=button],[role=link],[role=tab],[role=menuitem]'))
    .filter(visible)
    .map((el) => norm((el as HTMLElement).innerText))
    .filter(Boolean)
    .slice(0, 200);

  const has = (selector: string) => Boolean(document.querySelector(selector));
  const w = window as unknown as Record<string, unknown>;
  const spaFramework =
    has('[data-reactroot],#__next') || w.React
      ? 'react'
      : has('[data-v-app],#__nuxt') || w.Vue
        ? 'vue'
        : has('[ng-version]')
          ? 'angular'
          : has('[class*="svelte-"]')
            ? 'svelte'
            : '';
  const bodyText = (document.body?.innerText ?? '').toLowerCase();
  return {
    url: location.href,
    title: document.title,
    h1: Array.from(document.querySelectorAll('h1'))
      .map((h) => norm(h.textContent))
      .filter(Boolean)
      .join(' | '),
    metaDescription: cut(norm(document.querySelector('meta[name=description]')?.getAttribute('content')), 120),
    headings,
    landmarks,
    elements,
    forms,
    flags: {
      hasLoginForm: has('input[type=password]'),
      hasModals: has('dialog,[role=dialog],[aria-modal=true]'),
      hasTabs: has('[role=tablist],[role=tab]'),
      hasTable: has('table'),
      hasSidebar: has('aside,[role=complementary]'),
      hasDropdown: has('select,[role=listbox],[role=combobox],[aria-haspopup]'),
      hasToast: has('[role=status],[role=alert],[aria-live]'),
      hasAccordion: has('details,[aria-expanded]'),
      hasSpinner: has('[aria-busy=true],[role=progressbar]'),
      hasErrorState: /something went wrong|an error occurred|not found/.test(bodyText),
      hasEmptyState: /no results|nothing here|no items|no products/.test(bodyText),
      spaFramework,
    },
    links: links.slice(0, 50),
    textSample,
    structuralTexts,
    frames: Array.from(document.querySelectorAll('iframe'))
      .map((f) => (f as HTMLIFrameElement).src)
      .filter(Boolean),
  };
}

/**
 * The source to evaluate for an in-page function. Some TypeScript loaders (tsx, esbuild with
 * keepNames) wrap nested functions in a `__name(...)` helper that does not exist in the page;
 * the shim makes the same source run whatever compiled it.
 */
export function inPageSource<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}
