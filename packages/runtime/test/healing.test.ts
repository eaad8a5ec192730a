import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as pwExpect } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ElementNotFoundError,
  resetHealingMemory,
  safeClick,
  safeExpect,
  safeFill,
  sentri,
  waterfall,
  type HealEvent,
} from '../src/index.js';
import { LOG_CLICKS, clicks, setEnv, useBrowser } from './support.js';

const V1 = `${LOG_CLICKS}<main><h1>Cart</h1><form onsubmit="event.preventDefault()">
  <button id="buy-btn" class="btn primary" type="submit" data-log="buy">Place order</button>
  <button class="btn" type="button" data-log="cancel">Cancel</button>
</form></main>`;

/** The same screen after a refactor: new id, classes, tag and wrapper; same role, name and text. */
const V2 = `${LOG_CLICKS}<main><h1>Cart</h1><form onsubmit="event.preventDefault()"><div class="actions">
  <a href="#" role="button" class="cta cta--primary" data-log="buy2" onclick="event.preventDefault()">Place order</a>
  <button class="cta" type="button" data-log="cancel">Cancel</button>
</div></form></main>`;

/** "Place order" is really gone; look-alike buttons remain. */
const GONE = `${LOG_CLICKS}<main><h1>Cart</h1><form onsubmit="event.preventDefault()">
  <button class="btn primary" type="submit" data-log="help">Help</button>
  <button class="btn" type="button" data-log="cancel">Cancel</button>
</form></main>`;

/** Two equally good candidates: acting on either would be a coin toss. */
const TWINS = `${LOG_CLICKS}<main><h1>Cart</h1><form onsubmit="event.preventDefault()">
  <div class="actions"><a href="#" role="button" class="cta" data-log="a" onclick="event.preventDefault()">Place order</a></div>
  <div class="actions"><a href="#" role="button" class="cta" data-log="b" onclick="event.preventDefault()">Place order</a></div>
</form></main>`;

const last = (events: HealEvent[]) => events[events.length - 1];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-runtime-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function hintsFile(content: unknown): string {
  const file = path.join(tmp, `hints-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('waterfall order, healing memory and `healed`', () => {
  const ctx = useBrowser();
  const SAVE = `${LOG_CLICKS}<a href="#" data-log="link" onclick="event.preventDefault()">Save</a><button data-log="button">Save</button>`;

  it('tries strategies in §5.2 order; winning with strategy 0 and no hint is not a heal', async () => {
    expect(waterfall('click', 'Save').map((s) => s.name)).toEqual([
      'role:button',
      'role:link',
      'role:menuitem',
      'role:tab',
      'role:checkbox',
      'role:radio',
      'role:switch',
      'role:option',
      'text-exact',
      'text',
      'aria-label',
      'title',
    ]);
    await ctx.page.setContent(SAVE);
    await safeClick(ctx.page, 'Save');
    expect(await clicks(ctx.page)).toEqual(['button']);
    expect(ctx.events).toHaveLength(1);
    expect(ctx.events[0]).toMatchObject({
      type: 'heal',
      key: 'adhoc::click::Save',
      action: 'click',
      label: 'Save',
      strategy: 'role:button',
      strategyIndex: 0,
      healed: false,
    });
    expect(ctx.events[0]?.previousStrategy).toBeUndefined();
    expect(ctx.events[0]?.after).toMatchObject({ tag: 'button', role: 'button', name: 'Save', path: 'body>button' });
  });

  it('a later strategy resolving a plain-text argument is ordinary resolution, not a heal', async () => {
    await ctx.page.setContent(`${LOG_CLICKS}<a href="#" data-log="link" onclick="event.preventDefault()">Save</a>`);
    await safeClick(ctx.page, 'Save');
    expect(ctx.events).toMatchObject([{ strategy: 'role:link', strategyIndex: 1, healed: false }]);
  });

  it('tries the remembered strategy from SENTRI_HEALING_FILE first', async () => {
    const restore = setEnv({
      SENTRI_TEST_ID: 'checkout',
      SENTRI_HEALING_FILE: hintsFile({ 'checkout::click::Save': { strategy: 'role:link' } }),
    });
    try {
      await ctx.page.setContent(SAVE);
      await safeClick(ctx.page, 'Save');
      expect(await clicks(ctx.page)).toEqual(['link']);
      expect(ctx.events).toMatchObject([
        {
          key: 'checkout::click::Save',
          strategy: 'role:link',
          strategyIndex: 1,
          previousStrategy: 'role:link',
          healed: false,
        },
      ]);
    } finally {
      restore();
    }
  });

  it('the remembered strategy failing and another winning is a heal, with evidence; the winner is learned', async () => {
    const restore = setEnv({
      SENTRI_TEST_ID: 'checkout',
      SENTRI_HEALING_FILE: hintsFile({ 'checkout::click::Save': { strategy: 'role:link' } }),
    });
    try {
      await ctx.page.setContent(`${LOG_CLICKS}<button data-log="button">Save</button>`);
      await safeClick(ctx.page, 'Save');
      const heal = ctx.events[0];
      expect(heal).toMatchObject({
        strategy: 'role:button',
        strategyIndex: 0,
        previousStrategy: 'role:link',
        healed: true,
        oldLocator: 'Save',
        newLocator: 'role=button[name="Save"]',
      });
      expect(heal?.screenshotPath && fs.statSync(heal.screenshotPath).size).toBeGreaterThan(0);
      // Learned in this worker: next time the button is the remembered strategy.
      await safeClick(ctx.page, 'Save');
      expect(last(ctx.events)).toMatchObject({
        strategy: 'role:button',
        previousStrategy: 'role:button',
        healed: false,
      });
    } finally {
      restore();
    }
  });

  it('a missing or broken hints file means no hints', async () => {
    for (const file of [path.join(tmp, 'nope.json'), hintsFile('{not json')]) {
      resetHealingMemory();
      const restore = setEnv({ SENTRI_HEALING_FILE: file });
      try {
        await ctx.page.setContent(SAVE);
        await safeClick(ctx.page, 'Save');
        expect(last(ctx.events)).toMatchObject({ strategy: 'role:button', healed: false });
      } finally {
        restore();
      }
    }
  });

  it('the scroll-to-bottom pass finds content that loads at the end of the page', async () => {
    await ctx.page.setContent(`${LOG_CLICKS}<div style="height: 3000px">Feed</div><div id="end"></div><script>
      addEventListener('scroll', () => {
        if (window.loaded || scrollY + innerHeight < document.body.scrollHeight - 10) return;
        window.loaded = true;
        document.getElementById('end').innerHTML = '<button data-log="more">Load more</button>';
      });</script>`);
    await safeClick(ctx.page, 'Load more');
    expect(await clicks(ctx.page)).toEqual(['more']);
    expect(ctx.events).toMatchObject([{ strategy: 'role:button', healed: false }]);
  });

  it('retries the action while the element is not actionable yet', async () => {
    const restore = setEnv({ SENTRI_STEP_BUDGET: '5000' });
    try {
      await ctx.page.setContent(`${LOG_CLICKS}<button disabled data-log="late">Submit</button>
        <script>setTimeout(() => { document.querySelector('button').disabled = false; }, 1500);</script>`);
      // Attempt 1 times out after 1000 ms on the disabled button; attempt 2 clicks it.
      await safeClick(ctx.page, 'Submit');
      expect(await clicks(ctx.page)).toEqual(['late']);
    } finally {
      restore();
    }
  });
});

describe('fingerprint heal', () => {
  const ctx = useBrowser();

  it('re-finds a refactored button (id, classes, tag changed; same name) and reports score, before and after', async () => {
    await ctx.page.setContent(V1);
    await safeClick(ctx.page, '#buy-btn');
    expect(ctx.events[0]).toMatchObject({ strategy: 'css', strategyIndex: 0, healed: false });
    expect(ctx.events[0]?.after).toMatchObject({ id: 'buy-btn', tag: 'button', classes: ['btn', 'primary'] });

    await ctx.page.setContent(V2);
    await safeClick(ctx.page, '#buy-btn');
    expect(await clicks(ctx.page)).toEqual(['buy2']);
    const heal = ctx.events[1];
    expect(heal).toMatchObject({
      key: 'adhoc::click::#buy-btn',
      strategy: 'fingerprint',
      strategyIndex: 1,
      healed: true,
      oldLocator: '#buy-btn',
      newLocator: 'role=button[name="Place order"]',
      before: { id: 'buy-btn', tag: 'button' },
      after: { id: null, tag: 'a', role: 'button', name: 'Place order', classes: ['cta', 'cta--primary'] },
    });
    expect(heal?.score).toBeGreaterThanOrEqual(0.6);
    expect(heal?.screenshotPath && fs.statSync(heal.screenshotPath).size).toBeGreaterThan(0);

    // Remembered as a fingerprint heal: tried first next time, still reported as healed.
    await ctx.page.setContent(V2);
    await safeClick(ctx.page, '#buy-btn');
    expect(last(ctx.events)).toMatchObject({ strategy: 'fingerprint', previousStrategy: 'fingerprint', healed: true });
    expect(last(ctx.events)?.durationMs).toBeLessThan(1000);
  });

  it('heals a fill from a fingerprint in the hints file', async () => {
    await ctx.page.setContent(
      `<form><label for="email">Email</label><input id="email" name="email" type="email" class="input"></form>`,
    );
    await safeFill(ctx.page, '#email', 'first@example.com');
    const remembered = ctx.events[0]?.after;
    expect(remembered).toMatchObject({ name: 'Email', attributes: { name: 'email', type: 'email' } });

    resetHealingMemory();
    const restore = setEnv({
      SENTRI_HEALING_FILE: hintsFile({ 'adhoc::fill::#email': { strategy: 'css', fingerprint: remembered } }),
    });
    try {
      await ctx.page.setContent(`<form><div class="row"><label for="user-email">Email</label>
        <input id="user-email" name="email" type="email" class="form-control"></div>
        <div class="row"><label for="name">Full name</label><input id="name" name="name" class="form-control"></div></form>`);
      await safeFill(ctx.page, '#email', 'second@example.com');
      expect(await ctx.page.locator('#user-email').inputValue()).toBe('second@example.com');
      expect(await ctx.page.locator('#name').inputValue()).toBe('');
      expect(last(ctx.events)).toMatchObject({
        strategy: 'fingerprint',
        healed: true,
        previousStrategy: 'css',
        newLocator: 'role=textbox[name="Email"]',
        before: { id: 'email' },
        after: { id: 'user-email' },
      });
    } finally {
      restore();
    }
  });

  it('fails cleanly, without acting, when the element is really gone', async () => {
    await ctx.page.setContent(V1);
    await safeClick(ctx.page, '#buy-btn');
    await ctx.page.setContent(GONE);
    const error = (await safeClick(ctx.page, '#buy-btn').catch((e: unknown) => e)) as ElementNotFoundError;
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect(error.tried).toEqual(['css', 'fingerprint']);
    expect(error.bestScore).toBeLessThan(0.6);
    expect(error.message).toMatch(/Fingerprint heal refused: best candidate scored 0\.\d+ \(threshold 0\.6\)/);
    expect(await clicks(ctx.page)).toEqual([]);
    expect(last(ctx.events)).toMatchObject({
      strategy: 'none',
      strategyIndex: -1,
      healed: false,
      failed: true,
      previousStrategy: 'css',
      before: { id: 'buy-btn' },
    });
  });

  it('fails cleanly when two candidates are equally similar', async () => {
    await ctx.page.setContent(V1);
    await safeClick(ctx.page, '#buy-btn');
    await ctx.page.setContent(TWINS);
    const error = (await safeClick(ctx.page, '#buy-btn').catch((e: unknown) => e)) as ElementNotFoundError;
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect(error.message).toMatch(/ambiguous/);
    expect(error.bestScore).toBeGreaterThanOrEqual(0.6);
    expect(await clicks(ctx.page)).toEqual([]);
    expect(last(ctx.events)).toMatchObject({ failed: true });
  });
});

describe('assertions are never healed', () => {
  const ctx = useBrowser();

  it('safeExpect with the wrong text fails even though the element (and its fingerprint) is there', async () => {
    await ctx.page.setContent(`<main><h1 id="greeting" class="title">Welcome, Bob</h1></main>`);
    await safeExpect(ctx.page, pwExpect, 'Welcome, Bob', 'heading');
    await safeExpect(ctx.page, pwExpect, '#greeting');
    await ctx.page.setContent(`<main><h1 id="greeting" class="title">Welcome, Ada</h1></main>`);
    const error = (await safeExpect(ctx.page, pwExpect, 'Welcome, Bob', 'heading').catch(
      (e: unknown) => e,
    )) as ElementNotFoundError;
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect(error.tried).not.toContain('fingerprint');
    expect(ctx.events.filter((e) => e.strategy === 'fingerprint')).toEqual([]);
    // Named by structure, the element is still found and visible.
    await safeExpect(ctx.page, pwExpect, '#greeting');
    // …but the text asserted about it is checked as written.
    await expect(sentri.expectVisible(ctx.page, '#greeting', 'Welcome, Bob')).rejects.toThrow(/toContainText/);
    expect(last(ctx.events)).toMatchObject({ label: '#greeting', strategy: 'css', healed: false });
  });

  it('expectVisible re-finds a refactored element by fingerprint, but checks `expected` as written', async () => {
    await ctx.page.setContent(`<main><h1 class="old-title">Welcome, Ada</h1><p>Your orders</p></main>`);
    await sentri.expectVisible(ctx.page, 'h1.old-title', 'Welcome');
    await ctx.page.setContent(
      `<main><div class="hero"><h2 class="headline">Welcome, Ada</h2></div><p>Your orders</p></main>`,
    );
    await sentri.expectVisible(ctx.page, 'h1.old-title', 'Welcome');
    expect(last(ctx.events)).toMatchObject({ strategy: 'fingerprint', healed: true, after: { tag: 'h2' } });
    await expect(sentri.expectVisible(ctx.page, 'h1.old-title', 'Goodbye')).rejects.toThrow(/toContainText/);
  });
});

describe('failures', () => {
  const ctx = useBrowser();

  it('throw ElementNotFoundError with action, label and the strategies tried, and emit a failed event', async () => {
    await ctx.page.setContent('<main><p>Nothing to click</p></main>');
    const error = (await safeClick(ctx.page, 'Checkout').catch((e: unknown) => e)) as ElementNotFoundError;
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ElementNotFoundError');
    expect(error.action).toBe('click');
    expect(error.label).toBe('Checkout');
    expect(error.tried).toEqual(waterfall('click', 'Checkout').map((s) => s.name));
    expect(error.message).toContain('safeClick: no element found for "Checkout"');
    expect(error.message).toContain('Tried: role:button, role:link,');
    expect(error.message).toContain('text-exact, text, aria-label, title');
    expect(ctx.events).toMatchObject([
      { key: 'adhoc::click::Checkout', strategy: 'none', strategyIndex: -1, healed: false, failed: true },
    ]);
  });

  it('an invalid selector fails fast, saying why', async () => {
    await ctx.page.setContent('<button>Go</button>');
    const started = Date.now();
    const error = (await safeClick(ctx.page, '#go[').catch((e: unknown) => e)) as ElementNotFoundError;
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect(error.message).toMatch(/css: Unexpected token/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a missing element fails within ~10 s with the default timeouts', { timeout: 20_000 }, async () => {
    const restore = setEnv({ HEALING_ELEMENT_TIMEOUT: undefined, HEALING_RETRY_DELAY: undefined });
    try {
      await ctx.page.setContent('<button>Other</button>');
      const started = Date.now();
      await expect(safeClick(ctx.page, 'Missing')).rejects.toBeInstanceOf(ElementNotFoundError);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(5000); // waited HEALING_ELEMENT_TIMEOUT for it to appear
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      restore();
    }
  });
});
