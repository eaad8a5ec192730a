/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../../../fixtures/sites/index.js';
import { startFakeVendor } from '../../../packages/llm/test/fakes/fake-vendor.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';
import { readEvents } from './support/sse.js';

describe('crawling an app and generating draft tests, over HTTP in real Chromium', () => {
  let t: LiveApp;
  let forms: Site;
  let admin: TestSession;

  const call: ApiCall = (method, path, body) => bearerApi(t.url, () => admin.token)(method, path, body);

  const project = async (url: string) => (await call('POST', '/projects', { name: 'App', url })).body.id as string;
  const finished = (runId: string) => waitForRun(call, runId);

  beforeAll(async () => {
    forms = await startSite('forms');
    t = await startLiveApp({ env: { RATE_LIMIT_EXPENSIVE: '1000/1m', CRAWL_NETWORKIDLE_TIMEOUT: '1000' } });
    admin = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await forms?.close();
  });

  it('explores forms, streams pages, edges and stages, and stores what it saw as draft tests', async () => {
    const projectId = await project(forms.url);
    const started = await call('POST', `/projects/${projectId}/crawl`, {
      dialsConfig: { exploreMode: 'state', exploreActionTimeout: 3000 },
    });
    expect(started.status).toBe(202);
    const { runId } = started.body;
    // From the first event on: the crawl may have begun before the stream opened.
    const headers = { authorization: `Bearer ${admin.token}`, 'last-event-id': '0' };
    const stream = await readEvents(`${t.url}/api/v1/runs/${runId}/events`, headers, {
      until: (message) => message.event === 'done',
      timeoutMs: 120_000,
    });
    const events = stream.messages.map((message) => message.event);
    expect(events).toContain('page');
    expect(events).toContain('edge');
    expect(stream.messages.filter((m) => m.event === 'stage').map((m) => m.data.name)).toEqual([
      'crawl',
      'filter',
      'classify',
      'generate',
      'deduplicate',
      'enhance',
      'validate',
      'done',
    ]);
    const done = stream.messages.find((message) => message.event === 'done')!;
    expect(done.data).toMatchObject({ status: 'completed' });
    expect(done.data.testsGenerated).toBeGreaterThan(3);

    const run = await finished(runId);
    expect(run).toMatchObject({ type: 'crawl', status: 'completed', currentStep: 8 });
    expect(run.pages.map((page: any) => new URL(page.url).pathname)).toEqual(
      expect.arrayContaining(['/', '/newsletter']),
    );
    expect(run.siteGraph.edges.length).toBeGreaterThan(0);
    expect(run.pipelineStats).toMatchObject({ pagesFound: run.pagesFound });
    expect(run.generateInput.dialsConfig).toMatchObject({ exploreMode: 'state' });

    const tests = (await call('GET', `/projects/${projectId}/tests`)).body;
    const list = Array.isArray(tests) ? tests : tests.tests;
    expect(list).toHaveLength(run.tests.length);
    expect(list.every((test: any) => test.reviewStatus === 'draft')).toBe(true);
    const submit = list.find((test: any) => /Thanks, Jane Doe/.test(test.playwrightCode ?? ''));
    expect(submit).toMatchObject({ generatedFrom: 'builtin_state', modelUsed: 'sentri-builtin' });
    expect(submit.steps).toEqual(expect.arrayContaining(['Fill "Name" with "Jane Doe"']));
    const validation = list.find((test: any) => /Name is required/.test(test.playwrightCode ?? ''));
    expect(validation).toBeDefined();

    // A second crawl of the unchanged site adds nothing it already has.
    const again = await call('POST', `/projects/${projectId}/crawl`, { dialsConfig: { exploreMode: 'state' } });
    const second = await finished(again.body.runId);
    expect(second.status).toBe('completed_empty');
  }, 240_000);

  it('fails a crawl of an unreachable app with the reason, and refuses bad dials and cloud-metadata projects', async () => {
    // A port nothing listens on any more: the connection is refused.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const closed = await project(`http://127.0.0.1:${port}/`);
    const started = await call('POST', `/projects/${closed}/crawl`, {});
    const run = await finished(started.body.runId);
    expect(run).toMatchObject({ status: 'failed', errorCategory: 'navigation' });
    expect(run.error).toMatch(/refused/i);

    const unknown = await call('POST', `/projects/${closed}/crawl`, { dialsConfig: { exploreMode: 'deep' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/exploreMode/);
    const typo = await call('POST', `/projects/${closed}/crawl`, { dialsConfig: { explorMode: 'state' } });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatch(/explorMode/);

    const metadata = await call('POST', '/projects', { name: 'Metadata', url: 'http://169.254.169.254/latest/' });
    expect(metadata.status).toBe(400);
    expect(metadata.body).toMatchObject({ code: 'URL_REFUSED' });
    const hex = await call('POST', '/projects', { name: 'Metadata', url: 'http://0xA9FEA9FE/' });
    expect(hex.status).toBe(400);
    // Test code may not reach metadata either, through the page or the request fixture.
    const sneaky = await call('POST', `/projects/${closed}/tests`, {
      name: 'Reads instance credentials',
      steps: ['x'],
      playwrightCode: `test('x', async ({ request }) => {\n  const r = await request.get('http://169.254.169.254/latest/meta-data/iam');\n  expect(r.status()).toBe(200);\n});`,
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body).toMatchObject({ code: 'TEST_CODE_REFUSED' });
    expect(sneaky.body.error).toMatch(/169\.254\.169\.254/);
  }, 60_000);

  it('with an AI provider the model writes the crawl tests from the verified page facts, within the run budget', async () => {
    const anthropic = await startFakeVendor('anthropic');
    try {
      const saved = await call('POST', '/settings', {
        provider: 'anthropic',
        apiKey: 'sk-ant-test-0123456789',
        baseUrl: anthropic.baseUrl,
      });
      expect(saved.status).toBe(200);
      const reply = {
        tests: [
          {
            name: 'Contact form thanks the sender',
            description: 'Sends the contact form.',
            priority: 'high',
            type: 'functional',
            scenario: 'positive',
            steps: ['Open the contact page', 'Fill the name', 'Send'],
            playwrightCode: `test('Contact form thanks the sender', async ({ page }) => {
  // Step 1: Open the contact page
  await sentri.navigate(page, '/');
  // Step 2: Fill the name
  await sentri.fill(page, 'role=textbox[name="Name"]', 'Ada');
  // Step 3: Send
  await sentri.expectVisible(page, 'role=button[name="Send message"]');
  await expect(page).toHaveTitle(/Contact/);
});`,
          },
        ],
      };
      for (let i = 0; i < 12; i += 1)
        anthropic.reply({ text: JSON.stringify(reply), inputTokens: 1000, outputTokens: 200 });
      const projectId = await project(forms.url);
      const started = await call('POST', `/projects/${projectId}/crawl`, { dialsConfig: { testCount: 'small' } });
      const run = await finished(started.body.runId);
      expect(run.status).toBe('completed');
      expect(anthropic.requests.length).toBeGreaterThan(0);
      // The page facts sent to the model carry the locators verified on the page.
      expect(JSON.stringify(anthropic.requests[0]!.body)).toContain('role=textbox[name=\\"Name\\"]');
      expect(run.tokenUsage).toMatchObject({ provider: 'anthropic', calls: anthropic.requests.length });
      expect(run.tokenUsage.totalTokens).toBe(1200 * anthropic.requests.length);
      const body = (await call('GET', `/projects/${projectId}/tests`)).body;
      const tests = (Array.isArray(body) ? body : body.tests) as any[];
      expect(tests.length).toBeGreaterThan(0);
      expect(tests.every((test) => test.modelUsed === 'Claude Sonnet' && test.generatedFrom === 'ai_crawl')).toBe(true);
    } finally {
      await call('DELETE', '/settings/anthropic');
      await anthropic.close();
    }
  }, 120_000);
});
