import fs from 'node:fs';
import { test as base, type Page, type Request } from '@playwright/test';
import { emit, eventsEnabled, type NetworkEvent } from './channel.js';

/**
 * `@playwright/test` with what a Sentri run adds around every test: the live screencast and the
 * run's network condition. A run's specs import `test` from here instead of from
 * `@playwright/test`; everything else is Playwright's own. Outside a run (SENTRI_EVENTS unset)
 * the fixture does nothing.
 */
export * from '@playwright/test';

/** About 7 frames a second is enough to follow a test and keeps a parallel run's stream small. */
const FRAME_INTERVAL_MS = 140;

/** The page of the test running in this worker (a worker runs one test at a time). */
let currentPage: Page | undefined;
let stepsCaptured = 0;

const extended = base.extend<{ sentriRun: void }>({
  sentriRun: [
    async ({ page, browserName }, use) => {
      if (!eventsEnabled()) return use();
      currentPage = page;
      stepsCaptured = 0;
      const network = process.env.SENTRI_NETWORK ?? 'fast';
      const teardowns: (() => Promise<unknown>)[] = [];
      if (network === 'slow3g') teardowns.push(await throttle(page, browserName));
      if (process.env.SENTRI_SCREENCAST === '1' && browserName === 'chromium')
        teardowns.push(screencastWhileWatched(page, process.env.SENTRI_LIVE_FILE));
      teardowns.push(recordNetwork(page));
      try {
        await use();
      } finally {
        currentPage = undefined;
        for (const teardown of teardowns) await teardown().catch(() => undefined);
      }
    },
    { auto: true },
  ],
});

/**
 * Evidence at the end of a step: a viewport screenshot in the test's output folder, announced to
 * the run. Steps are the top-level `test.step(...)` blocks and `// Step N:` comments of a test
 * (a run turns those into calls of this function). A failed capture never fails the test.
 */
export async function captureStep(title: string, step?: number): Promise<void> {
  const page = currentPage;
  if (!page || !eventsEnabled() || page.isClosed()) return;
  const number = step ?? stepsCaptured + 1;
  stepsCaptured = Math.max(stepsCaptured, number);
  const started = Date.now();
  try {
    const screenshotPath = base.info().outputPath(`step-${number}.png`);
    await page.screenshot({ path: screenshotPath, timeout: 5000 });
    emit({ type: 'step-capture', step: number, title, screenshotPath, durationMs: Date.now() - started });
  } catch {
    // Evidence is best effort: the page may be navigating or gone.
  }
}

/** `test.step` that also captures the page once a top-level step passes. */
const runStep = async <T>(
  title: string,
  body: Parameters<typeof base.step<T>>[1],
  options?: Parameters<typeof base.step<T>>[2],
): Promise<T> => {
  const outermost = !insideStep;
  insideStep = true;
  try {
    const result = await base.step(title, body, options);
    if (outermost) await captureStep(title);
    return result;
  } finally {
    if (outermost) insideStep = false;
  }
};
let insideStep = false;
const step = Object.assign(runStep, { skip: base.step.skip }) as typeof base.step;

export const test = Object.assign(extended, { step }) as typeof extended;

/** Network evidence: method, URL, status and timing of what the page requested (the first 300). */
function recordNetwork(page: Page): () => Promise<void> {
  const KEEP = 300;
  const entries: NetworkEvent['entries'] = [];
  const started = new Map<Request, number>();
  let dropped = 0;
  const finish = (request: Request, status: number | null, failure?: string) => {
    const begin = started.get(request);
    started.delete(request);
    if (entries.length >= KEEP) return void dropped++;
    entries.push({
      method: request.method(),
      url: request.url().slice(0, 2000),
      status,
      durationMs: begin === undefined ? null : Date.now() - begin,
      ...(failure ? { failure } : {}),
    });
  };
  page.on('request', (request) => started.set(request, Date.now()));
  page.on('requestfinished', (request) => {
    void request.response().then(
      (response) => finish(request, response?.status() ?? null),
      () => finish(request, null),
    );
  });
  page.on('requestfailed', (request) => finish(request, null, request.failure()?.errorText ?? 'failed'));
  return async () => emit({ type: 'network', entries, dropped });
}

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

/**
 * The screencast costs the browser a JPEG every few frames: it runs only while someone watches
 * the run, which the run says by the presence of a file (checked twice a second). Without a
 * file path it runs all the time.
 */
function screencastWhileWatched(page: Page, liveFile: string | undefined): () => Promise<unknown> {
  let stop: (() => Promise<unknown>) | undefined;
  let switching: Promise<unknown> = Promise.resolve();
  const check = () => {
    const watched = !liveFile || fs.existsSync(liveFile);
    if (watched && !stop && !page.isClosed()) {
      stop = () => Promise.resolve();
      switching = switching.then(async () => (stop = await startScreencast(page))).catch(() => (stop = undefined));
    } else if (!watched && stop) {
      const stopping = stop;
      stop = undefined;
      switching = switching.then(() => stopping()).catch(() => undefined);
    }
  };
  check();
  const timer = liveFile ? setInterval(check, 500) : undefined;
  return async () => {
    clearInterval(timer);
    await switching;
    await stop?.();
  };
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
