import { expect as pwExpect } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import {
  safeCheck,
  safeClick,
  safeDblClick,
  safeDrag,
  safeExpect,
  safeFill,
  safeFocus,
  safeHover,
  safePress,
  safeRightClick,
  safeSelect,
  safeSelectFrame,
  safeTap,
  safeUncheck,
  safeUpload,
  sentri,
} from '../src/index.js';
import { LOG_CLICKS, clicks, useBrowser } from './support.js';

const SHOP = `${LOG_CLICKS}
<header><nav>
  <a href="#home" data-log="home"><img alt="Company logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="20"></a>
  <a href="#cart" data-log="cart" aria-label="Shopping cart">🛒</a>
  <button title="Close dialog" data-log="close">×</button>
</nav></header>
<main>
  <h1>Checkout</h1>
  <form onsubmit="event.preventDefault()">
    <label for="email">Email address</label> <input id="email" name="email" type="email">
    <div class="field"><input name="coupon" placeholder="Coupon code"></div>
    <label>Country <select name="country"><option value="">Choose</option><option value="de">Germany</option><option value="fr">France</option></select></label>
    <label><input type="checkbox" name="terms"> I accept the terms</label>
    <textarea aria-label="Order notes"></textarea>
    <button type="button" class="btn" data-log="back" data-test-id="back">Back</button>
    <button type="submit" class="btn primary" data-log="buy" data-testid="place-order">Place order</button>
  </form>
</main>
<script>
  window.keys = [];
  document.addEventListener('keydown', (e) => e.key !== 'Delete' && window.keys.push((e.target.name || e.target.tagName) + ':' + e.key));
</script>`;

const value = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).value`;

describe('safe* helpers on realistic markup', () => {
  const ctx = useBrowser();

  it('safeClick finds a button by its name, a link by its aria-label, an image link by alt', async () => {
    await ctx.page.setContent(SHOP);
    await safeClick(ctx.page, 'Place order');
    await safeClick(ctx.page, 'Shopping cart');
    await safeClick(ctx.page, 'Close dialog');
    expect(await clicks(ctx.page)).toEqual(['buy', 'cart', 'close']);
    expect(ctx.events.map((e) => [e.strategy, e.healed])).toEqual([
      ['role:button', false],
      ['role:link', false],
      ['title', false], // its accessible name is "×"; the title names it
    ]);
  });

  it('safeDblClick, safeRightClick and safeHover fire the right events', async () => {
    await ctx.page.setContent(`
      <p><span class="file" tabindex="0" ondblclick="this.textContent='opened'">report.pdf</span></p>
      <ul><li oncontextmenu="event.preventDefault(); document.getElementById('menu').hidden=false">Invoice 42</li></ul>
      <div id="menu" hidden>Context menu</div>
      <button onmouseenter="document.getElementById('tip').hidden=false">Help</button><div id="tip" hidden>Tooltip text</div>`);
    await safeDblClick(ctx.page, 'report.pdf');
    expect(await ctx.page.locator('.file').textContent()).toBe('opened');
    await safeRightClick(ctx.page, 'Invoice 42');
    await pwExpect(ctx.page.getByText('Context menu')).toBeVisible();
    await safeHover(ctx.page, 'Help');
    await pwExpect(ctx.page.getByText('Tooltip text')).toBeVisible();
    expect(ctx.events.map((e) => `${e.action}:${e.strategy}`)).toEqual([
      'dblclick:text-exact',
      'rightclick:text-exact', // a listitem takes no name from its content
      'hover:role:button',
    ]);
  });

  it('safeTap taps on a touch context', async () => {
    const context = await ctx.browser!.newContext({ hasTouch: true });
    try {
      const page = await context.newPage();
      await page.setContent(`<button ontouchstart="this.dataset.touched='yes'">Menu</button>`);
      await safeTap(page, 'Menu');
      expect(await page.getByRole('button').getAttribute('data-touched')).toBe('yes');
    } finally {
      await context.close();
    }
  });

  it('safeFill by label, placeholder and aria-label; safeSelect; safeCheck/safeUncheck', async () => {
    await ctx.page.setContent(SHOP);
    await safeFill(ctx.page, 'Email address', 'ada@example.com');
    await safeFill(ctx.page, 'Coupon code', 'SPRING');
    await safeFill(ctx.page, 'Order notes', 42);
    await safeSelect(ctx.page, 'Country', 'fr');
    expect(await ctx.page.evaluate(value('#email'))).toBe('ada@example.com');
    expect(await ctx.page.evaluate(value('[name=coupon]'))).toBe('SPRING');
    expect(await ctx.page.evaluate(value('textarea'))).toBe('42');
    expect(await ctx.page.evaluate(value('select'))).toBe('fr');
    await safeSelect(ctx.page, 'Country', { label: 'Germany' });
    expect(await ctx.page.evaluate(value('select'))).toBe('de');
    await safeCheck(ctx.page, 'I accept the terms');
    expect(await ctx.page.locator('[name=terms]').isChecked()).toBe(true);
    await safeUncheck(ctx.page, 'I accept the terms');
    expect(await ctx.page.locator('[name=terms]').isChecked()).toBe(false);
    expect(ctx.events.map((e) => `${e.action}:${e.strategy}`)).toEqual([
      'fill:label',
      'fill:placeholder',
      'fill:label',
      'select:label',
      'select:label',
      'check:role:checkbox',
      'uncheck:role:checkbox',
    ]);
  });

  it('safeCheck finds an unlabelled checkbox through the row that shows the text', async () => {
    await ctx.page.setContent(`<ul class="todos">
      <li><input type="checkbox"> Buy milk</li><li><input type="checkbox"> Walk the dog</li></ul>`);
    await safeCheck(ctx.page, 'Walk the dog');
    expect(await ctx.page.evaluate(`[...document.querySelectorAll('li input')].map((i) => i.checked)`)).toEqual([
      false,
      true,
    ]);
    expect(ctx.events[0]?.strategy).toBe('container-checkbox');
  });

  it('safeDrag drags one list item onto a drop zone', async () => {
    await ctx.page.setContent(`
      <ul><li draggable="true" ondragstart="event.dataTransfer.setData('text/plain', this.textContent)">Task A</li></ul>
      <section ondragover="event.preventDefault()" ondrop="this.querySelector('p').textContent = 'dropped ' + event.dataTransfer.getData('text/plain')">
        <h2>Done</h2><p>empty</p></section>`);
    await safeDrag(ctx.page, 'Task A', 'Done');
    expect(await ctx.page.locator('section p').textContent()).toBe('dropped Task A');
    expect(ctx.events.map((e) => e.key.split('::')[1])).toEqual(['drag-src', 'drag-tgt']);
  });

  it('safeUpload fills a hidden labelled file input, or answers the chooser of an upload button', async () => {
    await ctx.page.setContent(`
      <label for="avatar">Avatar</label><input type="file" id="avatar" style="display:none">
      <button onclick="document.getElementById('doc').click()">Upload document</button><input type="file" id="doc" hidden>`);
    const file = { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') };
    await safeUpload(ctx.page, 'Avatar', file);
    await safeUpload(ctx.page, 'Upload document', [{ ...file, name: 'b.txt' }]);
    expect(await ctx.page.evaluate(`[...document.querySelectorAll('input')].map((i) => i.files[0]?.name)`)).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(ctx.events.map((e) => e.strategy)).toEqual(['label', 'role:button']);
  });

  it('safeFocus and safePress work on fields named by label or placeholder', async () => {
    await ctx.page.setContent(SHOP);
    await safeFocus(ctx.page, 'Email address');
    expect(await ctx.page.evaluate('document.activeElement.id')).toBe('email');
    await safePress(ctx.page, 'Coupon code', 'Enter');
    expect(await ctx.page.evaluate('window.keys')).toEqual(['coupon:Enter']);
  });

  it('fixes the onlyFillable bug: CSS selectors fill, focus and press a plain <input>', async () => {
    await ctx.page.setContent(SHOP);
    await safeFill(ctx.page, '#email', 'x@example.com');
    expect(await ctx.page.evaluate(value('#email'))).toBe('x@example.com');
    await safeFill(ctx.page, 'input[name="email"]', 'y@example.com');
    expect(await ctx.page.evaluate(value('#email'))).toBe('y@example.com');
    await safeFill(ctx.page, '.field', 'WRAPPED'); // a wrapper: the input inside it
    expect(await ctx.page.evaluate(value('[name=coupon]'))).toBe('WRAPPED');
    await safeFocus(ctx.page, '#email');
    expect(await ctx.page.evaluate('document.activeElement.id')).toBe('email');
    await safePress(ctx.page, 'input[name="coupon"]', 'Tab');
    expect(await ctx.page.evaluate('window.keys')).toEqual(['coupon:Tab']);
    expect(ctx.events.every((e) => e.strategy === 'css' && e.strategyIndex === 0 && !e.healed)).toBe(true);
  });

  it('safeSelectFrame returns the frame by title, and helpers work inside it', async () => {
    await ctx.page.setContent(`<iframe title="Payment form" srcdoc="
      <label for=card>Card number</label><input id=card>
      <button onclick='this.textContent=&quot;Paid&quot;'>Pay now</button>"></iframe>`);
    const frame = safeSelectFrame(ctx.page, 'Payment');
    await safeFill(frame, 'Card number', '4242 4242');
    await safeClick(frame, 'Pay now');
    await pwExpect(frame.getByRole('button')).toHaveText('Paid');
    expect(await frame.locator('#card').inputValue()).toBe('4242 4242');
    expect(safeSelectFrame(ctx.page, 'iframe[title="Payment form"]')).toBeTruthy();
    expect(() => safeSelectFrame(ctx.page, '')).toThrow('safeSelectFrame: selector argument is required');
  });

  it('safeExpect asserts visibility by name and role, by field label, or of a Locator', async () => {
    await ctx.page.setContent(SHOP);
    await safeExpect(ctx.page, pwExpect, 'Checkout', 'heading');
    await safeExpect(ctx.page, pwExpect, 'Email address');
    await safeExpect(ctx.page, pwExpect, ctx.page.getByRole('button', { name: 'Place order' }));
    expect(ctx.events.map((e) => e.strategy)).toEqual(['role:heading', 'role:textbox']);
  });

  it('text that looks like a CSS combinator ("Home > Products") still works as text', async () => {
    await ctx.page.setContent(
      `${LOG_CLICKS}<nav><a href="#" data-log="crumb" onclick="event.preventDefault()">Home &gt; Products</a></nav>`,
    );
    await safeClick(ctx.page, 'Home > Products');
    expect(await clicks(ctx.page)).toEqual(['crumb']);
    expect(ctx.events).toMatchObject([{ strategy: 'role:link', healed: false }]);
  });

  it('rejects an empty or non-string first argument', async () => {
    await expect(safeClick(ctx.page, '')).rejects.toThrow('safeClick: text argument is required');
    await expect(safeFill(ctx.page, undefined as unknown as string, 'x')).rejects.toThrow(
      'safeFill: label argument is required',
    );
  });
});

describe('recorder-style selectors replay (ENGINE.md §10, §15.5)', () => {
  const ctx = useBrowser();

  const cases: [string, string, string][] = [
    ['text="Place order"', 'buy', 'selector:text'],
    ['text=place ORDER', 'buy', 'selector:text'],
    ['data-testid="place-order"', 'buy', 'selector:testid'],
    ['data-testid=place-order', 'buy', 'selector:testid'],
    ['data-test-id="back"', 'back', 'css'],
    ['alt="Company logo"', 'home', 'selector:alt'],
    ['title="Close dialog"', 'close', 'selector:title'],
    ['role=button[name="Place order"]', 'buy', 'selector:role'],
    ['button.btn.primary', 'buy', 'css'],
    ['button.btn >> nth=1', 'buy', 'css'],
    ['form >> text=Back', 'back', 'css'],
    ['//button[@data-log="back"]', 'back', 'xpath'],
    ['#email ~ .btn.primary', 'buy', 'css'],
  ];
  it.each(cases)('safeClick(page, %j) clicks %s via %s', async (selector, expected, strategy) => {
    await ctx.page.setContent(SHOP);
    await safeClick(ctx.page, selector);
    expect(await clicks(ctx.page)).toEqual([expected]);
    expect(ctx.events).toMatchObject([{ strategy, strategyIndex: 0, healed: false }]);
  });

  it('label=, placeholder= and CSS selectors fill fields', async () => {
    await ctx.page.setContent(SHOP);
    await safeFill(ctx.page, 'label="Email address"', 'a@example.com');
    expect(await ctx.page.evaluate(value('#email'))).toBe('a@example.com');
    await safeFill(ctx.page, 'label=email', 'b@example.com');
    expect(await ctx.page.evaluate(value('#email'))).toBe('b@example.com');
    await safeFill(ctx.page, 'placeholder="Coupon code"', 'C1');
    expect(await ctx.page.evaluate(value('[name=coupon]'))).toBe('C1');
    await safeCheck(ctx.page, 'label="I accept the terms"');
    expect(await ctx.page.locator('[name=terms]').isChecked()).toBe(true);
    await safeSelect(ctx.page, 'select[name="country"]', 'de');
    expect(await ctx.page.evaluate(value('select'))).toBe('de');
    expect(ctx.events.map((e) => e.strategy)).toEqual([
      'selector:label',
      'selector:label',
      'selector:placeholder',
      'selector:label',
      'css',
    ]);
  });

  it('a recorded semantic selector whose element changed kind falls back to the waterfall for its name', async () => {
    await ctx.page.setContent(`${LOG_CLICKS}<a href="#next" data-log="next">Continue</a>`);
    await safeClick(ctx.page, 'role=button[name="Continue"]');
    expect(await clicks(ctx.page)).toEqual(['next']);
    expect(ctx.events).toMatchObject([
      {
        strategy: 'role:link',
        healed: true,
        oldLocator: 'role=button[name="Continue"]',
        newLocator: 'role=link[name="Continue"]',
      },
    ]);
  });
});

describe('sentri.* step helpers', () => {
  const ctx = useBrowser();

  it('run a recorded checkout through the same waterfall', async () => {
    await sentri.navigate(ctx.page, `data:text/html,${encodeURIComponent(SHOP)}`);
    await sentri.fill(ctx.page, 'label=Email address', 'ada@example.com');
    await sentri.fill(ctx.page, '#email', 'ada2@example.com');
    await sentri.select(ctx.page, 'label=Country', 'fr');
    await sentri.check(ctx.page, 'label=I accept the terms');
    await sentri.uncheck(ctx.page, 'input[name=terms]');
    await sentri.hover(ctx.page, 'text=Back');
    await sentri.press(ctx.page, 'Enter', 'placeholder=Coupon code');
    await sentri.press(ctx.page, 'Escape');
    await sentri.click(ctx.page, 'role=button[name="Place order"]');
    await sentri.click(ctx.page, 'Back'); // plain text: accessible name
    await sentri.expectVisible(ctx.page, 'role=heading[name="Checkout"]');
    await sentri.expectVisible(ctx.page, 'h1', 'Check');
    await sentri.expectVisible(ctx.page, undefined, 'Place order');
    await sentri.waitFor(ctx.page, 'form');
    await sentri.waitFor(ctx.page);
    expect(await ctx.page.evaluate(value('#email'))).toBe('ada2@example.com');
    expect(await ctx.page.evaluate(value('select'))).toBe('fr');
    expect(await ctx.page.evaluate('window.keys')).toEqual(['coupon:Enter', 'coupon:Escape']);
    // Enter in the coupon field submits the form: the browser clicks its default button first.
    expect(await clicks(ctx.page)).toEqual(['buy', 'buy', 'back']);
    expect(await sentri.target(ctx.page, 'label=Email address').inputValue()).toBe('ada2@example.com');
    expect(ctx.events.every((e) => !e.healed && !e.failed)).toBe(true);
  });

  it('waitFor waits for an element that appears later; expectVisible checks the text as written', async () => {
    await ctx.page.setContent(
      `<div id="out"></div><script>setTimeout(() => { document.getElementById('out').innerHTML = '<p class="done">Saved!</p>'; }, 300);</script>`,
    );
    await sentri.waitFor(ctx.page, 'p.done');
    await sentri.expectVisible(ctx.page, 'p.done', 'Saved');
    await expect(sentri.expectVisible(ctx.page, 'p.done', 'Deleted')).rejects.toThrow(/toContainText/);
  });
});
