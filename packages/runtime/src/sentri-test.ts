import { test as base, type Page } from '@playwright/test';
import { emit, eventsEnabled } from './channel.js';

/**
 * `@playwright/test` with what a Sentri run adds around every test: the live screencast and the
 * run's network condition. A run's specs import `test` from here instead of from
 * `@playwright/test`; everything else is Playwright's own. Outside a run (SENTRI_EVENTS unset)
 * the fixture does nothing.
 */
export * from '@playwright/test';

/** About 7 frames a second is enough to follow a test and keeps a parallel run's stream small. */
const FRAME_INTERVAL_MS = 140;

export const test = base.extend<{ sentriRun: void }>({
  sentriRun: [
    async ({ page, browserName }, use) => {
      if (!eventsEnabled()) return use();
      const network = process.env.SENTRI_NETWORK ?? 'fast';
      const teardowns: (() => Promise<unknown>)[] = [];
      if (network === 'slow3g') teardowns.push(await throttle(page, browserName));
      if (process.env.SENTRI_SCREENCAST === '1' && browserName === 'chromium')
        teardowns.push(await startScreencast(page));
      try {
        await use();
      } finally {
        for (const teardown of teardowns) await teardown().catch(() => undefined);
      }
    },
    { auto: true },
  ],
});

/** 400 ms latency and 400 kbit/s both ways: CDP emulation on Chromium, a delaying route elsewhere. */
async function throttle(page: Page, browserName: string): Promise<() => Promise<unknown>> {
  if (browserName === 'chromium') {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 51_200,
      uploadThroughput: 51_200,
    });
    return () => cdp.detach();
  }
  await page.route('**/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  return () => page.unrouteAll({ behavior: 'ignoreErrors' });
}

async function startScreencast(page: Page): Promise<() => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  let lastSent = 0;
  cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number }) => {
    cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
    const now = Date.now();
    if (now - lastSent < FRAME_INTERVAL_MS) return;
    lastSent = now;
    emit({ type: 'frame', data: frame.data });
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 50, maxWidth: 800, maxHeight: 600 });
  return async () => {
    await cdp.send('Page.stopScreencast').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  };
}
